package org.gongkai.extract;

import static org.gongkai.extract.TestFiles.assertWellFormed;
import static org.gongkai.extract.TestFiles.blocks;
import static org.gongkai.extract.TestFiles.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gongkai.extract.TablePdf.Align;
import org.gongkai.extract.TablePdf.Borders;
import org.gongkai.spi.Block;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.ExtractionGap;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.NormalizedText;
import org.gongkai.spi.Part;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables in PDFs: cells rebuilt from glyph positions, so that text wrapped inside a narrow cell (an ID number
 * over three lines in a middle column) is one block, while every other line stays exactly the plain text and
 * no character is lost or repeated.
 */
class PdfTablesTest {
    private static PdfExtractor pdf;

    @TempDir
    Path tmp;

    @BeforeAll
    static void configure() {
        pdf = TestFiles.configured(new PdfExtractor());
    }

    private static final String[] ID = {id("42050219960312051"), id("42050219980726262"), id("42050219950104339")};
    private static final String INTRO = "根据《事业单位公开招聘人员暂行规定》，经笔试、面试、体检和考察，确定以下人员为拟聘用人员，现予以公示。";
    private static final String OUTRO = "公示期为7个工作日。对公示人员有异议的，可以书面或电话形式向区人力资源和社会保障局反映，联系电话：0717-6251234。";

    /** An 18-digit ID number with its GB 11643 check character. */
    static String id(String first17) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * w[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /** The number as a narrow cell wraps it: 8 + 8 + 2 digits. */
    static String wrapped(String number) {
        return number.substring(0, 8) + "\n" + number.substring(8, 16) + "\n" + number.substring(16);
    }

    static DocumentText extract(Path f) throws Exception {
        return extract(f, ExtractionLimits.defaults());
    }

    static DocumentText extract(Path f, ExtractionLimits limits) throws Exception {
        DocumentText t = pdf.extract(f, PdfExtractorTest.PDF, limits);
        assertWellFormed(t);
        return t;
    }

    /** The text of each page as a plain PDFTextStripper gives it. */
    static List<String> plainPages(Path f) throws Exception {
        List<String> out = new ArrayList<>();
        try (PDDocument d = Loader.loadPDF(f.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            for (int p = 1; p <= d.getNumberOfPages(); p++) {
                s.setStartPage(p);
                s.setEndPage(p);
                out.add(s.getText(d));
            }
        }
        return out;
    }

    private static Map<Integer, Integer> characters(String s) {
        Map<Integer, Integer> m = new TreeMap<>();
        s.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).forEach(c -> m.merge(c, 1, Integer::sum));
        return m;
    }

    /** Every character of the document's plain text is in exactly one visible block. */
    static void assertEveryCharacterOnceInTheDocument(Path f, DocumentText t) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (Block b : t.blocks()) {
            if (b.page() != null && b.part().visible()) {
                sb.append(b.text()).append('\n');
            }
        }
        assertEquals(characters(String.join("\n", plainPages(f))), characters(sb.toString()), describe(t));
    }

    /** Every character of every page's plain text is in exactly one visible block of that page. */
    static void assertEveryCharacterOnce(Path f, DocumentText t) throws Exception {
        List<String> pages = plainPages(f);
        for (int p = 1; p <= pages.size(); p++) {
            StringBuilder sb = new StringBuilder();
            for (Block b : t.blocks()) {
                if (b.page() != null && b.page() == p && b.part().visible()) {
                    sb.append(b.text()).append('\n');
                }
            }
            assertEquals(characters(pages.get(p - 1)), characters(sb.toString()), "characters of page " + p + describe(t));
        }
    }

    static Block cell(DocumentText t, String source) {
        return t.blocks().stream().filter(b -> b.source().equals(source)).findFirst()
                .orElseThrow(() -> new AssertionError("no block " + source + describe(t)));
    }

    static List<Block> tableBlocks(DocumentText t) {
        return blocks(t, Part.TABLE);
    }

