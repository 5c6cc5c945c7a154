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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.gongkai.spi.Block;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionException.Reason;
import org.gongkai.spi.ExtractionGap;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.Part;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfExtractorTest {
    static final String PDF = "application/pdf";
    private static PdfExtractor pdf;

    @TempDir
    Path tmp;

    @BeforeAll
    static void configure() {
        pdf = TestFiles.configured(new PdfExtractor());
    }

    static DocumentText extract(Path f, ExtractionLimits limits) throws Exception {
        DocumentText t = pdf.extract(f, PDF, limits);
        assertWellFormed(t);
        return t;
    }

    /** Pages: a string is a text page, {@code null} an empty page, {@code "IMAGE"} a page holding only a picture. */
    static Path write(Path f, String... pages) throws Exception {
        try (PDDocument d = new PDDocument()) {
            for (String text : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                d.addPage(page);
                if (text == null) {
                    continue;
                }
                try (PDPageContentStream cs = new PDPageContentStream(d, page)) {
                    if (text.equals("IMAGE")) {
                        cs.drawImage(picture(d), 72, 400, 300, 200);
                    } else {
                        cs.beginText();
                        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                        cs.newLineAtOffset(72, 760);
                        for (String line : text.split("\n")) {
                            cs.showText(line);
                            cs.newLineAtOffset(0, -16);
                        }
                        cs.endText();
                    }
                }
            }
            d.save(f.toFile());
        }
        return f;
    }

    static PDImageXObject picture(PDDocument d) throws Exception {
        BufferedImage img = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 300, 200);
        g.setColor(Color.BLACK);
        g.fillRect(20, 20, 100, 10);
        g.dispose();
        return LosslessFactory.createFromImage(d, img);
    }

    @Test
    void blocksCarryTheirPageNumbers() throws Exception {
        Path f = write(tmp.resolve("pages.pdf"), "First page text\nsecond line", null, "Third page 13812345678", "Fourth page");
        DocumentText t = extract(f, ExtractionLimits.defaults());
        assertEquals(4, t.pageCount());
        assertTrue(t.complete(), describe(t));
        assertEquals(List.of(1, 3, 4), blocks(t, Part.BODY).stream().map(Block::page).toList(), describe(t));
        assertEquals("First page text\nsecond line", blockWith(t, Part.BODY, "First").text());
        assertEquals(3, t.blockAt(t.text().indexOf("13812345678")).page());
        assertEquals("pdf", t.properties().get("extractor"));
    }

    @Test
    void everyLabelledPdfIsReadCompletelyWithItsLabelledTexts() throws Exception {
        List<Path> files;
        try (var s = Files.list(TestFiles.root().resolve("fixtures/labelled"))) {
            files = s.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
        assertTrue(files.size() >= 10, "labelled PDF fixtures: " + files.size());
        for (Path f : files) {
            assertEquals(PDF, TestFiles.detect(f));
            DocumentText t = extract(f, ExtractionLimits.defaults());
            assertTrue(t.complete(), f + describe(t));
            assertTrue(t.pageCount() >= 1);
            List<Block> body = blocks(t, Part.BODY);
            assertFalse(body.isEmpty(), f.toString());
            for (Block b : body) {
                assertTrue(b.page() != null && b.page() >= 1 && b.page() <= t.pageCount(), f + ": " + b);
            }
            for (Block b : blocks(t, Part.METADATA)) {
                assertNull(b.page(), "document information belongs to no page");
            }
            Labels.assertLabelledTextsExtracted(f, t);
        }
    }

    @Test
    void wrappedIdNumbersInATableStayInOneCellBlock() throws Exception {
        DocumentText t = extract(fixture("labelled/roll-wrapped.pdf"), ExtractionLimits.defaults());
        Block cell = blockWith(t, Part.TABLE, "37020219");
        assertEquals("37020219\n88111166\n18", cell.text());
        assertEquals("第1页 表格1 第2行第3列", cell.source());
        assertEquals(1, cell.page());
    }

    @Test
    void imageOnlyPageWithoutOcrIsAGapNamingThePage() throws Exception {
        Path f = write(tmp.resolve("mixed.pdf"), "Text on page one", "IMAGE", "Text on page three");
        DocumentText t = extract(f, TestFiles.noOcr());
        assertEquals(List.of(1, 3), blocks(t, Part.BODY).stream().map(Block::page).toList());
        assertEquals(1, t.gaps().size(), describe(t));
        ExtractionGap g = t.gaps().get(0);
        assertEquals(ExtractionGap.Reason.NO_TEXT_LAYER, g.reason());
        assertEquals(2, g.page());
        assertTrue(g.message().contains("第2页") && g.message().contains("page 2"), g.message());
        assertTrue(g.message().contains("OCR"), g.message());
    }

    @Test
    void scannedPdfWithoutOcrFailsWithNoText() throws Exception {
        Path f = fixture("extraction/scanned-notice.pdf");
        ExtractionException e = assertFails(Reason.NO_TEXT, () -> pdf.extract(f, PDF, TestFiles.noOcr()));
        assertTrue(e.getMessage().contains("OCR"), e.getMessage());
        Path image = write(tmp.resolve("scan.pdf"), "IMAGE", "IMAGE");
        assertFails(Reason.NO_TEXT, () -> pdf.extract(image, PDF, TestFiles.noOcr()));
    }

    @Test
    void scannedPdfIsReadByOcrWhenInstalledOtherwiseNoText() throws Exception {
        Path f = fixture("extraction/scanned-notice.pdf");
        if (!TestFiles.tesseractWithChinese()) {
            assertFalse(pdf.ocrAvailable());
            ExtractionException e = assertFails(Reason.NO_TEXT, () -> pdf.extract(f, PDF, ExtractionLimits.defaults()));
            assertTrue(e.getMessage().contains("OCR"), e.getMessage());
            Assumptions.abort("tesseract with chi_sim is not installed: OCR of the scanned notice not checked (NO_TEXT checked instead)");
        }
        assertTrue(pdf.ocrAvailable());
        DocumentText t = extract(f, ExtractionLimits.defaults());
        List<Block> body = blocks(t, Part.BODY);
        assertFalse(body.isEmpty(), describe(t));
        assertEquals("OCR", body.get(0).source());
        assertEquals(1, body.get(0).page());
        assertTrue(t.text().contains("防汛"), "OCR found the Chinese text" + describe(t));
        assertTrue(t.text().contains("13912345678"), "OCR found the phone number" + describe(t));
    }

    @Test
    void ocrTextIsAPageBlockMarkedAsOcr() throws Exception {
        Path fake = TestFiles.fakeTesseract(tmp, "识别出的文字 联系人王刚 13812345678", 0);
        PdfExtractor withOcr = new PdfExtractor();
        withOcr.configure(TestFiles.config("pdf", Map.of("tesseract", fake.toString())));
        assertTrue(withOcr.ocrAvailable());
        Path f = write(tmp.resolve("mixed.pdf"), "Text on page one", "IMAGE");
        DocumentText t = withOcr.extract(f, PDF, ExtractionLimits.defaults());
        assertWellFormed(t);
        assertTrue(t.complete(), describe(t));
        Block ocr = blockWith(t, Part.BODY, "13812345678");
        assertEquals(2, ocr.page());
        assertEquals("OCR", ocr.source());
        assertEquals("识别出的文字 联系人王刚 13812345678", ocr.text());
        // switched off by the limits, the page is a gap again
        DocumentText off = withOcr.extract(f, PDF, TestFiles.noOcr());
        assertEquals(2, off.gaps().get(0).page());
        assertNowhere(off, "13812345678");
    }

    @Test
    void hangingOcrIsStoppedAtItsTimeOut() throws Exception {
        Path fake = TestFiles.fakeTesseract(tmp, "too late", 30);
        PdfExtractor slow = new PdfExtractor();
        slow.configure(TestFiles.config("pdf", Map.of("tesseract", fake.toString(), "ocrTimeoutSeconds", "1")));
        Path f = write(tmp.resolve("mixed.pdf"), "Text on page one", "IMAGE");
        long t0 = System.nanoTime();
        DocumentText t = slow.extract(f, PDF, ExtractionLimits.defaults());
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        assertTrue(seconds < 15, "OCR ran " + seconds + " s despite a 1 s time-out");
        assertWellFormed(t);
        assertNowhere(t, "too late");
        assertEquals(1, t.gaps().size(), describe(t));
        assertEquals(ExtractionGap.Reason.NO_TEXT_LAYER, t.gaps().get(0).reason());
        assertEquals(2, t.gaps().get(0).page());
        assertTrue(t.gaps().get(0).message().contains("OCR"), t.gaps().get(0).message());
    }

    @Test
    void missingTesseractMeansNoOcr() throws Exception {
        PdfExtractor none = new PdfExtractor();
        none.configure(TestFiles.config("pdf", Map.of("tesseract", tmp.resolve("no-such-tesseract").toString())));
        assertFalse(none.ocrAvailable());
        ExtractionException e = assertFails(Reason.NO_TEXT, () -> none.extract(fixture("extraction/scanned-notice.pdf"), PDF, ExtractionLimits.defaults()));
        assertTrue(e.getMessage().contains("OCR"), e.getMessage());
        DocumentText t = none.extract(write(tmp.resolve("mixed.pdf"), "Text on page one", "IMAGE"), PDF, ExtractionLimits.defaults());
        assertTrue(t.gaps().get(0).message().contains("未安装 OCR"), t.gaps().get(0).message());
    }

    @Test
    void passwordProtectedFixtureIsEncrypted() throws Exception {
        Path f = fixture("broken/password-protected.pdf");
        assertEquals(PDF, TestFiles.detect(f));
        ExtractionException e = assertFails(Reason.ENCRYPTED, () -> pdf.extract(f, PDF, ExtractionLimits.defaults()));
        assertTrue(e.getMessage().contains("密码") && e.getMessage().contains("password"), e.getMessage());
    }

    @Test
    void openPasswordIsEncryptedButPermissionsOnlyPasswordIsReadable() throws Exception {
        Path plain = write(tmp.resolve("plain.pdf"), "Restricted but readable");
        Path user = tmp.resolve("user.pdf");
        Path owner = tmp.resolve("owner.pdf");
        for (Path out : List.of(user, owner)) {
            try (PDDocument d = org.apache.pdfbox.Loader.loadPDF(plain.toFile())) {
                AccessPermission ap = new AccessPermission();
                ap.setCanExtractContent(false);
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", out == user ? "open-secret" : "", ap);
                policy.setEncryptionKeyLength(128);
                d.protect(policy);
                d.save(out.toFile());
            }
        }
        assertFails(Reason.ENCRYPTED, () -> pdf.extract(user, PDF, ExtractionLimits.defaults()));
        DocumentText t = extract(owner, ExtractionLimits.defaults());
        assertEquals("Restricted but readable", blockWith(t, Part.BODY, "Restricted").text());
    }

    @Test
    void truncatedFixtureFailsClosed() throws Exception {
        Path f = fixture("broken/truncated.pdf");
        assertEquals(PDF, TestFiles.detect(f));
        try {
            DocumentText t = pdf.extract(f, PDF, ExtractionLimits.defaults());
            assertFalse(t.complete(), "a truncated PDF passed as complete" + describe(t));
        } catch (ExtractionException e) {
            assertEquals(Reason.CORRUPT, e.reason(), e.getMessage());
        }
    }

    @Test
    void truncatedPdfNeverPassesAsComplete() throws Exception {
        byte[] whole = Files.readAllBytes(write(tmp.resolve("whole.pdf"), "Page 1 text", "Page 2 text", "Page 3 text", "Page 4 text", "Page 5 text"));
        for (int pct : new int[] {5, 20, 40, 60, 80, 90, 95, 98, 99}) {
            int cut = whole.length * pct / 100;
            Path f = Files.write(tmp.resolve("cut-" + pct + ".pdf"), Arrays.copyOf(whole, cut));
            try {
                DocumentText t = pdf.extract(f, PDF, ExtractionLimits.defaults());
                assertWellFormed(t);
                assertFalse(t.complete(), "cut at " + pct + "% passed as complete" + describe(t));
            } catch (ExtractionException e) {
                assertTrue(e.reason() == Reason.CORRUPT || e.reason() == Reason.NO_TEXT, pct + "%: " + e.reason() + " " + e.getMessage());
            }
        }
        Path last = Files.write(tmp.resolve("cut-last.pdf"), Arrays.copyOf(whole, whole.length - 7)); // "%%EOF\n" cut
        DocumentText t = pdf.extract(last, PDF, ExtractionLimits.defaults());
        assertFalse(t.complete(), describe(t));
    }

    @Test
    void annotationsInformationAndAttachmentsAreKeptApart() throws Exception {
        Path f = tmp.resolve("extras.pdf");
        write(f, "Body text of the notice", "Second page");
        try (PDDocument d = org.apache.pdfbox.Loader.loadPDF(f.toFile())) {
            PDAnnotationText note = new PDAnnotationText();
            note.setContents("此处数字需核实");
            note.getCOSObject().setString(COSName.T, "张科长");
            note.setRectangle(new PDRectangle(100, 100, 20, 20));
            d.getPage(1).getAnnotations().add(note);
            d.getDocumentInformation().setAuthor("李小红");
            d.getDocumentInformation().setTitle("内部稿");

            PDEmbeddedFile ef = new PDEmbeddedFile(d, new ByteArrayInputStream("附件：联系人王刚 13812345678".getBytes(StandardCharsets.UTF_8)));
            ef.setSubtype("text/plain");
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("list.txt");
            spec.setEmbeddedFile(ef);
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of("list.txt", spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(d.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            d.getDocumentCatalog().setNames(names);
            d.save(tmp.resolve("extras2.pdf").toFile());
        }
        Path g = tmp.resolve("extras2.pdf");
        DocumentText t = extract(g, ExtractionLimits.defaults());
        assertTrue(t.complete(), describe(t));
        Block c = blockWith(t, Part.COMMENT, "此处数字需核实");
        assertEquals(2, c.page());
        assertEquals("批注 作者：张科长", c.source());
        assertKeptApart(t, "此处数字需核实", Part.COMMENT);
        assertKeptApart(t, "李小红", Part.METADATA);
        assertTrue(blockWith(t, Part.METADATA, "李小红").source().contains("Author"));
        assertKeptApart(t, "内部稿", Part.METADATA);
        Block a = blockWith(t, Part.ATTACHMENT, "13812345678");
        assertTrue(a.source().contains("list.txt"));
        assertFalse(blocks(t, Part.BODY).stream().anyMatch(b -> b.text().contains("13812345678")));

        DocumentText shallow = extract(g, TestFiles.depth(0));
        assertNowhere(shallow, "13812345678");
        assertTrue(shallow.gaps().stream().anyMatch(x -> x.reason() == ExtractionGap.Reason.TOO_DEEP && x.message().contains("list.txt")),
                describe(shallow));
    }

    @Test
    void characterLimitTruncatesWithAGap() throws Exception {
        Path f = write(tmp.resolve("long.pdf"), "AAAAAAAAAA BBBBBBBBBB", "CCCCCCCCCC", "DDDDDDDDDD");
        DocumentText t = extract(f, TestFiles.limits(25));
        assertFalse(t.complete());
        assertEquals(ExtractionGap.Reason.TRUNCATED, t.gaps().get(0).reason());
        assertEquals(25, t.blocks().stream().mapToInt(b -> b.text().length()).sum());
        assertNowhere(t, "DDDD");
    }

    @Test
    void interruptedExtractionIsATimeout() {
        assertTimesOutWhenInterrupted(pdf, fixture("labelled/announcement-road.pdf"), PDF);
    }

    @Test
    void otherFilesGivenAsPdfAreCorruptOrEmpty() throws Exception {
        assertFails(Reason.CORRUPT, () -> pdf.extract(fixture("labelled/hidden-tracked-comment.docx"), PDF, ExtractionLimits.defaults()));
        assertFails(Reason.CORRUPT, () -> pdf.extract(fixture("broken/random-bytes.doc"), PDF, ExtractionLimits.defaults()));
        Path empty = Files.createFile(tmp.resolve("empty.pdf"));
        assertFails(Reason.EMPTY, () -> pdf.extract(empty, PDF, ExtractionLimits.defaults()));
    }
}
