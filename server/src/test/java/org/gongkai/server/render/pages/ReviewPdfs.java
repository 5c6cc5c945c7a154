package org.gongkai.server.render.pages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * PDFs the review-page tests need and the fixtures do not have, written with PDFBox the way office software and
 * attackers write them: a letter-spaced notice (a space between every character, and a line set with character
 * spacing instead), a rotated page, an absurdly large page, bytes that only start like a PDF, and nested forms that
 * multiply into billions of drawing operations.
 */
public final class ReviewPdfs {
    public static final Path FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
    /** Valid ID numbers (GB 11643 checksums) that also stand in the labelled fixtures. */
    public static final String SPACED_ID = "510102199007143215";
    public static final String TC_ID = "420106197004013532";
    public static final String ROTATED_ID = "370202198811116618";

    private ReviewPdfs() {
    }

    /** One page, 14 pt lines; {@code spaced} lines get a space between characters, {@code tc} lines 7 pt character spacing. */
    public static byte[] letterSpaced() throws IOException {
        return page(PDRectangle.A4, 0, List.of(
                "重庆市渝北区市场监督管理局",
                "行政处罚决定书",
                "渝北市监罚〔2022〕16号",
                "spaced:当事人：李秀英，身份证号码：" + SPACED_ID,
                "tc:身份证：" + TC_ID,
                "spaced:经查，当事人未按规定公示年度报告。",
                "2022年6月15日",
                "（此件主动公开）"));
    }

    /** The same ID number twice on one page, and a sticky-note comment beside the text. */
    public static byte[] repeatedWithComment() throws IOException {
        byte[] plain = page(PDRectangle.A4, 0, List.of("关于李秀英违法行为的处理决定", "当事人：李秀英，身份证号码：" + SPACED_ID,
                "经核实，" + SPACED_ID + "为当事人本人的身份证号码。", "2022年6月15日", "（此件主动公开）"));
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(plain)) {
            org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText note = new org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText();
            note.setContents("请核实：联系人王刚，手机13812345678");
            note.setTitlePopup("张科长");
            note.setRectangle(new PDRectangle(480, 600, 20, 20));
            doc.getPage(0).getAnnotations().add(note);
            return save(doc);
        }
    }

    /** A page turned a quarter (/Rotate 90), as scanned landscape tables are. */
    public static byte[] rotated() throws IOException {
        return page(PDRectangle.A4, 90, List.of("关于2022年公益性岗位补贴人员的公示", "白云飞，身份证号码：" + ROTATED_ID, "2022年10月10日", "（此件主动公开）"));
    }

    /** A page 300 000 points square — far beyond the PDF limit of 14 400. */
    public static byte[] absurdPage() throws IOException {
        return page(new PDRectangle(300_000, 300_000), 0, List.of("关于开展安全检查的通知", "2022年6月15日", "（此件主动公开）"));
    }

    /** A PDF header and then noise. */
    public static byte[] garbage() {
        byte[] noise = new byte[4096];
        new Random(11).nextBytes(noise);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("%PDF-1.7\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(noise);
        return out.toByteArray();
    }

    /**
     * Twelve levels of forms, each drawing the next one ten times: 10^12 drawing operations on one small page, the
     * PDF form of a "billion laughs".
     */
    public static byte[] formBomb() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDFormXObject inner = form(doc, "0 0 m 10 10 l S\n", null);
            for (int level = 0; level < 12; level++) {
                StringBuilder draw = new StringBuilder();
                for (int k = 0; k < 10; k++) {
                    draw.append("q 1 0 0 1 ").append(k % 3).append(" 0 cm /F Do Q\n");
                }
                inner = form(doc, draw.toString(), inner);
            }
            PDResources res = new PDResources();
            res.put(COSName.getPDFName("F"), inner);
            page.setResources(res);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawForm(inner);
            }
            return save(doc);
        }
    }

    private static PDFormXObject form(PDDocument doc, String content, PDFormXObject child) throws IOException {
        PDStream s = new PDStream(doc);
        try (var out = s.createOutputStream()) {
            out.write(content.getBytes(StandardCharsets.US_ASCII));
        }
        PDFormXObject f = new PDFormXObject(s);
        f.setBBox(new PDRectangle(0, 0, 100, 100));
        PDResources res = new PDResources();
        if (child != null) {
            res.put(COSName.getPDFName("F"), child);
        }
        f.setResources(res);
        return f;
    }

    private static byte[] page(PDRectangle size, int rotation, List<String> lines) throws IOException {
        try (PDDocument doc = new PDDocument(); TrueTypeCollection ttc = new TrueTypeCollection(FONT.toFile())) {
            PDType0Font font = PDType0Font.load(doc, ttc.getFontByName("WenQuanYiMicroHei"), true);
            PDPage page = new PDPage(size);
            page.setRotation(rotation);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float y = size.getHeight() - 80;
                for (String raw : lines) {
                    cs.beginText();
                    cs.setFont(font, 14);
                    if (raw.startsWith("tc:")) {
                        cs.setCharacterSpacing(7);
                    }
                    cs.newLineAtOffset(70, y);
                    String text = raw.startsWith("spaced:") ? String.join(" ", raw.substring(7).split(""))
                            : raw.startsWith("tc:") ? raw.substring(3) : raw;
                    cs.showText(text);
                    cs.setCharacterSpacing(0);
                    cs.endText();
                    y -= 28;
                }
            }
            return save(doc);
        }
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }
}
