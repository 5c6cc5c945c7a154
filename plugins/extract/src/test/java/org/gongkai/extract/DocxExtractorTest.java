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
import static org.gongkai.extract.TestFiles.textOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFComments;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.gongkai.spi.Block;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.ExtractionException.Reason;
import org.gongkai.spi.ExtractionGap;
import org.gongkai.spi.NormalizedText;
import org.gongkai.spi.Part;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRunTrackChange;

class DocxExtractorTest {
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String TIKA_OOXML = "application/x-tika-ooxml";
    private static DocxExtractor docx;

    @TempDir
    Path tmp;

    @BeforeAll
    static void configure() {
        docx = TestFiles.configured(new DocxExtractor());
    }

    static DocumentText extract(Path file) throws Exception {
        DocumentText t = docx.extract(file, DOCX, org.gongkai.spi.ExtractionLimits.defaults());
        assertWellFormed(t);
        return t;
    }

    // ---- the labelled fixture ----

    @Test
    void labelledFixtureKeepsDeletionCommentHiddenTextAndAuthorsOutOfTheBody() throws Exception {
        Path f = fixture("labelled/hidden-tracked-comment.docx");
        DocumentText t = docx.extract(f, TestFiles.detect(f), org.gongkai.spi.ExtractionLimits.defaults());
        assertWellFormed(t);
        assertTrue(t.complete(), describe(t));
        assertEquals("docx", t.properties().get("extractor"));

        assertKeptApart(t, "联系人王刚，手机13812345678。", Part.TRACKED_DELETION);
        assertKeptApart(t, "此处数字需核实", Part.COMMENT);
        assertTrue(blockWith(t, Part.COMMENT, "此处数字需核实").source().contains("张科长"));
        assertKeptApart(t, "内部掌握：已发现隐患企业3家，暂不通报。", Part.HIDDEN);
        assertKeptApart(t, "李小红", Part.METADATA);
        assertTrue(blockWith(t, Part.METADATA, "李小红").source().contains("creator"));
        assertKeptApart(t, "江北县住建委", Part.METADATA);
        assertTrue(blockWith(t, Part.METADATA, "江北县住建委").source().contains("Company"));

        // the visible text is all there, in order
        List<String> body = blocks(t, Part.BODY).stream().map(b -> b.text().strip()).toList();
        assertEquals(List.of("江北县住房和城乡建设委员会", "关于开展城镇燃气安全专项整治的通知", "各镇人民政府、街道办事处：",
                "为防范燃气安全事故，决定在全县开展城镇燃气安全专项整治。", "请于8月31日前报送整治情况。", "江北县住房和城乡建设委员会",
                "2022年7月26日", "（此件主动公开）"), body);

        // each hidden piece follows the paragraph it belongs to
        assertEquals(indexOf(t, Part.BODY, "为防范燃气安全事故") + 1, indexOf(t, Part.TRACKED_DELETION, "13812345678"));
        assertEquals(indexOf(t, Part.BODY, "请于8月31日前") + 1, indexOf(t, Part.COMMENT, "此处数字需核实"), describe(t));
        assertTrue(indexOf(t, Part.HIDDEN, "内部掌握") < indexOf(t, Part.BODY, "2022年7月26日"));
    }

    @Test
    void everyLabelledDocxIsReadCompletelyWithItsLabelledTexts() throws Exception {
        List<Path> files;
        try (var s = Files.list(TestFiles.root().resolve("fixtures/labelled"))) {
            files = s.filter(p -> p.toString().endsWith(".docx")).sorted().toList();
        }
        assertTrue(files.size() >= 20, "labelled DOCX fixtures: " + files.size());
        for (Path f : files) {
            DocumentText t = docx.extract(f, TestFiles.detect(f), org.gongkai.spi.ExtractionLimits.defaults());
            assertWellFormed(t);
            assertTrue(t.complete(), f + describe(t));
            assertFalse(blocks(t, Part.BODY).isEmpty() && blocks(t, Part.TABLE).isEmpty(), f + " has no visible text");
            Labels.assertLabelledTextsExtracted(f, t);
        }
    }

    // ---- a realistic DOCX written by POI ----

