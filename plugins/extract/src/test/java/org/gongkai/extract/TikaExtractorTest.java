package org.gongkai.extract;

import static org.gongkai.extract.TestFiles.assertFails;
import static org.gongkai.extract.TestFiles.assertKeptApart;
import static org.gongkai.extract.TestFiles.assertNowhere;
import static org.gongkai.extract.TestFiles.assertTimesOutWhenInterrupted;
import static org.gongkai.extract.TestFiles.assertWellFormed;
import static org.gongkai.extract.TestFiles.blockWith;
import static org.gongkai.extract.TestFiles.blocks;
import static org.gongkai.extract.TestFiles.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gongkai.spi.Block;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.ExtractionException.Reason;
import org.gongkai.spi.ExtractionGap;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.Part;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TikaExtractorTest {
    static final String RTF = "application/rtf";
    private static TikaExtractor tika;

    @TempDir
    Path tmp;

    @BeforeAll
    static void configure() {
        tika = TestFiles.configured(new TikaExtractor());
    }

    /** RTF escapes each CJK character as a Unicode control word. */
    static String rtf(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c < 128 ? String.valueOf(c) : "\\u" + (int) (short) c + "?");
        }
        return sb.toString();
    }

    Path rtfFile(String author, String... paragraphs) throws Exception {
        StringBuilder sb = new StringBuilder("{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}{\\info{\\author ")
                .append(rtf(author)).append("}}\\pard\\plain\\f0 ");
        for (String p : paragraphs) {
            sb.append(rtf(p)).append("\\par\n");
        }
        sb.append("}");
        return Files.writeString(tmp.resolve("draft.rtf"), sb.toString(), StandardCharsets.US_ASCII);
    }

    @Test
    void rtfBodyAndAuthorAreSeparated() throws Exception {
        Path f = rtfFile("李小红", "关于开展燃气安全检查的通知", "请各单位认真落实。", "（此件主动公开）");
        assertEquals(RTF, TestFiles.detect(f));
        DocumentText t = tika.extract(f, RTF, ExtractionLimits.defaults());
        assertWellFormed(t);
        assertTrue(t.complete(), describe(t));
        assertEquals("关于开展燃气安全检查的通知", blocks(t, Part.BODY).get(0).text().strip());
        blockWith(t, Part.BODY, "（此件主动公开）");
        assertKeptApart(t, "李小红", Part.METADATA);
        assertEquals("tika", t.properties().get("extractor"));
    }

    @Test
    void htmlIsRead() throws Exception {
        Path f = Files.writeString(tmp.resolve("page.html"), "<html><head><meta charset=\"utf-8\"><title>标题</title></head><body>"
                + "<p>第一段正文</p><p>第二段正文</p><script>var hidden = 'not text';</script></body></html>", StandardCharsets.UTF_8);
        DocumentText t = tika.extract(f, "text/html", ExtractionLimits.defaults());
        assertWellFormed(t);
        assertTrue(t.complete(), describe(t));
        blockWith(t, Part.BODY, "第一段正文");
        blockWith(t, Part.BODY, "第二段正文");
        assertNowhere(t, "not text");
    }

    @Test
    void characterLimitTruncatesWithAGap() throws Exception {
        String[] paras = new String[60];
        for (int i = 0; i < paras.length; i++) {
            paras[i] = "第" + i + "段正文内容。";
        }
        Path f = rtfFile("李小红", paras);
        DocumentText t = tika.extract(f, RTF, TestFiles.limits(50));
        assertWellFormed(t);
        assertFalse(t.complete(), describe(t));
        assertEquals(ExtractionGap.Reason.TRUNCATED, t.gaps().get(0).reason());
        assertTrue(blocks(t, Part.BODY).stream().mapToInt(b -> b.text().length()).sum() <= 50, describe(t));
        assertNowhere(t, "第59段");
    }

    @Test
    void brokenAndEmptyFilesFail() throws Exception {
        Path empty = Files.createFile(tmp.resolve("empty.rtf"));
        assertFails(Reason.EMPTY, () -> tika.extract(empty, RTF, ExtractionLimits.defaults()));
        Path broken = Files.writeString(tmp.resolve("broken.odt"), "PK\u0003\u0004 not really a zip", StandardCharsets.ISO_8859_1);
        assertFails(Reason.CORRUPT, () -> tika.extract(broken, "application/vnd.oasis.opendocument.text", ExtractionLimits.defaults()));
    }

    @Test
    void interruptedExtractionIsATimeout() throws Exception {
        assertTimesOutWhenInterrupted(tika, rtfFile("甲", "正文"), RTF);
    }

    @Test
    void everyBlockIsABodyOrMetadataBlock() throws Exception {
        DocumentText t = tika.extract(rtfFile("甲", "一", "二"), RTF, ExtractionLimits.defaults());
        for (Block b : t.blocks()) {
            assertTrue(b.part() == Part.BODY || b.part() == Part.METADATA, b.toString());
        }
    }
}
