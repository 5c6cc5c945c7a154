package org.gongkai.extract;

import static org.gongkai.extract.Docx.esc;
import static org.gongkai.extract.Docx.p;
import static org.gongkai.extract.Docx.r;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.apache.poi.poifs.filesystem.Ole10Native;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ofdrw.core.annotation.pageannot.AnnotType;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.PageLayout;
import org.ofdrw.layout.VirtualPage;
import org.ofdrw.layout.edit.Annotation;
import org.ofdrw.layout.edit.Attachment;
import org.ofdrw.layout.element.Img;
import org.ofdrw.layout.element.Paragraph;
import org.ofdrw.layout.element.Position;

/**
 * Writes {@code fixtures/hiding-places/}: a short public notice (annotated 此件公开发布, clean on its own) with the same
 * valid ID number and the same secrecy marking hidden in exactly one place per file — an OLE package, an
 * {@code Ole10Native} text or Word file, objects nested 1 and 8 levels deep, a spreadsheet, a picture, altChunk,
 * alternative text, a HYPERLINK field code, a chart, SmartArt, custom XML, foot- and endnotes, PDF form fields,
 * attachments, annotations, bookmarks and pictures, OFD attachments, annotations and pictures — and the expected
 * outcome of each in {@code expected.tsv}. Two clean controls must reach PUBLICATION_REVIEW, so the sweep can fail.
 *
 * <pre>
 * mvn -o -q -B -pl plugins/extract -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp -Dmdep.includeScope=test
 * java -cp plugins/extract/target/test-classes:plugins/extract/target/classes:$(cat /tmp/cp) org.gongkai.extract.HidingPlaces fixtures/hiding-places
 * </pre>
 */
public final class HidingPlaces {
    /** A valid 居民身份证号 (GB 11643 check digit), 成都市武侯区, born 1980-01-01. */
    static final String ID = "510107198001011235";
    static final String MARK = "机密★1年";
    static final String SECRET = MARK + "\n身份证号：" + ID;
    private static final String REL = Docx.RELS;
    private static final Path FONT = TablePdf.FONT;

    private final Path out;
    private final List<String> expected = new ArrayList<>();

