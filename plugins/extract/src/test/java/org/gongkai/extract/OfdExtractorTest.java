package org.gongkai.extract;

import static org.gongkai.extract.TestFiles.assertFails;
import static org.gongkai.extract.TestFiles.assertKeptApart;
import static org.gongkai.extract.TestFiles.assertNowhere;
import static org.gongkai.extract.TestFiles.assertTimesOutWhenInterrupted;
import static org.gongkai.extract.TestFiles.assertWellFormed;
import static org.gongkai.extract.TestFiles.blockWith;
import static org.gongkai.extract.TestFiles.blocks;
import static org.gongkai.extract.TestFiles.describe;
import static org.gongkai.extract.TestFiles.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.gongkai.spi.Block;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionException.Reason;
import org.gongkai.spi.ExtractionGap;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.Part;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ofdrw.core.annotation.pageannot.AnnotType;
import org.ofdrw.core.basicStructure.ofd.docInfo.CT_DocInfo;
import org.ofdrw.core.basicStructure.ofd.docInfo.CustomDatas;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.PageLayout;
import org.ofdrw.layout.VirtualPage;
import org.ofdrw.layout.edit.Annotation;
import org.ofdrw.layout.edit.Attachment;
import org.ofdrw.layout.element.Paragraph;
import org.ofdrw.layout.element.Position;

class OfdExtractorTest {
    static final String OFD = "application/ofd";
    private static OfdExtractor ofd;

    @TempDir
    Path tmp;

    @BeforeAll
    static void configure() {
        ofd = TestFiles.configured(new OfdExtractor());
    }

    /** Writes an OFD with ofdrw-layout; a {@code null} page is an empty page. */
    static Path write(Path f, String... pages) throws Exception {
        try (OFDDoc d = new OFDDoc(f)) {
            addPages(d, pages);
        }
        return f;
    }

    static void addPages(OFDDoc d, String... pages) {
        for (String text : pages) {
            VirtualPage v = new VirtualPage(PageLayout.A4());
            if (text != null) {
                Paragraph p = new Paragraph(text, 5d);
                p.setPosition(Position.Absolute).setX(20d).setY(20d).setWidth(170d);
                v.add(p);
            }
            d.addVPage(v);
        }
    }

    @Test
    void fixtureNoticeIsReadWithItsPage() throws Exception {
        Path f = fixture("extraction/notice.ofd");
        assertEquals(OFD, TestFiles.detect(f));
        DocumentText t = ofd.extract(f, OFD, ExtractionLimits.defaults());
        assertWellFormed(t);
        assertTrue(t.complete(), describe(t));
        assertEquals(1, t.pageCount());
        List<Block> body = blocks(t, Part.BODY);
        assertEquals(1, body.size());
        assertEquals(1, body.get(0).page());
        assertEquals("江北县人民政府办公室\n关于开展消防安全检查的通知\n各乡镇人民政府：\n请于七月底前完成辖区消防安全检查。\n江北县人民政府办公室\n2022年7月1日\n（此件主动公开）",
                body.get(0).text());
        assertEquals("ofd", t.properties().get("extractor"));
    }

    @Test
    void aRealInvoicesTemplateLabelsStandBesideThePagesValues() throws Exception {
        // a real 数电发票 (fixtures/real3): its labels are drawn by the template page, its values by the page itself
        Path f = fixture("real3/inv-ha-luoyang-pharma-2024.ofd");
        DocumentText t = ofd.extract(f, OFD, ExtractionLimits.defaults());
        assertWellFormed(t);
        String body = String.join("\n", blocks(t, Part.BODY).stream().filter(b -> b.page() != null).map(Block::text).toList());
        assertTrue(body.contains("开票人： 孔诗墨"), "the clerk's label and name on one line: " + body);
        assertTrue(body.contains("名称： 珠海仓链医药有限公司"), body);
        assertTrue(body.contains("24412000000243455703"), "the page's own text is still there: " + body);
        assertTrue(t.gaps().stream().noneMatch(g -> g.message().contains("模板")), describe(t));
    }

    @Test
    void runsAreSetOutInLinesByBaselineAndLeftToRight() {
        List<OfdTemplates.Run> runs = List.of(new OfdTemplates.Run(32, 132.6, 3.2, "孔诗墨"), new OfdTemplates.Run(19.5, 132.5, 3.2, "开票人："),
                new OfdTemplates.Run(11.5, 36.5, 3.2, "名称："), new OfdTemplates.Run(20, 36.5, 3.2, "某某公司"), new OfdTemplates.Run(20, 40.5, 3.2, "下一行"));
        assertEquals("名称： 某某公司\n下一行\n开票人： 孔诗墨", OfdTemplates.lines(runs));
    }

