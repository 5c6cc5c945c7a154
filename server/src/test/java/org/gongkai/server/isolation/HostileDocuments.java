package org.gongkai.server.isolation;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Real files that make parsers misbehave: one that needs a lot of memory, one whose parsing practically never ends. */
final class HostileDocuments {
    private HostileDocuments() {
    }

    /**
     * A DOCX whose body is one paragraph of {@code chars} random Chinese characters: reading it holds the paragraph,
     * the document text and the answer at once, tens of MB for a few million characters.
     */
    static Path hugeParagraphDocx(Path file, int chars) throws IOException {
        Random r = new Random(7);
        StringBuilder sb = new StringBuilder(chars);
        for (int i = 0; i < chars; i++) {
            sb.append((char) (0x4e00 + r.nextInt(3000)));
        }
        try (XWPFDocument d = new XWPFDocument(); OutputStream o = java.nio.file.Files.newOutputStream(file)) {
            d.createParagraph().createRun().setText(sb.toString());
            d.write(o);
        }
        return file;
    }

    /**
     * A PDF of one page with a line of text that draws a form four levels deep, each level drawing the next 200
     * times: 1.6 billion path operations from a file of a few KB (a "billion laughs" for content streams). PDFBox
     * does not check for interruption inside a page: only killing the process stops it.
     */
    static Path endlessPdf(Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDFormXObject inner = form(doc, null, "0 0 m 1 1 l S\n".repeat(200));
            PDFormXObject f = inner;
            for (int level = 0; level < 3; level++) {
                f = form(doc, f, "/F Do\n".repeat(200));
            }
            PDResources res = new PDResources();
            res.put(COSName.getPDFName("F"), f);
            page.setResources(res);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 720);
                cs.showText("Notice 2024");
                cs.endText();
                cs.appendRawCommands("/F Do\n");
            }
            doc.save(file.toFile());
        }
        return file;
    }

    private static PDFormXObject form(PDDocument doc, PDFormXObject child, String content) throws IOException {
        PDFormXObject f = new PDFormXObject(doc);
        f.setBBox(new PDRectangle(0, 0, 100, 100));
        if (child != null) {
            PDResources res = new PDResources();
            res.put(COSName.getPDFName("F"), child);
            f.setResources(res);
        }
        try (OutputStream o = f.getContentStream().createOutputStream(COSName.FLATE_DECODE)) {
            o.write(content.getBytes(StandardCharsets.US_ASCII));
        }
        return f;
    }
}
