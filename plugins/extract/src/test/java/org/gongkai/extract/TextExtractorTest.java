package org.gongkai.extract;

import static org.gongkai.extract.TestFiles.assertFails;
import static org.gongkai.extract.TestFiles.assertTimesOutWhenInterrupted;
import static org.gongkai.extract.TestFiles.assertWellFormed;
import static org.gongkai.extract.TestFiles.blocks;
import static org.gongkai.extract.TestFiles.describe;
import static org.gongkai.extract.TestFiles.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.gongkai.spi.Block;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.ExtractionException.Reason;
import org.gongkai.spi.ExtractionGap;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.Part;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextExtractorTest {
    static final String TEXT = "text/plain";
    static final Charset GB18030 = Charset.forName("GB18030");
    static final List<String> NOTICE = List.of("关于做好防汛工作的通知", "各乡镇：", "请做好防汛准备。", "县应急管理局", "2022年6月1日", "（此件主动公开）");
    private static TextExtractor text;

    @TempDir
    Path tmp;

    @BeforeAll
    static void configure() {
        text = TestFiles.configured(new TextExtractor());
    }

    static List<String> lines(DocumentText t) {
        return blocks(t, Part.BODY).stream().map(Block::text).toList();
    }

    DocumentText read(byte[] bytes, ExtractionLimits limits) throws Exception {
        Path f = Files.write(Files.createTempFile(tmp, "t", ".txt"), bytes);
        DocumentText t = text.extract(f, TEXT, limits);
        assertWellFormed(t);
        return t;
    }

    @Test
    void gb18030FixtureIsDecoded() throws Exception {
        Path f = fixture("extraction/gb18030-notice.txt");
        // which type the host detects for it is the server's TypeDetector's concern (Tika calls short GB18030 text octet-stream)
        DocumentText t = text.extract(f, TEXT, ExtractionLimits.defaults());
        assertWellFormed(t);
        assertTrue(t.complete());
        assertEquals("GB18030", t.properties().get("charset"));
        assertEquals(NOTICE, lines(t));
        assertEquals(String.join("\n", NOTICE), t.text());
    }

    @Test
    void encodingsAreRecognised() throws Exception {
        String s = String.join("\r\n", NOTICE) + "\r\n";
        DocumentText utf8 = read(s.getBytes(StandardCharsets.UTF_8), ExtractionLimits.defaults());
        assertEquals("UTF-8", utf8.properties().get("charset"));
        assertEquals(NOTICE, lines(utf8));

        byte[] bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, s.getBytes(StandardCharsets.UTF_8));
        DocumentText withBom = read(bom, ExtractionLimits.defaults());
        assertEquals(NOTICE, lines(withBom));
        assertFalse(withBom.text().startsWith("\uFEFF"));

        DocumentText le = read(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, s.getBytes(StandardCharsets.UTF_16LE)), ExtractionLimits.defaults());
        assertEquals("UTF-16LE", le.properties().get("charset"));
        assertEquals(NOTICE, lines(le));
        DocumentText be = read(concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, s.getBytes(StandardCharsets.UTF_16BE)), ExtractionLimits.defaults());
        assertEquals(NOTICE, lines(be));

        // GB18030 beyond GBK: a four-byte ideograph of extension B
        String rare = "申请人𠀀某，身份证号１１０１０５１９４９１２３１００２Ｘ";
        DocumentText gb = read(rare.getBytes(GB18030), ExtractionLimits.defaults());
        assertEquals("GB18030", gb.properties().get("charset"));
        assertEquals(rare, gb.text());
    }

    @Test
    void blankLinesAreNotBlocksButLineBreaksAreKept() throws Exception {
        DocumentText t = read("第一行\n\n   \n第二行\r第三行\r\n".getBytes(StandardCharsets.UTF_8), ExtractionLimits.defaults());
        assertEquals(List.of("第一行", "第二行", "第三行"), lines(t));
        assertTrue(t.complete());
    }

    @Test
    void longFileIsTruncatedWithAGapNotRejected() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            sb.append("第").append(i).append("行，请做好防汛准备。\n");
        }
        for (Charset cs : List.of(StandardCharsets.UTF_8, GB18030)) {
            DocumentText t = read(sb.toString().getBytes(cs), TestFiles.limits(100));
            assertFalse(t.complete(), describe(t));
            assertEquals(1, t.gaps().size(), describe(t));
            assertEquals(ExtractionGap.Reason.TRUNCATED, t.gaps().get(0).reason());
            assertEquals(cs.name(), t.properties().get("charset"));
            assertEquals(100, t.blocks().stream().mapToInt(b -> b.text().length()).sum());
            assertTrue(t.text().startsWith("第0行，请做好防汛准备。"), t.text());
            assertFalse(t.text().contains("\uFFFD"), "no character was broken at the cut: " + t.text());
        }
    }

    @Test
    void cutInsideAMultiByteCharacterStaysUtf8() throws Exception {
        // 4 * maxChars + 16 bytes are read: make the cut fall inside a three-byte character
        int max = 10;
        byte[] b = "通知通知通知通知通知通知通知通知通知通知通知通知通知通知通知通知通知通知通知".getBytes(StandardCharsets.UTF_8);
        assertTrue(b.length > 4 * max + 16 && (4 * max + 16) % 3 != 0);
        DocumentText t = read(b, TestFiles.limits(max));
        assertEquals("UTF-8", t.properties().get("charset"));
        assertEquals("通知通知通知通知通知", t.text());
        assertFalse(t.complete());
    }

    @Test
    void manyEmptyLinesBeyondTheByteLimitAreStillReportedAsTruncated() throws Exception {
        byte[] b = new byte[1000];
        Arrays.fill(b, (byte) '\n');
        b[0] = 'A';
        b[999] = 'Z';
        DocumentText t = read(b, TestFiles.limits(10));
        assertEquals(List.of("A"), lines(t));
        assertFalse(t.complete(), "the end of the file was never read" + describe(t));
    }

    @Test
    void emptyFileIsEmpty() throws Exception {
        Path f = Files.createFile(tmp.resolve("empty.txt"));
        assertFails(Reason.EMPTY, () -> text.extract(f, TEXT, ExtractionLimits.defaults()));
    }

    @Test
    void interruptedExtractionIsATimeout() {
        assertTimesOutWhenInterrupted(text, fixture("extraction/gb18030-notice.txt"), TEXT);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
