package org.gongkai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import org.apache.poi.EmptyFileException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionException.Reason;
import org.gongkai.spi.ExtractionGap;
import org.gongkai.spi.Part;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How parser failures become reasons, and how the block sink enforces the character limit. */
class FailuresTest {

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void parserFailuresMapToReasons() {
        assertEquals(Reason.ENCRYPTED, Failures.of(new EncryptedDocumentException("x"), "Word document").reason());
        assertEquals(Reason.EMPTY, Failures.of(new EmptyFileException(), "Word document").reason());
        assertEquals(Reason.LIMIT_EXCEEDED, Failures.of(new IOException("Zip bomb detected! The file would exceed the max ratio"), "Word document").reason());
        assertEquals(Reason.LIMIT_EXCEEDED, Failures.of(new StackOverflowError(), "PDF").reason());
        assertEquals(Reason.CORRUPT, Failures.of(new NotOfficeXmlFileException("x"), "Word document").reason());
        ExtractionException other = Failures.of(new IllegalStateException("boom"), "PDF");
        assertEquals(Reason.CORRUPT, other.reason());
        assertTrue(other.getMessage().contains("IllegalStateException") && other.getMessage().contains("PDF"), other.getMessage());
        ExtractionException same = new ExtractionException(Reason.NO_TEXT, "x");
        assertTrue(same == Failures.of(same, "PDF"));
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void interruptionsAreTimeOutsAndKeepTheFlag() {
        ExtractionException a = Failures.of(new IOException("read failed", new ClosedByInterruptException()), "PDF");
        assertEquals(Reason.TIMEOUT, a.reason());
        assertTrue(Thread.interrupted(), "the interrupt is passed on");
        assertEquals(Reason.TIMEOUT, Failures.of(new InterruptedIOException(), "PDF").reason());
        assertTrue(Thread.interrupted());
        Thread.currentThread().interrupt();
        assertEquals(Reason.TIMEOUT, Failures.of(new IllegalStateException("whatever failed"), "PDF").reason());
    }

    @Test
    void sinkTruncatesAtTheLimitOnceAndSkipsBlankBlocks() throws Exception {
        BlockSink sink = new BlockSink(10);
        assertTrue(sink.add(Part.BODY, "   ", null, ""));
        assertTrue(sink.add(Part.BODY, "123456", 1, ""));
        assertFalse(sink.add(Part.TABLE, "7890ABC", 2, "表格1 第1行第1列"));
        assertFalse(sink.add(Part.BODY, "more", 3, ""));
        assertEquals(2, sink.blocks().size());
        assertEquals("7890", sink.blocks().get(1).text());
        assertEquals(Part.TABLE, sink.blocks().get(1).part());
        assertEquals(1, sink.gaps().size());
        ExtractionGap g = sink.gaps().get(0);
        assertEquals(ExtractionGap.Reason.TRUNCATED, g.reason());
        assertEquals(2, g.page());
        assertTrue(g.message().contains("10"), g.message());
    }

    @Test
    void sinkAtExactlyTheLimitStillReportsWhatFollows() throws Exception {
        BlockSink sink = new BlockSink(6);
        assertTrue(sink.add(Part.BODY, "123456", null, ""));
        assertFalse(sink.add(Part.BODY, "7", null, ""));
        assertEquals(1, sink.blocks().size());
        assertEquals(1, sink.gaps().size(), "text beyond the limit was dropped: that is a gap");
    }

    @Test
    void sinkStopsWhenInterrupted() {
        BlockSink sink = new BlockSink(100);
        Thread.currentThread().interrupt();
        ExtractionException e = TestFiles.assertFails(Reason.TIMEOUT, () -> sink.add(Part.BODY, "text", null, ""));
        assertTrue(e.getMessage().contains("timed out"));
    }
}
