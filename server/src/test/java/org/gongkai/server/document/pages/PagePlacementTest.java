package org.gongkai.server.document.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gongkai.server.pipeline.ReportedFinding;
import org.gongkai.server.render.pages.PageLayout;
import org.gongkai.server.render.pages.PdfBoxPages;
import org.gongkai.server.render.pages.RenderLimits;
import org.gongkai.server.render.pages.ReviewPdfs;
import org.gongkai.spi.Block;
import org.gongkai.spi.Category;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.Part;
import org.gongkai.spi.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Placing findings on a real PDF page's glyphs (read by the real renderer) where the HTTP tests do not reach: a passage
 * longer than the search follows, text the page does not hold, findings without a passage and text read by OCR.
 */
class PagePlacementTest {
    @TempDir
    Path dir;

    @Test
    void a_long_passage_is_boxed_by_its_beginning_and_said_so_and_what_is_not_on_the_page_keeps_the_page_marker() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            lines.add("第" + (i + 10) + "条　各单位应当按照本办法规定的程序和时限开展保密审查工作。");
        }
        Path pdf = dir.resolve("long.pdf");
        Files.write(pdf, longPage(lines));
        PageLayout layout;
        try (PdfBoxPages pages = new PdfBoxPages(RenderLimits.defaults(dir.resolve("scratch")).withTimeout(Duration.ofSeconds(20)))) {
            layout = pages.layout(pdf, 1);
        }
        String pageText;
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            pageText = s.getText(d).strip();
        }
        DocumentText text = DocumentText.of(List.of(new Block(Part.BODY, pageText, 1, ""), new Block(Part.BODY, "第10条 图片中的文字", 1, "OCR")));
        PagePlacement placement = new PagePlacement(layout, text);

        PageBoxes.FindingBox all = placement.place(finding(Category.SECRET_CONTENT, text, 0, pageText.length(), Part.BODY));
        assertEquals(PageBoxes.How.GLYPHS, all.how());
        assertFalse(all.certain());
        assertTrue(all.note().contains("开头"), all.note());
        assertTrue(all.rects().size() >= 5, "the beginning runs over several lines: " + all.rects());

        int k = pageText.indexOf("第11条");
        PageBoxes.FindingBox one = placement.place(finding(Category.SECRET_CONTENT, text, k, k + 5, Part.BODY));
        assertTrue(one.certain() && one.rects().size() == 1, one.toString());

        PageBoxes.FindingBox ocr = placement.place(finding(Category.PERSON_NAME, text, pageText.length() + 1, pageText.length() + 4, Part.BODY));
        assertEquals(PageBoxes.How.PAGE, ocr.how());
        assertTrue(ocr.note().contains("OCR"), ocr.note());

        PageBoxes.FindingBox none = placement.place(new ReportedFinding("x", Category.ATTRIBUTE_CONFLICT, "", Severity.HIGH, "", Part.BODY, 0, 0, null, "",
                "test", 1, "", "", "1"));
        assertEquals(PageBoxes.How.PAGE, none.how());
        assertTrue(none.rects().isEmpty());

        PageBoxes.FindingBox elsewhere = placement.place(new ReportedFinding("y", Category.PERSON_NAME, "", Severity.HIGH, "欧阳修", Part.BODY, -5, -2, 1,
                "", "test", 1, "", "", "1"));
        assertEquals(PageBoxes.How.PAGE, elsewhere.how());
        assertTrue(elsewhere.note().contains("未能"), elsewhere.note());
    }

    private static ReportedFinding finding(Category c, DocumentText text, int start, int end, Part part) {
        return new ReportedFinding(c.name() + start, c, c.chinese(), Severity.HIGH, text.text().substring(start, end), part, start, end, 1, "", "test",
                1, "", "", "1");
    }

    private static byte[] longPage(List<String> lines) throws IOException {
        try (PDDocument doc = new PDDocument(); TrueTypeCollection ttc = new TrueTypeCollection(ReviewPdfs.FONT.toFile())) {
            PDType0Font font = PDType0Font.load(doc, ttc.getFontByName("WenQuanYiMicroHei"), true);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float y = 780;
                for (String l : lines) {
                    cs.beginText();
                    cs.setFont(font, 12);
                    cs.newLineAtOffset(60, y);
                    cs.showText(l);
                    cs.endText();
                    y -= 26;
                }
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
