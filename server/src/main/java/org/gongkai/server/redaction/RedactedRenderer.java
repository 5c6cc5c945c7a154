package org.gongkai.server.redaction;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.gongkai.server.render.CjkPdfWriter;

/**
 * Writes a {@link RedactedCopy} as DOCX (POI) and PDF (PDFBox, CJK font embedded), then reads each output
 * back and refuses to hand it out if any removed text can still be found in it (whitespace ignored, so a
 * line break cannot hide a leak).
 */
public final class RedactedRenderer {
    private final CjkPdfWriter.FontLocator fonts;

    public RedactedRenderer(CjkPdfWriter.FontLocator fonts) {
        this.fonts = fonts;
    }

    public byte[] docx(RedactedCopy c) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (RedactedCopy.Piece p : c.paragraphs()) {
                if (p instanceof RedactedCopy.Paragraph para) {
                    XWPFParagraph xp = switch (para.part()) {
                        case "HEADER" -> doc.createHeader(HeaderFooterType.DEFAULT).createParagraph();
                        case "FOOTER" -> doc.createFooter(HeaderFooterType.DEFAULT).createParagraph();
                        default -> doc.createParagraph();
                    };
                    run(xp, para.text());
                } else if (p instanceof RedactedCopy.Table t && !t.rows().isEmpty()) {
                    int cols = Math.max(1, t.rows().get(0).size());
                    XWPFTable table = doc.createTable(t.rows().size(), cols);
                    for (int r = 0; r < t.rows().size(); r++) {
                        for (int k = 0; k < cols; k++) {
                            XWPFParagraph cp = table.getRow(r).getCell(k).getParagraphs().get(0);
                            run(cp, k < t.rows().get(r).size() ? t.rows().get(r).get(k) : "");
                        }
                    }
                    doc.createParagraph();
                }
            }
            POIXMLProperties props = doc.getProperties();
            props.getCoreProperties().setCreator("");
            props.getCoreProperties().setLastModifiedByUser("");
            props.getCoreProperties().setTitle("");
            props.getCoreProperties().setDescription("");
            props.getExtendedProperties().setCompany("");
            props.getExtendedProperties().setApplication("gongkai");
            doc.write(out);
            byte[] bytes = out.toByteArray();
            verify("DOCX", docxText(bytes), RedactionService.forbidden(c));
            return bytes;
        }
    }

    public byte[] pdf(RedactedCopy c) throws IOException {
        byte[] bytes;
        try (CjkPdfWriter w = new CjkPdfWriter(fonts)) {
            for (RedactedCopy.Piece p : c.paragraphs()) {
                if (p instanceof RedactedCopy.Paragraph para) {
                    w.paragraph(para.text(), 0);
                } else if (p instanceof RedactedCopy.Table t) {
                    w.rule();
                    for (List<String> row : t.rows()) {
                        w.paragraph(String.join(" ｜ ", row), 0);
                    }
                    w.rule();
                }
            }
            bytes = w.finish("", "");
        }
        verify("PDF", pdfText(bytes), RedactionService.forbidden(c));
        return bytes;
    }

    private static void run(XWPFParagraph p, String text) {
        String[] lines = text.split("\n", -1);
        XWPFRun r = p.createRun();
        r.setFontFamily("仿宋", XWPFRun.FontCharRange.eastAsia);
        r.setFontSize(16);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                r.addBreak();
            }
            r.setText(lines[i], i);
        }
    }

    static String docxText(byte[] docx) throws IOException {
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor x = new XWPFWordExtractor(d)) {
            return x.getText() + "\n" + d.getProperties().getCoreProperties().getCreator();
        }
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d) + "\n" + d.getDocumentInformation().getAuthor();
        }
    }

    /** Fails closed: an output in which removed text can still be found is never handed out. */
    static void verify(String format, String extracted, Set<String> forbidden) {
        String flat = extracted.replaceAll("\\s+", "");
        List<String> leaks = new ArrayList<>();
        for (String f : forbidden) {
            if (flat.contains(f.replaceAll("\\s+", ""))) {
                leaks.add(f);
            }
        }
        if (!leaks.isEmpty()) {
            throw new IllegalStateException(format + " redaction check failed: " + leaks.size() + " removed passages still present");
        }
    }
}
