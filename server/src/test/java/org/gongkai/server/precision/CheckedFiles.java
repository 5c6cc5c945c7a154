package org.gongkai.server.precision;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.gongkai.server.App;
import org.gongkai.server.TestEnv;
import org.gongkai.server.config.ServerConfig;
import org.gongkai.server.pipeline.CheckPipeline;
import org.gongkai.server.pipeline.CheckResult;
import org.gongkai.server.pipeline.ReportedFinding;
import org.gongkai.server.plugin.PluginRegistry;
import org.gongkai.spi.Category;
import org.gongkai.spi.Submission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.ofdrw.core.basicStructure.ofd.docInfo.CT_DocInfo;
import org.ofdrw.core.basicStructure.ofd.docInfo.CustomDatas;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.edit.Attachment;
import org.ofdrw.layout.element.Paragraph;

/**
 * Real DOCX, PDF and OFD files written by a test and checked through the whole pipeline, one pipeline per test class:
 * the end-to-end tests of the classes of error seen on real documents share these writers.
 */
abstract class CheckedFiles {
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String OFD = "application/ofd";
    static final String PDF = "application/pdf";
    private static final Path FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

    @TempDir
    static Path tmp;
    private static ExecutorService threads;
    private static CheckPipeline pipeline;

    @BeforeAll
    static void startPipeline() {
        ServerConfig cfg = TestEnv.config(tmp.resolve("data"));
        threads = App.extractionThreads();
        pipeline = App.pipeline(PluginRegistry.load(App.environment(cfg)), threads, cfg);
    }

    @AfterAll
    static void stopPipeline() {
        threads.shutdownNow();
    }

    static CheckResult check(Path file, String mediaType) {
        return pipeline.check(file, mediaType, Submission.of(file.getFileName().toString()));
    }

    static List<ReportedFinding> of(CheckResult r, Category c) {
        return r.findings().stream().filter(f -> f.category() == c).toList();
    }

    static List<String> texts(CheckResult r, Category c) {
        return of(r, c).stream().map(f -> f.text().replaceAll("\\s", "")).sorted().toList();
    }

    static String describe(CheckResult r) {
        return r.route() + " " + r.findings().stream().map(f -> f.category() + "“" + f.text() + "”").toList();
    }

    /** A DOCX: paragraphs (a line starting with "|" is a table row, cells separated by "|"), then {@code more}. */
    static Path docx(String name, Consumer<XWPFDocument> more, String... lines) throws IOException {
        Path p = tmp.resolve(name);
        try (XWPFDocument d = new XWPFDocument(); OutputStream out = Files.newOutputStream(p)) {
            XWPFTable table = null;
            for (String line : lines) {
                if (line.startsWith("|")) {
                    String[] cells = line.substring(1).split("\\|");
                    if (table == null) {
                        table = d.createTable(1, cells.length);
                        for (int c = 0; c < cells.length; c++) {
                            table.getRow(0).getCell(c).setText(cells[c]);
                        }
                    } else {
                        var row = table.createRow();
                        for (int c = 0; c < cells.length; c++) {
                            row.getCell(c).setText(cells[c]);
                        }
                    }
                } else {
                    table = null;
                    d.createParagraph().createRun().setText(line);
                }
            }
            more.accept(d);
            d.write(out);
        }
        return p;
    }

    static Path docx(String name, String... lines) throws IOException {
        return docx(name, d -> { }, lines);
    }

    /**
     * An OFD whose page holds {@code lines}, one text object each (as e-invoices and certificates print their field
     * values), with the document information's author, custom data and attached files.
     */
    static Path ofd(String name, String author, Map<String, String> custom, Map<String, String> attachments, String... lines) throws Exception {
        Path f = tmp.resolve(name);
        try (OFDDoc d = new OFDDoc(f)) {
            for (String s : lines) {
                d.add(new Paragraph(s, 4d));
            }
            CT_DocInfo info = d.getOfdDir().getOfd().getDocBody().getDocInfo();
            if (author != null) {
                info.setAuthor(author);
            }
            if (!custom.isEmpty()) {
                CustomDatas c = new CustomDatas();
                custom.forEach(c::addCustomData);
                info.setCustomDatas(c);
            }
            for (Map.Entry<String, String> a : attachments.entrySet()) {
                Path file = tmp.resolve(a.getKey());
                Files.writeString(file, a.getValue());
                d.addAttachment(new Attachment(a.getKey(), file));
            }
        }
        return f;
    }

    /** A one-page PDF with each line of {@code lines} drawn where it stands (a line wrapped by the layout, not by the text). */
    static Path pdf(String name, String... lines) throws IOException {
        Path target = tmp.resolve(name);
        try (PDDocument d = new PDDocument(); TrueTypeCollection ttc = new TrueTypeCollection(FONT.toFile())) {
            PDType0Font font = PDType0Font.load(d, ttc.getFontByName("WenQuanYiMicroHei"), true);
            PDPage page = new PDPage(PDRectangle.A4);
            d.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(d, page)) {
                float y = 780;
                for (String line : lines) {
                    cs.beginText();
                    cs.setFont(font, 12);
                    cs.newLineAtOffset(60, y);
                    cs.showText(line);
                    cs.endText();
                    y -= 22;
                }
            }
            d.save(target.toFile());
        }
        return target;
    }
}