    /** The roll of the held-out test: ID numbers in the second of four columns, the third column wrapping too. */
    static Path roll(Path f, Borders borders, Align align, float pad) throws Exception {
        try (TablePdf p = new TablePdf()) {
            p.line(60, "宜昌市西陵区人力资源和社会保障局").paragraph(INTRO, 30).gap(6)
                    .table(borders, align, pad, new int[] {3, 9, 6, 9},
                            new String[] {"序号", "身份证号码", "拟聘单位", "联系电话"},
                            new String[] {"1", wrapped(ID[0]), "区疾病预防控\n制中心", "13912345678"},
                            new String[] {"2", wrapped(ID[1]), "区实验小学", "13812345678"},
                            new String[] {"3", wrapped(ID[2]), "区城市管理综\n合服务中心", "13712345678"})
                    .paragraph(OUTRO, 30).line(200, "2023年7月10日");
            return p.save(f);
        }
    }

    @Test
    void idNumberWrappedInAMiddleColumnIsOneCellWhateverTheBorders() throws Exception {
        Object[][] layouts = {
            {Borders.STROKED, Align.TOP, 3f}, {Borders.BARS, Align.TOP, 0f}, {Borders.NONE, Align.TOP, 3f}, {Borders.NONE, Align.TOP, 0f},
            {Borders.STROKED, Align.MIDDLE, 3f}, {Borders.BARS, Align.MIDDLE, 0f},
        };
        for (Object[] l : layouts) {
            String what = l[0] + " " + l[1] + " pad " + l[2];
            Path f = roll(tmp.resolve("roll-" + l[0] + "-" + l[1] + "-" + l[2] + ".pdf"), (Borders) l[0], (Align) l[1], (float) l[2]);
            DocumentText t = extract(f);
            assertTrue(t.complete(), what + describe(t));
            assertEveryCharacterOnce(f, t);
            NormalizedText n = NormalizedText.of(t);
            for (int r = 0; r < 3; r++) {
                Block id = cell(t, "第1页 表格1 第" + (r + 2) + "行第2列");
                assertEquals(wrapped(ID[r]), id.text(), what);
                assertEquals(Part.TABLE, id.part());
                assertEquals(1, id.page());
                int at = n.text().indexOf(ID[r]);
                assertTrue(at >= 0, what + ": ID number " + ID[r] + " not one number in " + n.text());
                assertTrue(id == n.blockAt(at), what);
                assertEquals(String.valueOf(r + 1), cell(t, "第1页 表格1 第" + (r + 2) + "行第1列").text(), what);
            }
            assertEquals("区疾病预防控\n制中心", cell(t, "第1页 表格1 第2行第3列").text(), what);
            assertEquals("区实验小学", cell(t, "第1页 表格1 第3行第3列").text(), what);
            assertEquals("13812345678", cell(t, "第1页 表格1 第3行第4列").text(), what);
            assertEquals("身份证号码", cell(t, "第1页 表格1 第1行第2列").text(), what);
            assertEquals(16, tableBlocks(t).size(), what + describe(t));
            List<Block> body = blocks(t, Part.BODY);
            assertEquals(2, body.size(), what + describe(t));
            assertTrue(body.get(0).text().startsWith("宜昌市西陵区") && body.get(0).text().endsWith("现予以公示。"), what + describe(t));
            assertTrue(body.get(1).text().startsWith("公示期为") && body.get(1).text().endsWith("2023年7月10日"), what + describe(t));
            assertTrue(t.blocks().indexOf(body.get(0)) < t.blocks().indexOf(tableBlocks(t).get(0)), "reading order");
            assertTrue(t.blocks().indexOf(body.get(1)) > t.blocks().indexOf(tableBlocks(t).get(15)), "reading order");
        }
    }

    @Test
    void idNumberInTheLastColumnStaysOneCellToo() throws Exception {
        Path f;
        try (TablePdf p = new TablePdf()) {
            p.line(40, "关于2022年公益性岗位补贴人员的公示").gap(6)
                    .table(Borders.STROKED, Align.TOP, 3, new int[] {3, 5, 5},
                            new String[] {"序号", "姓名", "身份证号码"},
                            new String[] {"1", "白云飞", wrapped(ID[0])},
                            new String[] {"2", "冉小雪", wrapped(ID[1])})
                    .line(200, "2022年10月10日");
            f = p.save(tmp.resolve("last-column.pdf"));
        }
        DocumentText t = extract(f);
        assertEveryCharacterOnce(f, t);
        assertEquals(wrapped(ID[0]), cell(t, "第1页 表格1 第2行第3列").text());
        assertEquals("冉小雪", cell(t, "第1页 表格1 第3行第2列").text());
        assertTrue(NormalizedText.of(t).text().contains(ID[1]));
    }