    private HidingPlaces(Path out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "fixtures/hiding-places");
        Files.createDirectories(out);
        new HidingPlaces(out).writeAll();
    }

    private void expect(String file, String outcome, String withoutOcr) {
        expected.add(file + "\t" + outcome + (withoutOcr == null ? "" : "\t" + withoutOcr));
    }

    /** The notice's body: title, 主送, text, 落款, date and 附注 — no finding on its own. */
    static String notice() {
        return p(r("关于做好2024年防汛工作的通知")) + p(r("各街道办事处，区级各部门：")) + p(r("现将防汛有关工作通知如下，请认真贯彻落实。"))
                + p(r("一、加强值守。汛期实行24小时值班制度。")) + p(r("二、及时报告。发现险情立即报告区防汛办。"))
                + p(r("某区人民政府办公室")) + p(r("2024年5月20日")) + p(r("（此件公开发布）"));
    }

    private void writeAll() throws Exception {
        docx();
        doc();
        pdf();
        ofd();
        StringBuilder tsv = new StringBuilder("# file\texpected: findings that must be there (or MANUAL_REVIEW with its finding); never PUBLICATION_REVIEW"
                + " unless a control\texpected when tesseract with chi_sim is missing\n");
        expected.forEach(l -> tsv.append(l).append('\n'));
        Files.writeString(out.resolve("expected.tsv"), tsv.toString());
    }

    // ---------------------------------------------------------------- DOCX

    private void docx() throws Exception {
        Docx.create().body(notice()).write(out.resolve("control-clean.docx"));
        expect("control-clean.docx", "PUBLICATION_REVIEW", null);

        byte[] innerDocx = Docx.create().body(p(r(MARK)) + p(r("身份证号：" + ID))).bytes();
        Docx.create().body(notice()).embed("名单.docx", innerDocx).write(out.resolve("package-docx.docx"));
        expect("package-docx.docx", "ID_NUMBER SECRECY_MARKING", null);

        oleObject("ole-native-txt.docx", ole10Native("list.txt", SECRET.getBytes(StandardCharsets.UTF_8)));
        expect("ole-native-txt.docx", "ID_NUMBER SECRECY_MARKING", null);
        oleObject("ole-native-docx.docx", ole10Native("list.docx", innerDocx));
        expect("ole-native-docx.docx", "ID_NUMBER SECRECY_MARKING", null);
        oleObject("ole-package-stream.docx", olePackage(innerDocx));
        expect("ole-package-stream.docx", "ID_NUMBER SECRECY_MARKING", null);

        byte[] nested = innerDocx;
        for (int level = 2; level <= 8; level++) {
            nested = Docx.create().body(p(r("第" + level + "层"))).embed("level" + level + ".docx", nested).bytes();
        }
        Docx.create().body(notice()).embed("level1.docx", nested).write(out.resolve("nested-8-levels.docx"));
        expect("nested-8-levels.docx", "ID_NUMBER SECRECY_MARKING", null);

        Docx.create().body(notice()).embed("名单.xlsx", xlsx()).write(out.resolve("embedded-xlsx.docx"));
        expect("embedded-xlsx.docx", "ID_NUMBER SECRECY_MARKING", null);
        oleObject("embedded-pdf.docx", ole10Native("list.pdf", pdfBytes(SECRET)));
        expect("embedded-pdf.docx", "ID_NUMBER SECRECY_MARKING", null);

        byte[] png = picture();
        Docx.create().body(notice() + p(drawing("rIdImg", "图片 1", ""))).part("word/media/image1.png", "image/png", REL + "image", "rIdImg", png)
                .write(out.resolve("picture.docx"));
        expect("picture.docx", "ID_NUMBER", "MANUAL_REVIEW NO_TEXT");

        byte[] dot = tinyPng();
        Docx.create().body(notice() + p(drawing("rIdImg", "照片", SECRET))).part("word/media/image1.png", "image/png", REL + "image", "rIdImg", dot)
                .write(out.resolve("alt-text.docx"));
        expect("alt-text.docx", "ID_NUMBER SECRECY_MARKING", null);

        String html = "<html><body><p>" + MARK + "</p><p>身份证号：" + ID + "</p></body></html>";
        Docx.create().body(notice() + "<w:altChunk r:id=\"rIdChunk\"/>").part("word/afchunk.htm", "application/xhtml+xml", REL + "aFChunk", "rIdChunk",
                html.getBytes(StandardCharsets.UTF_8)).write(out.resolve("altchunk-html.docx"));
        expect("altchunk-html.docx", "ID_NUMBER SECRECY_MARKING", null);

        String field = "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> HYPERLINK \"https://example.gov.cn/q?sfz="
                + ID + "\" \\o \"" + MARK + "\" </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + r("查询链接")
                + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
        Docx.create().body(notice() + p(r("详见"), field)).write(out.resolve("field-hyperlink.docx"));
        expect("field-hyperlink.docx", "ID_NUMBER SECRECY_MARKING", null);

        Docx.create().body(notice() + p("<w:hyperlink r:id=\"rIdLink\">" + r("查询链接") + "</w:hyperlink>"))
                .rel("rIdLink", REL + "hyperlink", "https://example.gov.cn/q?sfz=" + ID, true).write(out.resolve("hyperlink-target.docx"));
        expect("hyperlink-target.docx", "ID_NUMBER", null);

        Docx.create().body(notice() + p(chartRun("rIdChart")))
                .part("word/charts/chart1.xml", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml", REL + "chart", "rIdChart", chart())
                .write(out.resolve("chart.docx"));
        expect("chart.docx", "ID_NUMBER SECRECY_MARKING", null);

        Docx.create().body(notice() + p(smartArtRun()))
                .part("word/diagrams/data1.xml", "application/vnd.openxmlformats-officedocument.drawingml.diagramData+xml", REL + "diagramData", "rIdDm", smartArt())
                .write(out.resolve("smartart.docx"));
        expect("smartart.docx", "ID_NUMBER SECRECY_MARKING", null);

        String item = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><名单><标记>" + MARK + "</标记><人员 身份证号=\"" + ID + "\"/></名单>";
        Docx.create().body(notice()).part("customXml/item1.xml", "application/xml", REL + "customXml", "rIdXml", item.getBytes(StandardCharsets.UTF_8))
                .write(out.resolve("customxml.docx"));
        expect("customxml.docx", "ID_NUMBER SECRECY_MARKING", null);

        for (String kind : new String[] {"footnote", "endnote"}) {
            String part = kind + "s";
            String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:" + part + " xmlns:w=\"" + Docx.W_NS + "\"><w:" + kind
                    + " w:id=\"1\">" + p(r(MARK)) + p(r("身份证号：" + ID)) + "</w:" + kind + "></w:" + part + ">";
            String ref = "<w:r><w:" + kind + "Reference w:id=\"1\"/></w:r>";
            Docx.create().body(notice() + p(r("见注释"), ref))
                    .part("word/" + part + ".xml", "application/vnd.openxmlformats-officedocument.wordprocessingml." + part + "+xml", REL + part, "rIdNote",
                            xml.getBytes(StandardCharsets.UTF_8))
                    .write(out.resolve(kind + ".docx"));
            expect(kind + ".docx", "ID_NUMBER", null);
        }
    }

    private void oleObject(String file, byte[] ole) throws IOException {
        String obj = "<w:r><w:object><o:OLEObject xmlns:o=\"urn:schemas-microsoft-com:office:office\" Type=\"Embed\" ProgID=\"Package\" r:id=\"rIdOle\"/></w:object></w:r>";
        Docx.create().body(notice() + p(obj)).part("word/embeddings/oleObject1.bin", "application/vnd.openxmlformats-officedocument.oleObject",
                REL + "oleObject", "rIdOle", ole).write(out.resolve(file));
    }

    /**
     * An OLE "Package" object ({@code \u0001Ole10Native}) carrying a file, as Word makes for an inserted file. The name is
     * ASCII: the format keeps it in the ANSI code page, which POI's writer does not encode.
     */
    static byte[] ole10Native(String name, byte[] data) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream o = new ByteArrayOutputStream()) {
            Ole10Native n = new Ole10Native(name, name, "C:\\Users\\Public\\" + name, data);
            ByteArrayOutputStream s = new ByteArrayOutputStream();
            n.writeOut(s);
            fs.createDocument(new java.io.ByteArrayInputStream(s.toByteArray()), Ole10Native.OLE10_NATIVE);
            fs.writeFilesystem(o);
            return o.toByteArray();
        }
    }

    /** An OLE object whose {@code Package} stream holds a whole OOXML file (how Office embeds a DOCX in older files). */
    static byte[] olePackage(byte[] ooxml) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream o = new ByteArrayOutputStream()) {
            fs.createDocument(new java.io.ByteArrayInputStream(ooxml), "Package");
            fs.writeFilesystem(o);
            return o.toByteArray();
        }
    }

    private static byte[] xlsx() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream o = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("名单");
            sheet.createRow(0).createCell(0).setCellValue(MARK);
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("身份证号");
            row.createCell(1).setCellValue(ID);
            wb.write(o);
            return o.toByteArray();
        }
    }

    private static String drawing(String relId, String name, String descr) {
        return "<w:r><w:drawing><wp:inline xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"><wp:extent cx=\"4572000\" cy=\"914400\"/>"
                + "<wp:docPr id=\"1\" name=\"" + esc(name) + "\" descr=\"" + esc(descr).replace("\n", "&#10;") + "\"/>"
                + "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
                + "<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:nvPicPr><pic:cNvPr id=\"1\" name=\"" + esc(name)
                + "\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"" + relId + "\"/></pic:blipFill><pic:spPr/></pic:pic>"
                + "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>";
    }

    private static String chartRun(String relId) {
        return "<w:r><w:drawing><wp:inline xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"><wp:extent cx=\"4572000\" cy=\"2743200\"/>"
                + "<wp:docPr id=\"2\" name=\"图表 1\"/><a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">"
                + "<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"><c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" r:id=\""
                + relId + "\"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>";
    }

    private static byte[] chart() {
        String c = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\""
                + " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><c:chart><c:title><c:tx><c:rich><a:p><a:r><a:t>" + MARK
                + "</a:t></a:r></a:p></c:rich></c:tx></c:title><c:plotArea><c:barChart><c:ser><c:cat><c:strRef><c:strCache><c:ptCount val=\"2\"/>"
                + "<c:pt idx=\"0\"><c:v>身份证号：" + ID + "</c:v></c:pt><c:pt idx=\"1\"><c:v>其他</c:v></c:pt></c:strCache></c:strRef></c:cat>"
                + "<c:val><c:numRef><c:numCache><c:ptCount val=\"2\"/><c:pt idx=\"0\"><c:v>3</c:v></c:pt><c:pt idx=\"1\"><c:v>5</c:v></c:pt></c:numCache></c:numRef></c:val>"
                + "</c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>";
        return c.getBytes(StandardCharsets.UTF_8);
    }

    private static String smartArtRun() {
        return "<w:r><w:drawing><wp:inline xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"><wp:extent cx=\"4572000\" cy=\"2743200\"/>"
                + "<wp:docPr id=\"3\" name=\"图示 1\"/><a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">"
                + "<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/diagram\"><dgm:relIds xmlns:dgm=\"http://schemas.openxmlformats.org/drawingml/2006/diagram\""
                + " r:dm=\"rIdDm\" r:lo=\"rIdLo\" r:qs=\"rIdQs\" r:cs=\"rIdCs\"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>";
    }

    private static byte[] smartArt() {
        String d = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><dgm:dataModel xmlns:dgm=\"http://schemas.openxmlformats.org/drawingml/2006/diagram\""
                + " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><dgm:ptLst>"
                + "<dgm:pt modelId=\"{1}\" type=\"doc\"><dgm:t><a:bodyPr/><a:p><a:r><a:t>" + MARK + "</a:t></a:r></a:p></dgm:t></dgm:pt>"
                + "<dgm:pt modelId=\"{2}\"><dgm:t><a:bodyPr/><a:p><a:r><a:t>身份证号：" + ID + "</a:t></a:r></a:p></dgm:t></dgm:pt>"
                + "</dgm:ptLst></dgm:dataModel>";
        return d.getBytes(StandardCharsets.UTF_8);
    }

    /** A picture of the secret lines in a CJK font (Java2D), big enough for OCR. */
    static byte[] picture() throws IOException {
        BufferedImage img = new BufferedImage(1400, 260, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        Font f;
        try (var in = Files.newInputStream(FONT)) {
            f = Font.createFonts(in)[0].deriveFont(56f);
        } catch (java.awt.FontFormatException e) {
            throw new IOException(e);
        }
        g.setFont(f);
        g.drawString("机密★1年", 40, 90);
        g.drawString("身份证号：" + ID, 40, 200);
        g.dispose();
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ImageIO.write(img, "png", o);
        return o.toByteArray();
    }

    private static byte[] tinyPng() throws IOException {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ImageIO.write(img, "png", o);
        return o.toByteArray();
    }

    // ---------------------------------------------------------------- DOC (LibreOffice)

    private void doc() throws Exception {
        if (!TestFiles.onPath("soffice", "--version")) {
            System.err.println("soffice not found: .doc fixtures not written");
            return;
        }
        for (String name : new String[] {"picture", "footnote", "field-hyperlink"}) {
            Path src = out.resolve(name + ".docx");
            Path tmp = Files.createTempDirectory("hp-doc");
            Process p = new ProcessBuilder("soffice", "--headless", "--convert-to", "doc:MS Word 97", "--outdir", tmp.toString(), src.toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("soffice failed on " + src);
            }
            Files.move(tmp.resolve(name + ".doc"), out.resolve("doc-" + name + ".doc"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.delete(tmp);
        }
        expect("doc-picture.doc", "ID_NUMBER", "MANUAL_REVIEW NO_TEXT");
        expect("doc-footnote.doc", "ID_NUMBER", null);
        expect("doc-field-hyperlink.doc", "ID_NUMBER", null);
    }

    // ---------------------------------------------------------------- PDF (PDFBox)

    /** A PDF page with the notice's text, and {@code extra} done to the document. */
    private interface PdfExtra {
        void apply(PDDocument doc, PDPage page, PDType0Font font) throws IOException;
    }

    private void pdf() throws Exception {
        byte[] png = picture();
        writePdf("control-clean.pdf", (d, pg, f) -> { });
        expect("control-clean.pdf", "PUBLICATION_REVIEW", null);

        writePdf("pdf-form-field.pdf", (d, pg, f) -> {
            PDAcroForm form = new PDAcroForm(d);
            d.getDocumentCatalog().setAcroForm(form);
            PDResources dr = new PDResources();
            dr.put(COSName.getPDFName("F1"), f);
            form.setDefaultResources(dr);
            form.setDefaultAppearance("/F1 10 Tf 0 g");
            for (String[] v : new String[][] {{"密级", MARK}, {"身份证号", ID}}) {
                PDTextField t = new PDTextField(form);
                t.setPartialName(v[0]);
                t.setDefaultAppearance("/F1 10 Tf 0 g");
                form.getFields().add(t);
                PDAnnotationWidget w = t.getWidgets().get(0);
                w.setRectangle(new PDRectangle(72, v[0].equals("密级") ? 200 : 170, 300, 20));
                w.setPage(pg);
                pg.getAnnotations().add(w);
                t.setValue(v[1]);
            }
        });
        expect("pdf-form-field.pdf", "ID_NUMBER SECRECY_MARKING", null);

        writePdf("pdf-attachment.pdf", (d, pg, f) -> {
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("名单.txt");
            spec.setEmbeddedFile(new PDEmbeddedFile(d, new java.io.ByteArrayInputStream(SECRET.getBytes(StandardCharsets.UTF_8))));
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(java.util.Map.of("名单.txt", spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(d.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            d.getDocumentCatalog().setNames(names);
        });
        expect("pdf-attachment.pdf", "ID_NUMBER SECRECY_MARKING", null);

        writePdf("pdf-file-annotation.pdf", (d, pg, f) -> {
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("名单.txt");
            spec.setEmbeddedFile(new PDEmbeddedFile(d, new java.io.ByteArrayInputStream(SECRET.getBytes(StandardCharsets.UTF_8))));
            PDAnnotationFileAttachment a = new PDAnnotationFileAttachment();
            a.setFile(spec);
            a.setRectangle(new PDRectangle(500, 700, 20, 20));
            pg.getAnnotations().add(a);
        });
        expect("pdf-file-annotation.pdf", "ID_NUMBER SECRECY_MARKING", null);

        writePdf("pdf-note-annotation.pdf", (d, pg, f) -> {
            PDAnnotationText a = new PDAnnotationText();
            a.setContents(SECRET);
            a.setRectangle(new PDRectangle(500, 700, 20, 20));
            pg.getAnnotations().add(a);
        });
        // a note is a comment: the hidden-content detector reports it (and the marking in it) as HIGH
        expect("pdf-note-annotation.pdf", "ID_NUMBER HIDDEN_CONTENT", null);

        writePdf("pdf-bookmark.pdf", (d, pg, f) -> {
            PDDocumentOutline o = new PDDocumentOutline();
            for (String t : new String[] {MARK, "身份证号" + ID}) {
                PDOutlineItem i = new PDOutlineItem();
                i.setTitle(t);
                o.addLast(i);
            }
            d.getDocumentCatalog().setDocumentOutline(o);
        });
        expect("pdf-bookmark.pdf", "ID_NUMBER SECRECY_MARKING", null);

        writePdf("pdf-picture-on-text-page.pdf", (d, pg, f) -> {
            PDImageXObject img = LosslessFactory.createFromImage(d, ImageIO.read(new java.io.ByteArrayInputStream(png)));
            try (PDPageContentStream cs = new PDPageContentStream(d, pg, PDPageContentStream.AppendMode.APPEND, true)) {
                cs.drawImage(img, 72, 150, 420, 78);
            }
        });
        expect("pdf-picture-on-text-page.pdf", "ID_NUMBER", "MANUAL_REVIEW NO_TEXT");
    }

    private void writePdf(String name, PdfExtra extra) throws IOException {
        Files.write(out.resolve(name), pdfDocument(extra));
    }

    private static byte[] pdfBytes(String text) throws IOException {
        try (PDDocument d = new PDDocument(); TrueTypeCollection ttc = new TrueTypeCollection(FONT.toFile());
             ByteArrayOutputStream o = new ByteArrayOutputStream()) {
            PDType0Font font = PDType0Font.load(d, ttc.getFontByName("WenQuanYiMicroHei"), true);
            PDPage page = new PDPage(PDRectangle.A4);
            d.addPage(page);
            lines(d, page, font, text.split("\n"));
            d.save(o);
            return o.toByteArray();
        }
    }

    private static byte[] pdfDocument(PdfExtra extra) throws IOException {
        try (PDDocument d = new PDDocument(); TrueTypeCollection ttc = new TrueTypeCollection(FONT.toFile());
             ByteArrayOutputStream o = new ByteArrayOutputStream()) {
            PDType0Font font = PDType0Font.load(d, ttc.getFontByName("WenQuanYiMicroHei"), true);
            PDPage page = new PDPage(PDRectangle.A4);
            d.addPage(page);
            lines(d, page, font, noticeLines());
            extra.apply(d, page, font);
            d.save(o);
            return o.toByteArray();
        }
    }

    static String[] noticeLines() {
        return new String[] {"关于做好2024年防汛工作的通知", "各街道办事处，区级各部门：", "现将防汛有关工作通知如下，请认真贯彻落实。",
            "一、加强值守。汛期实行24小时值班制度。", "二、及时报告。发现险情立即报告区防汛办。", "某区人民政府办公室", "2024年5月20日", "（此件公开发布）"};
    }

    private static void lines(PDDocument d, PDPage page, PDType0Font font, String[] lines) throws IOException {
        try (PDPageContentStream cs = new PDPageContentStream(d, page)) {
            float y = 760;
            for (String l : lines) {
                cs.beginText();
                cs.setFont(font, 14);
                cs.newLineAtOffset(72, y);
                cs.showText(l);
                cs.endText();
                y -= 28;
            }
        }
    }

    // ---------------------------------------------------------------- OFD (ofdrw)

    private void ofd() throws Exception {
        Path clean = out.resolve("control-clean.ofd");
        writeOfd(clean, null);
        expect("control-clean.ofd", "PUBLICATION_REVIEW", null);

        Path list = Files.createTempFile("名单", ".txt");
        Files.writeString(list, SECRET);
        try (org.ofdrw.reader.OFDReader reader = new org.ofdrw.reader.OFDReader(clean); OFDDoc d = new OFDDoc(reader, out.resolve("ofd-attachment.ofd"))) {
            d.addAttachment(new Attachment("名单.txt", list));
        }
        expect("ofd-attachment.ofd", "ID_NUMBER SECRECY_MARKING", null);
        try (org.ofdrw.reader.OFDReader reader = new org.ofdrw.reader.OFDReader(clean); OFDDoc d = new OFDDoc(reader, out.resolve("ofd-annotation.ofd"))) {
            Annotation a = new Annotation(10d, 10d, 20d, 20d, AnnotType.Highlight, ctx -> { });
            a.setRemark(SECRET);
            d.addAnnotation(1, a);
        }
        expect("ofd-annotation.ofd", "ID_NUMBER HIDDEN_CONTENT", null);
        Files.delete(list);

        Path png = Files.createTempFile("picture", ".png");
        Files.write(png, picture());
        writeOfd(out.resolve("ofd-picture.ofd"), png);
        Files.delete(png);
        expect("ofd-picture.ofd", "ID_NUMBER", "MANUAL_REVIEW NO_TEXT");
    }

    private static void writeOfd(Path f, Path picture) throws IOException {
        try (OFDDoc d = new OFDDoc(f)) {
            VirtualPage v = new VirtualPage(PageLayout.A4());
            double y = 20;
            for (String l : noticeLines()) {
                Paragraph p = new Paragraph(l, 5d);
                p.setPosition(Position.Absolute).setX(20d).setY(y).setWidth(170d);
                v.add(p);
                y += 10;
            }
            if (picture != null) {
                Img img = new Img(140d, 26d, picture);
                img.setPosition(Position.Absolute).setX(20d).setY(y + 10);
                v.add(img);
            }
            d.addVPage(v);
        }
    }

    static void write(OutputStream o, byte[] b) throws IOException {
        o.write(b);
    }
}