    @Test
    void pagesAreNumberedAndAnEmptyPageIsAGap() throws Exception {
        Path f = write(tmp.resolve("three.ofd"), "第一页 联系电话13812345678", null, "第三页内容");
        DocumentText t = ofd.extract(f, OFD, ExtractionLimits.defaults());
        assertWellFormed(t);
        assertEquals(3, t.pageCount());
        assertEquals(List.of(1, 3), blocks(t, Part.BODY).stream().map(Block::page).toList());
        assertEquals(1, t.blockAt(t.text().indexOf("13812345678")).page());
        assertEquals(1, t.gaps().size(), describe(t));
        assertEquals(ExtractionGap.Reason.NO_TEXT_LAYER, t.gaps().get(0).reason());
        assertEquals(2, t.gaps().get(0).page());
    }

    @Test
    void ofdWithoutAnyTextIsNoText() throws Exception {
        Path f = write(tmp.resolve("blank.ofd"), null, null);
        assertFails(Reason.NO_TEXT, () -> ofd.extract(f, OFD, ExtractionLimits.defaults()));
    }

    @Test
    void documentInfoAnnotationsAndAttachmentsAreKeptApart() throws Exception {
        Path list = Files.writeString(tmp.resolve("list.txt"), "附件名单：王刚 13812345678");
        Path base = write(tmp.resolve("base.ofd"), "正文内容", "第二页");
        Path f = tmp.resolve("extras.ofd");
        try (org.ofdrw.reader.OFDReader reader = new org.ofdrw.reader.OFDReader(base); OFDDoc d = new OFDDoc(reader, f)) {
            CT_DocInfo info = d.getOfdDir().getOfd().getDocBody().getDocInfo();
            info.setAuthor("李小红");
            info.setCustomDatas(new CustomDatas().addCustomData("经办人", "赵六"));
            d.addAttachment(new Attachment("list.txt", list));
            Annotation a = new Annotation(10d, 10d, 20d, 20d, AnnotType.Highlight, ctx -> { });
            a.setRemark("此处须核实");
            a.setCreator("张科长");
            d.addAnnotation(1, a);
        }
        DocumentText t = ofd.extract(f, OFD, ExtractionLimits.defaults());
        assertWellFormed(t);
        assertTrue(t.complete(), describe(t));
        assertKeptApart(t, "李小红", Part.METADATA);
        assertTrue(blockWith(t, Part.METADATA, "李小红").source().contains("Author"));
        assertKeptApart(t, "赵六", Part.METADATA);
        assertKeptApart(t, "此处须核实", Part.COMMENT);
        Block att = blockWith(t, Part.ATTACHMENT, "13812345678");
        assertTrue(att.source().contains("list.txt"), att.source());

        DocumentText shallow = ofd.extract(f, OFD, TestFiles.depth(0));
        assertWellFormed(shallow);
        assertNowhere(shallow, "13812345678");
        assertTrue(shallow.gaps().stream().anyMatch(g -> g.reason() == ExtractionGap.Reason.TOO_DEEP), describe(shallow));
    }

    @Test
    void characterLimitTruncatesWithAGap() throws Exception {
        DocumentText t = ofd.extract(fixture("extraction/notice.ofd"), OFD, TestFiles.limits(20));
        assertWellFormed(t);
        assertFalse(t.complete());
        assertEquals(ExtractionGap.Reason.TRUNCATED, t.gaps().get(0).reason());
        assertEquals(20, t.blocks().stream().mapToInt(b -> b.text().length()).sum());
        assertNowhere(t, "此件主动公开");
    }

    @Test
    void interruptedExtractionIsATimeout() {
        assertTimesOutWhenInterrupted(ofd, fixture("extraction/notice.ofd"), OFD);
    }

    @Test
    void truncatedOfdNeverPassesAsComplete() throws Exception {
        byte[] whole = Files.readAllBytes(fixture("extraction/notice.ofd"));
        for (int cut : new int[] {1, 40, whole.length / 3, whole.length / 2, whole.length * 3 / 4, whole.length - 30, whole.length - 1}) {
            Path f = Files.write(tmp.resolve("cut-" + cut + ".ofd"), Arrays.copyOf(whole, cut));
            try {
                DocumentText t = ofd.extract(f, OFD, ExtractionLimits.defaults());
                assertWellFormed(t);
                assertFalse(t.complete(), "cut at " + cut + " of " + whole.length + " passed as complete" + describe(t));
            } catch (ExtractionException e) {
                assertTrue(e.reason() == Reason.CORRUPT || e.reason() == Reason.NO_TEXT, cut + ": " + e.reason() + " " + e.getMessage());
            }
        }
    }

    @Test
    void otherFilesGivenAsOfdFail() throws Exception {
        assertFails(Reason.CORRUPT, () -> ofd.extract(fixture("broken/random-bytes.doc"), OFD, ExtractionLimits.defaults()));
        assertFails(Reason.CORRUPT, () -> ofd.extract(fixture("labelled/announcement-road.pdf"), OFD, ExtractionLimits.defaults()));
        Path empty = Files.createFile(tmp.resolve("empty.ofd"));
        assertFails(Reason.EMPTY, () -> ofd.extract(empty, OFD, ExtractionLimits.defaults()));
    }
}