    @Test
    void wrappedTextCellsKeepTheirLinesTogether() throws Exception {
        Path f;
        try (TablePdf p = new TablePdf()) {
            p.table(Borders.STROKED, Align.TOP, 3, new int[] {6, 7, 4},
                    new String[] {"单位名称", "地址", "负责人"},
                    new String[] {"江北县人民政\n府办公室文印\n中心", "江北县文化路\n12号", "王刚"},
                    new String[] {"江北县教育委\n员会", "江北县学府路\n8号附1号", "李小红"},
                    new String[] {"江北县卫生健\n康委员会", "江北县人民路\n3号", "张\n晓明"});
            f = p.save(tmp.resolve("text-cells.pdf"));
        }
        DocumentText t = extract(f);
        assertEveryCharacterOnce(f, t);
        assertEquals("江北县人民政\n府办公室文印\n中心", cell(t, "第1页 表格1 第2行第1列").text());
        assertEquals("江北县文化路\n12号", cell(t, "第1页 表格1 第2行第2列").text());
        assertEquals("王刚", cell(t, "第1页 表格1 第2行第3列").text());
        assertEquals("江北县学府路\n8号附1号", cell(t, "第1页 表格1 第3行第2列").text());
        assertEquals("张\n晓明", cell(t, "第1页 表格1 第4行第3列").text());
        assertEquals(12, tableBlocks(t).size(), describe(t));
        assertTrue(blocks(t, Part.BODY).isEmpty(), describe(t));
    }

    @Test
    void paragraphPageIsOneBodyBlockExactlyAsThePlainText() throws Exception {
        Path f;
        try (TablePdf p = new TablePdf()) {
            p.line(60, "江北县人民政府办公室文件")
                    .twoParts("江北府办发〔2022〕37号", 300, "签发人：张三")
                    .paragraph("为切实做好今年防汛抗旱工作，保障人民群众生命财产安全，经县政府同意，现就有关事项通知如下。一、压实防汛责任。"
                            + "各乡镇、各部门要落实以行政首长负责制为核心的防汛责任制，明确责任人，层层签订责任书。", 30)
                    .line(0, "联系人：王刚，电话：13812345678。")
                    .twoParts("抄送：县委办公室。", 300, "2022年6月16日印发");
            f = p.save(tmp.resolve("paragraphs.pdf"));
        }
        DocumentText t = extract(f);
        assertEquals(1, t.blocks().size(), describe(t));
        Block b = t.blocks().get(0);
        assertEquals(Part.BODY, b.part());
        assertEquals("", b.source());
        assertEquals(1, b.page());
        assertEquals(plainPages(f).get(0).strip(), b.text());
    }

    @Test
    void letterSpacedLinesAreNeverCutIntoCharacters() throws Exception {
        Path f;
        try (TablePdf p = new TablePdf()) {
            p.charSpaced("江北县人民政府办公室文件", 9).charSpaced("关于做好2022年防汛抗旱工作的通知", 6)
                    .charSpaced("为切实做好今年防汛抗旱工作，保障人民群众生命", 4).charSpaced("财产安全，经县政府同意，现就有关事项通知如下。", 4)
                    .spaceSeparated("联系电话：023-67881234，监督电话：023-67885678").spaceSeparated("江北县人民政府办公室")
                    .charSpaced("通知", 40).charSpaced("二〇二二年六月十五日", 8);
            f = p.save(tmp.resolve("letterspaced.pdf"));
        }
        DocumentText t = extract(f);
        assertEquals(1, t.blocks().size(), describe(t));
        assertEquals(Part.BODY, t.blocks().get(0).part());
        assertEquals(plainPages(f).get(0).strip(), t.blocks().get(0).text());
    }

    @Test
    void letterSpacedFixtureIsUnchanged() throws Exception {
        Path f = TestFiles.fixture("labelled/notice-public-letterspaced.pdf");
        DocumentText t = extract(f);
        List<Block> body = blocks(t, Part.BODY);
        assertEquals(1, body.size(), describe(t));
        assertTrue(tableBlocks(t).isEmpty(), describe(t));
        assertEquals(plainPages(f).get(0).strip(), body.get(0).text());
    }

