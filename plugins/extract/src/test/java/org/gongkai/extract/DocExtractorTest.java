package org.gongkai.extract;

import static org.gongkai.extract.Docx.commentRef;
import static org.gongkai.extract.Docx.del;
import static org.gongkai.extract.Docx.hidden;
import static org.gongkai.extract.Docx.ins;
import static org.gongkai.extract.Docx.p;
import static org.gongkai.extract.Docx.r;
import static org.gongkai.extract.Docx.table;
import static org.gongkai.extract.TestFiles.assertFails;
import static org.gongkai.extract.TestFiles.assertKeptApart;
import static org.gongkai.extract.TestFiles.assertNowhere;
import static org.gongkai.extract.TestFiles.assertTimesOutWhenInterrupted;
import static org.gongkai.extract.TestFiles.assertWellFormed;
import static org.gongkai.extract.TestFiles.blockWith;
import static org.gongkai.extract.TestFiles.blocks;
import static org.gongkai.extract.TestFiles.describe;
import static org.gongkai.extract.TestFiles.fixture;
import static org.gongkai.extract.TestFiles.indexOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.gongkai.spi.Block;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.ExtractionException.Reason;
import org.gongkai.spi.ExtractionGap;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.NormalizedText;
import org.gongkai.spi.Part;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocExtractorTest {
    static final String DOC = "application/msword";
    private static DocExtractor doc;

    @TempDir
    Path tmp;

    @BeforeAll
    static void configure() {
        doc = TestFiles.configured(new DocExtractor());
    }

    @Test
    void fixtureKeepsDeletionHiddenTextCommentAndAuthorApart() throws Exception {
        Path f = fixture("extraction/hidden-tracked-comment.doc");
        String type = TestFiles.detect(f);
        assertTrue(doc.mediaTypes().contains(type), type);
        DocumentText t = doc.extract(f, type, ExtractionLimits.defaults());
        assertWellFormed(t);
        assertTrue(t.complete(), describe(t));
        assertEquals("doc", t.properties().get("extractor"));

        assertEquals(List.of("江北县住房和城乡建设委员会", "关于开展城镇燃气安全专项整治的通知", "各镇人民政府、街道办事处：",
                "为防范燃气安全事故，决定在全县开展城镇燃气安全专项整治。", "请于8月31日前报送整治情况。", "江北县住房和城乡建设委员会",
                "2022年7月26日", "（此件主动公开）"), blocks(t, Part.BODY).stream().map(Block::text).toList());

        assertKeptApart(t, "联系人王刚，手机13812345678。", Part.TRACKED_DELETION);
        assertEquals(indexOf(t, Part.BODY, "为防范燃气安全事故") + 1, indexOf(t, Part.TRACKED_DELETION, "13812345678"));
        assertKeptApart(t, "内部掌握：已发现隐患企业3家，暂不通报。", Part.HIDDEN);
        assertEquals(indexOf(t, Part.BODY, "请于8月31日前") + 1, indexOf(t, Part.HIDDEN, "内部掌握"));
        assertKeptApart(t, "此处数字需核实", Part.COMMENT);
        // the summary information travels with the file: the author must be reported
        assertKeptApart(t, "李小红", Part.METADATA);
        assertTrue(blockWith(t, Part.METADATA, "李小红").source().contains("Author"));
        assertTrue(blocks(t, Part.TRACKED_INSERTION).isEmpty());
    }

    /** A Word 97 file written by LibreOffice from a DOCX with every structure the extractor separates. */
    @Test
    void libreOfficeWrittenDocKeepsPartsTablesAndSpacing() throws Exception {
        Assumptions.assumeTrue(TestFiles.onPath("soffice", "--version"), "LibreOffice (soffice) is not installed: cannot write a .doc to read");
        String field = "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> HYPERLINK \"http://example.gov.cn/13812345678\" </w:instrText></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + r("链接文字") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
        String page = "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + r("1") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
        Path docx = Docx.create()
                .body(p(r("关于开展燃气安全检查的通知")))
                .body(p(r("Hello "), "<w:r><w:rPr><w:b/></w:rPr><w:t>world</w:t></w:r>"))
                .body(p(r("请各单位认真落实。"), del("联系人王刚，手机13812345678。")))
                .body(p(r("检查时间为"), ins("七月底前"), r("。")))
                .body(p(r("请于8月31日前报送。"), hidden("内部掌握：暂不通报。")))
                .body(p(r("共检查企业12家。"), commentRef("1")))
                .comment("1", "张科长", "此处数字需核实")
                .body(table(new String[] {p(r("姓名")), p(r("身份证号"))},
                        new String[] {p(r("张三"), hidden("曾用名张老三")), p(r("50010519")) + p(r("58031244")) + p(r("28"))},
                        new String[] {p(r("李四")), p(r("无"))}))
                .body(p(r("详见"), field, r("。")))
                .body(p(r("（此件主动公开）")))
                .header(p(r("江北县人民政府办公室")))
                .footer(p(r("第"), page, r("页")))
                .creator("李小红").company("江北县住建委")
                .write(tmp.resolve("draft.docx"));
        Path f = toDoc(docx);
        String type = TestFiles.detect(f);
        assertTrue(TestFiles.extractorFor(type).orElseThrow() instanceof DocExtractor, type);
        DocumentText t = doc.extract(f, type, ExtractionLimits.defaults());
        assertWellFormed(t);
        assertTrue(t.complete(), describe(t));

        // spaces between runs are text, not padding
        assertEquals("Hello world", blockWith(t, Part.BODY, "Hello").text());

        assertKeptApart(t, "联系人王刚，手机13812345678。", Part.TRACKED_DELETION);
        assertEquals("请各单位认真落实。", blockWith(t, Part.BODY, "请各单位").text());
        assertEquals(indexOf(t, Part.BODY, "请各单位") + 1, indexOf(t, Part.TRACKED_DELETION, "13812345678"));
        assertEquals("检查时间为七月底前。", blockWith(t, Part.BODY, "检查时间为").text());
        assertEquals(indexOf(t, Part.BODY, "检查时间为") + 1, indexOf(t, Part.TRACKED_INSERTION, "七月底前"));
        assertKeptApart(t, "内部掌握：暂不通报。", Part.HIDDEN);
        assertKeptApart(t, "此处数字需核实", Part.COMMENT);

        // a cell of several paragraphs is one cell, so the wrapped ID number is one number
        assertEquals("表格1 第1行第2列", blockWith(t, Part.TABLE, "身份证号").source());
        Block id = blockWith(t, Part.TABLE, "50010519");
        assertEquals("表格1 第2行第2列", id.source(), describe(t));
        assertEquals("50010519\n58031244\n28", id.text());
        assertTrue(NormalizedText.of(t).text().contains("500105195803124428"));
        assertEquals("表格1 第3行第2列", blockWith(t, Part.TABLE, "无").source(), describe(t));
        assertEquals(6, blocks(t, Part.TABLE).size(), describe(t));
        // hidden text in a cell follows the cell
        assertEquals("张三", blockWith(t, Part.TABLE, "张三").text());
        assertEquals(indexOf(t, Part.TABLE, "张三") + 1, indexOf(t, Part.HIDDEN, "曾用名张老三"));

        // field codes are not body text, their results are; a link target travels with the file and is read apart
        assertEquals("详见链接文字。", blockWith(t, Part.BODY, "详见").text());
        assertNowhere(t, "HYPERLINK");
        assertKeptApart(t, "example.gov.cn", Part.METADATA);
        assertEquals("第1页", blockWith(t, Part.FOOTER, "页").text());
        assertNowhere(t, "PAGE");

        assertEquals("江北县人民政府办公室", blockWith(t, Part.HEADER, "江北县").text());
        assertKeptApart(t, "李小红", Part.METADATA);
        assertKeptApart(t, "江北县住建委", Part.METADATA);
        assertEquals("（此件主动公开）", blocks(t, Part.BODY).get(blocks(t, Part.BODY).size() - 1).text());
    }

    static Path toDoc(Path docx) throws Exception {
        Path out = docx.resolveSibling("doc-out");
        Files.createDirectories(out);
        Process p = new ProcessBuilder("soffice", "-env:UserInstallation=" + docx.resolveSibling("lo-profile").toUri(), "--headless",
                "--convert-to", "doc", "--outdir", out.toString(), docx.toString())
                .redirectErrorStream(true).redirectOutput(docx.resolveSibling("soffice.log").toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            Assumptions.abort("soffice did not convert within 180 s");
        }
        String name = docx.getFileName().toString().replaceAll("\\.docx$", ".doc");
        Path f = out.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(f), "soffice wrote no .doc: " + Files.readString(docx.resolveSibling("soffice.log")));
        return f;
    }

    @Test
    void characterLimitTruncatesWithAGap() throws Exception {
        DocumentText t = doc.extract(fixture("extraction/hidden-tracked-comment.doc"), DOC, TestFiles.limits(30));
        assertWellFormed(t);
        assertFalse(t.complete());
        assertEquals(ExtractionGap.Reason.TRUNCATED, t.gaps().get(0).reason());
        assertEquals(30, t.blocks().stream().mapToInt(b -> b.text().length()).sum());
        assertNowhere(t, "此件主动公开");
    }

    @Test
    void interruptedExtractionIsATimeout() {
        assertTimesOutWhenInterrupted(doc, fixture("extraction/hidden-tracked-comment.doc"), DOC);
    }

    @Test
    void randomBytesAreCorrupt() {
        assertFails(Reason.CORRUPT, () -> doc.extract(fixture("broken/random-bytes.doc"), DOC, ExtractionLimits.defaults()));
    }

    @Test
    void emptyFileIsEmpty() throws Exception {
        Path f = Files.createFile(tmp.resolve("empty.doc"));
        assertFails(Reason.EMPTY, () -> doc.extract(f, DOC, ExtractionLimits.defaults()));
    }

    @Test
    void docxGivenAsDocIsCorruptNotRead() {
        assertFails(Reason.CORRUPT, () -> doc.extract(fixture("labelled/hidden-tracked-comment.docx"), DOC, ExtractionLimits.defaults()));
    }

    @Test
    void ole2FileWithoutWordDocumentIsUnsupported() throws Exception {
        Path f = tmp.resolve("sheet.doc");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[600]), "Workbook");
            try (OutputStream out = Files.newOutputStream(f)) {
                fs.writeFilesystem(out);
            }
        }
        assertFails(Reason.UNSUPPORTED, () -> doc.extract(f, "application/x-tika-msoffice", ExtractionLimits.defaults()));
    }

    @Test
    void ole2FileWithEncryptionInfoIsEncrypted() throws Exception {
        Path f = tmp.resolve("enc.doc");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[600]), "EncryptionInfo");
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[600]), "EncryptedPackage");
            try (OutputStream out = Files.newOutputStream(f)) {
                fs.writeFilesystem(out);
            }
        }
        assertFails(Reason.ENCRYPTED, () -> doc.extract(f, "application/x-tika-msoffice", ExtractionLimits.defaults()));
    }

    @Test
    void truncatedDocNeverPassesAsComplete() throws Exception {
        byte[] whole = Files.readAllBytes(fixture("extraction/hidden-tracked-comment.doc"));
        for (int cut : new int[] {1, 512, 1024, whole.length / 2, whole.length - 512}) {
            Path f = Files.write(tmp.resolve("cut-" + cut + ".doc"), java.util.Arrays.copyOf(whole, cut));
            try {
                DocumentText t = doc.extract(f, DOC, ExtractionLimits.defaults());
                assertWellFormed(t);
                assertFalse(t.complete(), "cut at " + cut + " passed as complete" + describe(t));
            } catch (org.gongkai.spi.ExtractionException e) {
                assertTrue(e.reason() == Reason.CORRUPT || e.reason() == Reason.EMPTY, e.reason() + " " + e.getMessage());
            }
        }
    }
}