    @Test
    void poiDocumentWithEveryHiddingPlaceIsSplitIntoParts() throws Exception {
        Path f = tmp.resolve("draft.docx");
        try (XWPFDocument d = new XWPFDocument()) {
            d.createParagraph().createRun().setText("关于开展燃气安全检查的通知");

            XWPFParagraph withDeletion = d.createParagraph();
            withDeletion.createRun().setText("请各单位认真落实。");
            CTRunTrackChange del = withDeletion.getCTP().addNewDel();
            del.setId(BigInteger.ONE);
            del.setAuthor("起草人");
            del.addNewR().addNewDelText().setStringValue("联系人王刚，手机13812345678。");

            XWPFParagraph withInsertion = d.createParagraph();
            withInsertion.createRun().setText("检查时间为");
            CTRunTrackChange ins = withInsertion.getCTP().addNewIns();
            ins.setId(BigInteger.TWO);
            ins.setAuthor("起草人");
            ins.addNewR().addNewT().setStringValue("七月底前");
            withInsertion.getCTP().addNewR().addNewT().setStringValue("。");

            XWPFParagraph withHidden = d.createParagraph();
            withHidden.createRun().setText("请于8月31日前报送。");
            XWPFRun h = withHidden.createRun();
            h.setText("内部掌握：暂不通报。");
            h.setVanish(true);

            XWPFComments comments = d.createComments();
            XWPFComment c = comments.createComment(BigInteger.valueOf(7));
            c.setAuthor("张科长");
            c.createParagraph().createRun().setText("此处数字需核实");
            XWPFParagraph commented = d.createParagraph();
            commented.createRun().setText("共检查企业12家。");
            CTP ctp = commented.getCTP();
            ctp.addNewCommentRangeStart().setId(BigInteger.valueOf(7));
            ctp.addNewCommentRangeEnd().setId(BigInteger.valueOf(7));
            CTR ref = ctp.addNewR();
            ref.addNewCommentReference().setId(BigInteger.valueOf(7));

            XWPFTable table = d.createTable(2, 2);
            table.getRow(0).getCell(0).setText("姓名");
            table.getRow(0).getCell(1).setText("身份证号");
            table.getRow(1).getCell(0).setText("张三");
            XWPFTableCell id = table.getRow(1).getCell(1);
            id.getParagraphs().get(0).createRun().setText("50010519");
            id.addParagraph().createRun().setText("5803124428");

            d.createParagraph().createRun().setText("（此件主动公开）");
            d.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("江北县人民政府办公室");
            d.createFooter(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("第一页 共一页");

            d.getProperties().getCoreProperties().setCreator("李小红");
            d.getProperties().getCoreProperties().setLastModifiedByUser("王刚");
            d.getProperties().getExtendedProperties().getUnderlyingProperties().setCompany("江北县住建委");
            d.getProperties().getCustomProperties().addProperty("经办人", "赵六");
            try (OutputStream out = Files.newOutputStream(f)) {
                d.write(out);
            }
        }
        DocumentText t = extract(f);
        assertTrue(t.complete(), describe(t));

        assertKeptApart(t, "联系人王刚，手机13812345678。", Part.TRACKED_DELETION);
        assertEquals(indexOf(t, Part.BODY, "请各单位认真落实") + 1, indexOf(t, Part.TRACKED_DELETION, "13812345678"));
        assertEquals("请各单位认真落实。", blockWith(t, Part.BODY, "请各单位认真落实").text());

        // an insertion stays inline in its paragraph and is reported right after it
        assertEquals("检查时间为七月底前。", blockWith(t, Part.BODY, "检查时间为").text());
        assertEquals("七月底前", blockWith(t, Part.TRACKED_INSERTION, "七月底前").text());
        assertEquals(indexOf(t, Part.BODY, "检查时间为") + 1, indexOf(t, Part.TRACKED_INSERTION, "七月底前"));

        assertKeptApart(t, "内部掌握：暂不通报。", Part.HIDDEN);
        assertEquals(indexOf(t, Part.BODY, "请于8月31日前") + 1, indexOf(t, Part.HIDDEN, "内部掌握"));

        assertKeptApart(t, "此处数字需核实", Part.COMMENT);
        assertEquals("批注 作者：张科长", blockWith(t, Part.COMMENT, "此处数字需核实").source());
        assertEquals(indexOf(t, Part.BODY, "共检查企业12家") + 1, indexOf(t, Part.COMMENT, "此处数字需核实"), describe(t));

        assertEquals("表格1 第1行第1列", blockWith(t, Part.TABLE, "姓名").source());
        Block idCell = blockWith(t, Part.TABLE, "50010519");
        assertEquals("表格1 第2行第2列", idCell.source());
        assertEquals("50010519\n5803124428", idCell.text());
        // the wrapped ID number is one number for the detectors, and maps back to the cell
        NormalizedText n = NormalizedText.of(t);
        int at = n.text().indexOf("500105195803124428");
        assertTrue(at >= 0, n.text());
        assertEquals("50010519\n5803124428", n.originalText(at, at + 18));
        assertTrue(n.blockAt(at) == idCell);

        assertEquals("江北县人民政府办公室", blockWith(t, Part.HEADER, "江北县人民政府办公室").text());
        assertEquals("页眉", blockWith(t, Part.HEADER, "江北县人民政府办公室").source());
        assertEquals("页脚", blockWith(t, Part.FOOTER, "第一页").source());

        assertKeptApart(t, "李小红", Part.METADATA);
        assertKeptApart(t, "王刚", Part.TRACKED_DELETION);
        assertTrue(blocks(t, Part.METADATA).stream().anyMatch(b -> b.text().equals("王刚") && b.source().contains("lastModifiedBy")), describe(t));
        assertKeptApart(t, "江北县住建委", Part.METADATA);
        assertKeptApart(t, "赵六", Part.METADATA);
        assertTrue(blockWith(t, Part.METADATA, "赵六").source().contains("经办人"));
        assertEquals("（此件主动公开）", blockWith(t, Part.BODY, "此件").text());
    }

    // ---- exact structures ----

    @Test
    void trackedRowInsertionDoesNotTurnLaterCellsIntoBody() throws Exception {
        Path f = Docx.create()
                .body(p(r("名单如下：")))
                .body(table("<w:ins w:id=\"5\" w:author=\"起草人\" w:date=\"2022-07-01T00:00:00Z\"/>",
                        new String[] {p(r("姓名")), p(r("电话"))},
                        new String[] {p(r("张三")), p(r("13812345678"))}))
                .body(table(new String[] {p(r("第二表")), p(r("单元格"))}))
                .body(p(r("以上。")))
                .write(tmp.resolve("row-ins.docx"));
        DocumentText t = extract(f);
        assertEquals(List.of("名单如下：", "以上。"), blocks(t, Part.BODY).stream().map(Block::text).toList(), describe(t));
        assertEquals("表格1 第2行第2列", blockWith(t, Part.TABLE, "13812345678").source());
        assertEquals("表格2 第1行第2列", blockWith(t, Part.TABLE, "单元格").source());
        assertEquals(6, blocks(t, Part.TABLE).size());
    }

    @Test
    void trackedRowDeletionKeepsTheDeletedCellTextApart() throws Exception {
        Path f = Docx.create()
                .body(table("<w:del w:id=\"6\" w:author=\"起草人\" w:date=\"2022-07-01T00:00:00Z\"/>",
                        new String[] {p(del("李四")), p(del("13912345678"))}))
                .body(table(new String[] {p(r("王五")), p(r("公开"))}))
                .write(tmp.resolve("row-del.docx"));
        DocumentText t = extract(f);
        assertKeptApart(t, "13912345678", Part.TRACKED_DELETION);
        assertKeptApart(t, "李四", Part.TRACKED_DELETION);
        assertEquals("表格2 第1行第1列", blockWith(t, Part.TABLE, "王五").source());
    }

    @Test
    void hiddenTextSplitOverRunsStaysOneBlock() throws Exception {
        // Word splits runs at every editing session: the number must survive as one piece
        Path f = Docx.create()
                .body(p(r("正文。"), hidden("联系人手机1381234"), hidden("5678"), r("续文。"), hidden("另一段隐藏")))
                .body(p(r("删除："), del("身份证号5001051958"), del("03124428"), r("完")))
                .body(p(r("插入："), ins("1391234"), ins("5678"), r("完")))
                .write(tmp.resolve("split.docx"));
        DocumentText t = extract(f);
        assertEquals("联系人手机13812345678", blockWith(t, Part.HIDDEN, "联系人手机").text(), describe(t));
        assertEquals("另一段隐藏", blockWith(t, Part.HIDDEN, "另一段隐藏").text(), "pieces separated by visible text stay apart");
        assertEquals("正文。续文。", blockWith(t, Part.BODY, "正文").text());
        assertEquals("身份证号500105195803124428", blockWith(t, Part.TRACKED_DELETION, "身份证号").text());
        assertEquals("删除：完", blockWith(t, Part.BODY, "删除").text());
        assertEquals("13912345678", blockWith(t, Part.TRACKED_INSERTION, "1391234").text());
        assertEquals("插入：13912345678完", blockWith(t, Part.BODY, "插入").text());
    }

    @Test
    void hiddenPiecesAndCommentsInATableCellFollowTheCell() throws Exception {
        Path f = Docx.create()
                .body(table(new String[] {p(r("姓名")), p(r("备注"))},
                        new String[] {p(r("张三"), hidden("身份证号500105195803124428")), p(r("无"), del("已核实"), commentRef("3"))}))
                .comment("3", "审核人", "此行须删除")
                .write(tmp.resolve("cell.docx"));
        DocumentText t = extract(f);
        int cell = indexOf(t, Part.TABLE, "张三");
        assertEquals("张三", t.blocks().get(cell).text());
        assertEquals(cell + 1, indexOf(t, Part.HIDDEN, "500105195803124428"), describe(t));
        int remark = indexOf(t, Part.TABLE, "无");
        assertEquals(remark + 1, indexOf(t, Part.TRACKED_DELETION, "已核实"), describe(t));
        assertEquals(remark + 2, indexOf(t, Part.COMMENT, "此行须删除"), describe(t));
        assertKeptApart(t, "500105195803124428", Part.HIDDEN);
    }

    @Test
    void commentsFollowTheParagraphThatRefersToThemAndUnreferencedOnesAreStillRead() throws Exception {
        Path f = Docx.create()
                .body(p(r("第一段。")))
                .body(p(r("第二段。"), commentRef("2")))
                .body(p(r("第三段。"), commentRef("1")))
                .comment("1", "甲", "批注一")
                .comment("2", "乙", "批注二")
                .comment("9", "丙", "无锚点的批注")
                .write(tmp.resolve("comments.docx"));
        DocumentText t = extract(f);
        assertEquals(indexOf(t, Part.BODY, "第二段") + 1, indexOf(t, Part.COMMENT, "批注二"), describe(t));
        assertEquals(indexOf(t, Part.BODY, "第三段") + 1, indexOf(t, Part.COMMENT, "批注一"), describe(t));
        assertEquals("批注 作者：乙", blockWith(t, Part.COMMENT, "批注二").source());
        assertKeptApart(t, "无锚点的批注", Part.COMMENT);
        assertEquals(3, blocks(t, Part.COMMENT).size());
    }

    @Test
    void aTableInsideACommentStaysComment() throws Exception {
        Path f = Docx.create()
                .body(p(r("正文。"), commentRef("4")))
                .commentXml("4", "审核人", p(r("名单：")) + table(new String[] {p(r("张三")), p(r("13812345678"))}))
                .write(tmp.resolve("comment-table.docx"));
        DocumentText t = extract(f);
        assertKeptApart(t, "名单：", Part.COMMENT);
        assertKeptApart(t, "张三", Part.COMMENT);
        assertKeptApart(t, "13812345678", Part.COMMENT);
        assertTrue(blocks(t, Part.TABLE).isEmpty(), describe(t));
        assertEquals(indexOf(t, Part.BODY, "正文") + 1, indexOf(t, Part.COMMENT, "名单"));
    }

    @Test
    void headerAndFooterHiddenTextAndTablesAreTheirOwnParts() throws Exception {
        Path f = Docx.create()
                .body(p(r("正文")))
                .header(p(r("机密★1年"), hidden("页眉隐藏")) + table(new String[] {p(r("页眉表格"))}))
                .footer(p(r("第1页")))
                .write(tmp.resolve("hf.docx"));
        DocumentText t = extract(f);
        assertEquals("机密★1年", blockWith(t, Part.HEADER, "机密").text());
        assertKeptApart(t, "页眉隐藏", Part.HIDDEN);
        assertEquals("页眉 隐藏文字", blockWith(t, Part.HIDDEN, "页眉隐藏").source());
        assertEquals("页眉 表格1 第1行第1列", blockWith(t, Part.TABLE, "页眉表格").source());
        assertEquals("第1页", blockWith(t, Part.FOOTER, "第1页").text());
    }

    @Test
    void textBoxFallbackIsReadOnceAndFieldCodesAreKeptApartAsMetadata() throws Exception {
        String box = "<w:txbxContent>" + p(r("文本框内容")) + "</w:txbxContent>";
        Path f = Docx.create()
                .body(p(r("正文"), "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>" + box
                        + "</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict>" + box + "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"))
                .body(p("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> HYPERLINK \"http://example.gov.cn/13812345678\" </w:instrText></w:r>"
                        + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + r("链接文字") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"))
                .write(tmp.resolve("box.docx"));
        DocumentText t = extract(f);
        assertEquals(1, t.text().split("文本框内容", -1).length - 1, "text box read once: " + describe(t));
        assertTrue(t.text().contains("链接文字"));
        assertNowhere(t, "HYPERLINK");
        // the link target travels with the file: read, but never as body text
        assertKeptApart(t, "13812345678", Part.METADATA);
        assertEquals("域代码 HYPERLINK", blockWith(t, Part.METADATA, "13812345678").source());
    }

    @Test
    void externalEntitiesAreNeverResolved() throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "SECRET-CONTENT-4711");
        Path f = Docx.create()
                .prologue("<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>")
                .body("<w:p><w:r><w:t>前文&xxe;后文</w:t></w:r></w:p>")
                .write(tmp.resolve("xxe.docx"));
        try {
            DocumentText t = docx.extract(f, DOCX, org.gongkai.spi.ExtractionLimits.defaults());
            assertNowhere(t, "SECRET-CONTENT-4711");
        } catch (org.gongkai.spi.ExtractionException e) {
            assertEquals(Reason.CORRUPT, e.reason());
        }
    }

    // ---- embedded documents ----

    static byte[] poiDocx(String text, byte[] embedded) throws IOException {
        Docx d = Docx.create().body(p(r(text)));
        if (embedded != null) {
            d.embed("inner.docx", embedded);
        }
        return d.bytes();
    }

    @Test
    void embeddedDocumentIsAnAttachment() throws Exception {
        Path f = Docx.create().body(p(r("正文见附件。")))
                .embed("attachment.docx", poiDocx("附件中的联系人王刚13812345678", null))
                .write(tmp.resolve("embedded.docx"));
        DocumentText t = extract(f);
        assertTrue(t.complete(), describe(t));
        Block a = blockWith(t, Part.ATTACHMENT, "附件中的联系人王刚13812345678");
        assertTrue(a.source().contains("attachment.docx"), a.source());
        assertFalse(textOf(t, Part.BODY).contains("13812345678"));
    }

    @Test
    void embeddedDocumentsBeyondTheDepthLimitAreGapsNotSilence() throws Exception {
        byte[] inner = poiDocx("最里层的文字", null);
        Path f = Docx.create().body(p(r("正文。")))
                .embed("outer.docx", poiDocx("外层附件的文字", inner))
                .write(tmp.resolve("nested.docx"));

        DocumentText none = docx.extract(f, DOCX, TestFiles.depth(0));
        assertWellFormed(none);
        assertNowhere(none, "外层附件的文字");
        assertTrue(none.gaps().stream().anyMatch(g -> g.reason() == ExtractionGap.Reason.TOO_DEEP), describe(none));

        DocumentText one = docx.extract(f, DOCX, TestFiles.depth(1));
        assertWellFormed(one);
        blockWith(one, Part.ATTACHMENT, "外层附件的文字");
        assertNowhere(one, "最里层的文字");
        assertTrue(one.gaps().stream().anyMatch(g -> g.reason() == ExtractionGap.Reason.TOO_DEEP), describe(one));

        DocumentText two = docx.extract(f, DOCX, TestFiles.depth(2));
        assertWellFormed(two);
        assertTrue(two.complete(), describe(two));
        Block outer = blockWith(two, Part.ATTACHMENT, "外层附件的文字");
        Block innermost = blockWith(two, Part.ATTACHMENT, "最里层的文字");
        assertTrue(innermost.source().startsWith(outer.source() + " › "), describe(two));
    }

    @Test
    void unreadableEmbeddedObjectIsAGapAndTheRestIsRead() throws Exception {
        byte[] good = poiDocx("附件正文", null);
        byte[] broken = java.util.Arrays.copyOf(good, good.length / 2);
        Path f = Docx.create().body(p(r("正文仍可读取。")))
                .embed("broken.docx", broken)
                .write(tmp.resolve("broken-embedded.docx"));
        DocumentText t = extract(f);
        blockWith(t, Part.BODY, "正文仍可读取");
        assertTrue(t.gaps().stream().anyMatch(g -> g.reason() == ExtractionGap.Reason.PART_UNREADABLE && g.message().contains("broken.docx")),
                describe(t));
    }

    // ---- limits and failures ----

    @Test
    void characterLimitTruncatesWithAGap() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            body.append(p(r("第" + i + "段正文内容。")));
        }
        Path f = Docx.create().body(body.toString()).creator("李小红").write(tmp.resolve("long.docx"));
        DocumentText t = docx.extract(f, DOCX, TestFiles.limits(100));
        assertWellFormed(t);
        assertFalse(t.complete());
        assertEquals(1, t.gaps().size(), describe(t));
        assertEquals(ExtractionGap.Reason.TRUNCATED, t.gaps().get(0).reason());
        int chars = t.blocks().stream().mapToInt(b -> b.text().length()).sum();
        assertEquals(100, chars);
        assertTrue(t.text().startsWith("第0段正文内容。"));
        assertNowhere(t, "第49段");
    }

    @Test
    void zipBombIsRefusedAsLimitExceeded() throws Exception {
        // 20 MB of one repeated paragraph compress to a few kB: far below the minimum inflate ratio
        String para = p(r("重复的文字内容。"));
        StringBuilder body = new StringBuilder(20_000_000);
        while (body.length() < 20_000_000) {
            body.append(para);
        }
        Path f = Docx.create().body(body.toString()).write(tmp.resolve("bomb.docx"));
        assertTrue(Files.size(f) < 1_000_000, "compressed size " + Files.size(f));
        assertFails(Reason.LIMIT_EXCEEDED, () -> docx.extract(f, DOCX, org.gongkai.spi.ExtractionLimits.defaults()));
        // whatever else the host configures afterwards (Tika's parsers load with the other extractors) keeps the guard on
        TestFiles.configured(new TikaExtractor());
        TestFiles.configured(new PdfExtractor());
        new org.apache.tika.parser.AutoDetectParser();
        assertFails(Reason.LIMIT_EXCEEDED, () -> docx.extract(f, DOCX, org.gongkai.spi.ExtractionLimits.defaults()));
    }

    @Test
    void interruptedExtractionIsATimeout() throws Exception {
        assertTimesOutWhenInterrupted(docx, fixture("labelled/hidden-tracked-comment.docx"), DOCX);
    }

    @Test
    void passwordProtectedDocxIsEncryptedWhateverTheDetectedType() throws Exception {
        Path plain = Docx.create().body(p(r("机密内容"))).write(tmp.resolve("plain.docx"));
        Path enc = tmp.resolve("protected.docx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor e = info.getEncryptor();
            e.confirmPassword("secret");
            try (OPCPackage pkg = OPCPackage.open(plain.toFile()); OutputStream os = e.getDataStream(fs)) {
                pkg.save(os);
            }
            try (OutputStream out = Files.newOutputStream(enc)) {
                fs.writeFilesystem(out);
            }
        }
        assertFails(Reason.ENCRYPTED, () -> docx.extract(enc, "application/x-tika-ooxml-protected", org.gongkai.spi.ExtractionLimits.defaults()));
        assertFails(Reason.ENCRYPTED, () -> docx.extract(enc, DOCX, org.gongkai.spi.ExtractionLimits.defaults()));
        // and whichever extractor the host picks for what it detects
        String type = TestFiles.detect(enc);
        org.gongkai.spi.Extractor chosen = TestFiles.extractorFor(type).orElseThrow(() -> new AssertionError("no extractor for " + type));
        assertFails(Reason.ENCRYPTED, () -> chosen.extract(enc, type, org.gongkai.spi.ExtractionLimits.defaults()));
    }

    @Test
    void truncatedDocxNeverPassesAsComplete() throws Exception {
        byte[] whole = Files.readAllBytes(fixture("labelled/hidden-tracked-comment.docx"));
        for (int cut : new int[] {1, 30, 100, whole.length / 4, whole.length / 2, whole.length * 3 / 4, whole.length - 40, whole.length - 1}) {
            Path f = Files.write(tmp.resolve("cut-" + cut + ".docx"), java.util.Arrays.copyOf(whole, cut));
            try {
                DocumentText t = docx.extract(f, DOCX, org.gongkai.spi.ExtractionLimits.defaults());
                assertWellFormed(t);
                assertFalse(t.complete(), "cut at " + cut + " of " + whole.length + " passed as complete" + describe(t));
            } catch (org.gongkai.spi.ExtractionException e) {
                assertEquals(Reason.CORRUPT, e.reason(), e.getMessage());
            }
        }
    }

    @Test
    void docxCutBeforeItsCommentsIsIncompleteNotSilentlyWithoutComments() throws Exception {
        byte[] whole = Docx.create().body(p(r("正文。"), commentRef("1"))).comment("1", "甲", "批注内容").bytes();
        int at = -1;
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(whole))) {
            // offset of the comments entry's local header: search its name after a local header signature
            byte[] name = "word/comments.xml".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (int i = 0; i + 30 + name.length <= whole.length && at < 0; i++) {
                if (whole[i] == 'P' && whole[i + 1] == 'K' && whole[i + 2] == 3 && whole[i + 3] == 4
                        && java.util.Arrays.equals(java.util.Arrays.copyOfRange(whole, i + 30, i + 30 + name.length), name)) {
                    at = i;
                }
            }
        }
        assertTrue(at > 0);
        Path f = Files.write(tmp.resolve("cut-comments.docx"), java.util.Arrays.copyOf(whole, at));
        DocumentText t = docx.extract(f, DOCX, org.gongkai.spi.ExtractionLimits.defaults());
        assertWellFormed(t);
        blockWith(t, Part.BODY, "正文");
        assertFalse(t.complete(), describe(t));
        assertTrue(t.gaps().stream().allMatch(g -> g.reason() == ExtractionGap.Reason.PART_UNREADABLE), describe(t));
    }

    @Test
    void missingHeaderPartIsAGap() throws Exception {
        byte[] whole = Docx.create().body(p(r("正文。"))).header(p(r("页眉"))).bytes();
        Path f = tmp.resolve("no-header.docx");
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(whole));
                var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(f))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null;) {
                if (!e.getName().equals("word/header1.xml")) {
                    out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        DocumentText t;
        try {
            t = docx.extract(f, DOCX, org.gongkai.spi.ExtractionLimits.defaults());
        } catch (org.gongkai.spi.ExtractionException e) {
            assertEquals(Reason.CORRUPT, e.reason());
            return;
        }
        assertWellFormed(t);
        blockWith(t, Part.BODY, "正文");
        assertFalse(t.complete(), describe(t));
        assertTrue(t.gaps().get(0).message().contains("header1.xml"), describe(t));
    }

    @Test
    void zipWithoutWordDocumentIsCorrupt() throws Exception {
        Path f = tmp.resolve("not-word.docx");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(b)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new java.util.zip.ZipEntry("a.xml"));
            zip.write("<a/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Files.write(f, b.toByteArray());
        assertFails(Reason.CORRUPT, () -> docx.extract(f, DOCX, org.gongkai.spi.ExtractionLimits.defaults()));
    }
}