    @Test
    void paragraphsAboveAndBelowATableStayBodyBlocks() throws Exception {
        Path f;
        try (TablePdf p = new TablePdf()) {
            p.paragraph(INTRO, 30).gap(6)
                    .table(Borders.BARS, Align.TOP, 0, new int[] {3, 5, 9},
                            new String[] {"序号", "姓名", "身份证号码"},
                            new String[] {"1", "向思远", wrapped(ID[0])},
                            new String[] {"2", "覃晓燕", wrapped(ID[1])})
                    .paragraph(OUTRO, 30).line(200, "宜昌市西陵区人力资源和社会保障局");
            f = p.save(tmp.resolve("mixed.pdf"));
        }
        DocumentText t = extract(f);
        assertEveryCharacterOnce(f, t);
        List<Block> all = t.blocks();
        assertEquals(Part.BODY, all.get(0).part());
        assertEquals(INTRO, all.get(0).text().replace("\n", ""));
        assertEquals(Part.BODY, all.get(all.size() - 1).part());
        assertEquals(OUTRO + "宜昌市西陵区人力资源和社会保障局", all.get(all.size() - 1).text().replace("\n", ""));
        for (int i = 1; i < all.size() - 1; i++) {
            assertEquals(Part.TABLE, all.get(i).part(), describe(t));
            assertEquals(1, all.get(i).page());
        }
        assertEquals(9, all.size() - 2, describe(t));
        assertEquals("向思远", cell(t, "第1页 表格1 第2行第2列").text());
        assertEquals(wrapped(ID[1]), cell(t, "第1页 表格1 第3行第3列").text());
        // the plain lines of the paragraphs are exactly those of the plain text
        String plain = plainPages(f).get(0);
        assertTrue(plain.contains(all.get(0).text()) && plain.contains(all.get(all.size() - 1).text()));
    }

    @Test
    void tableRunningOnToTheNextPageKeepsItsNumberRowsAndColumnsAndNextTablesAreNumbered() throws Exception {
        Path f;
        try (TablePdf p = new TablePdf()) {
            p.paragraph(INTRO, 30).gap(520)
                    .table(Borders.STROKED, Align.TOP, 3, new int[] {3, 5, 9},
                            new String[] {"序号", "姓名", "身份证号码"},
                            new String[] {"1", "向思远", wrapped(ID[0])});
            p.newPage().line(200, "续表").table(Borders.STROKED, Align.TOP, 3, new int[] {3, 5, 9},
                            new String[] {"2", "", wrapped(ID[1])},
                            new String[] {"3", "", wrapped(ID[2])})
                    .paragraph(OUTRO, 30).gap(10)
                    .table(Borders.STROKED, Align.TOP, 3, new int[] {6, 8},
                            new String[] {"项目", "金额"},
                            new String[] {"设备安装", "12.6万元"});
            f = p.save(tmp.resolve("two-pages.pdf"));
        }
        DocumentText t = extract(f);
        assertEveryCharacterOnce(f, t);
        assertEquals(wrapped(ID[0]), cell(t, "第1页 表格1 第2行第3列").text());
        Block second = cell(t, "第2页 表格1 第3行第3列");
        assertEquals(wrapped(ID[1]), second.text());
        assertEquals(2, second.page());
        assertEquals(wrapped(ID[2]), cell(t, "第2页 表格1 第4行第3列").text(), "a column empty on this page keeps the numbers of the others");
        assertEquals("3", cell(t, "第2页 表格1 第4行第1列").text());
        assertEquals("12.6万元", cell(t, "第2页 表格2 第2行第2列").text());
        assertEquals(2, cell(t, "第2页 表格2 第1行第1列").page());
        assertEquals(List.of("续表", OUTRO), blocks(t, Part.BODY).stream().filter(b -> b.page() == 2).map(b -> b.text().replace("\n", "")).toList(),
                describe(t));
    }

    @Test
    void cellsWhoseLinesDriftApartAreStillRebuilt() throws Exception {
        // digits in a font of smaller line height: the ID column's lines fall between those of its neighbours
        for (Borders borders : new Borders[] {Borders.NONE, Borders.BARS}) {
            Path f;
            try (TablePdf p = new TablePdf()) {
                p.digitLeading(14).paragraph(INTRO, 30).gap(6)
                        .table(borders, Align.TOP, 0, new int[] {3, 5, 6, 6},
                                new String[] {"序号", "姓名", "身份证号码", "拟聘单位"},
                                new String[] {"1", "向思远", wrapped(ID[0]), "区疾病预防控\n制中心"},
                                new String[] {"2", "覃晓燕", wrapped(ID[1]), "江北县人民政\n府办公室文印\n中心"},
                                new String[] {"3", "黎文博", wrapped(ID[2]), "区实验小学"})
                        .paragraph(OUTRO, 30);
                f = p.save(tmp.resolve("drift-" + borders + ".pdf"));
            }
            DocumentText t = extract(f);
            assertEveryCharacterOnce(f, t);
            for (int r = 0; r < 3; r++) {
                assertEquals(wrapped(ID[r]), cell(t, "第1页 表格1 第" + (r + 2) + "行第3列").text(), borders + describe(t));
            }
            assertEquals("江北县人民政\n府办公室文印\n中心", cell(t, "第1页 表格1 第3行第4列").text(), borders + describe(t));
            assertEquals("黎文博", cell(t, "第1页 表格1 第4行第2列").text(), borders + describe(t));
        }
    }

    @Test
    void rowCutByAPageBreakIsOneRowAgain() throws Exception {
        Path f;
        try (TablePdf p = new TablePdf()) {
            String[] id = wrapped(ID[1]).split("\n");
            p.paragraph(INTRO, 30).gap(560)
                    .table(Borders.STROKED, Align.TOP, 3, new int[] {3, 5, 9, 6},
                            new String[] {"序号", "姓名", "身份证号码", "学历"},
                            new String[] {"1", "向思远", wrapped(ID[0]), "本科"},
                            new String[] {"2", "覃晓燕", id[0] + "\n" + id[1], "硕士研究"});
            p.newPage().table(Borders.STROKED, Align.TOP, 3, new int[] {3, 5, 9, 6},
                            new String[] {"", "", id[2], "生"},
                            new String[] {"3", "黎文博", wrapped(ID[2]), "本科"})
                    .paragraph(OUTRO, 30);
            f = p.save(tmp.resolve("cut-row.pdf"));
        }
        DocumentText t = extract(f);
        assertEveryCharacterOnceInTheDocument(f, t); // the rest of the cut row joins the row on page 1
        Block cut = cell(t, "第1页 表格1 第3行第3列");
        assertEquals(wrapped(ID[1]), cut.text(), describe(t));
        assertEquals(1, cut.page(), "a cell counts as standing where it begins");
        assertEquals("硕士研究\n生", cell(t, "第1页 表格1 第3行第4列").text());
        assertEquals("黎文博", cell(t, "第2页 表格1 第4行第2列").text());
        assertTrue(NormalizedText.of(t).text().contains(ID[1]));
        assertEquals(List.of(INTRO, OUTRO), blocks(t, Part.BODY).stream().map(b -> b.text().replace("\n", "")).toList());
    }

    @Test
    void linesThatDoNotLineUpInColumnsStayPlainText() throws Exception {
        Path f;
        try (TablePdf p = new TablePdf()) {
            p.twoParts("第一条", 60, "为规范公文公开属性认定工作，制定本制度。")
                    .twoParts("第二条　本制度适用于", 150, "县级各部门。")
                    .twoParts("第三条", 30, "公文公开属性分为主动公开、依申请公开、不予公开。");
            f = p.save(tmp.resolve("misaligned.pdf"));
        }
        DocumentText t = extract(f);
        assertEquals(1, t.blocks().size(), describe(t));
        assertEquals(plainPages(f).get(0).strip(), t.blocks().get(0).text());
    }

    @Test
    void characterLimitCutsATableWithAGap() throws Exception {
        Path f = roll(tmp.resolve("limit.pdf"), Borders.STROKED, Align.TOP, 3);
        DocumentText t = extract(f, TestFiles.limits(120));
        assertFalse(t.complete());
        assertEquals(ExtractionGap.Reason.TRUNCATED, t.gaps().get(0).reason());
        assertEquals(120, t.blocks().stream().mapToInt(b -> b.text().length()).sum(), describe(t));
        assertTrue(tableBlocks(t).size() >= 1, describe(t));
    }
}
