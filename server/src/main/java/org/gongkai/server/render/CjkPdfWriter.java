package org.gongkai.server.render;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writes simple flowing Chinese text (headings, paragraphs, rules) to an A4 PDF with a CJK TrueType font
 * embedded as a subset, so the file prints and extracts the same on any machine. Used for the 退回通知 and
 * for redacted publication copies; it lays out text, it is not a word processor.
 *
 * <p>Not thread-safe; one writer per document. Characters the font lacks are written as "□" rather than
 * dropped silently.
 */
public final class CjkPdfWriter implements Closeable {
    private static final float MARGIN = 72;
    private static final float BODY = 12;

    private final PDDocument doc = new PDDocument();
    private final TrueTypeCollection collection;
    private final TrueTypeFont ttf;
    private final PDType0Font font;
    private PDPageContentStream cs;
    private float y;

    public CjkPdfWriter(FontLocator fonts) throws IOException {
        Path p = fonts.cjkFont();
        if (p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
            collection = new TrueTypeCollection(p.toFile());
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(f -> {
                if (first[0] == null) {
                    first[0] = f;
                }
            });
            ttf = first[0];
            font = PDType0Font.load(doc, ttf, true);
        } else {
            collection = null;
            ttf = null;
            font = PDType0Font.load(doc, p.toFile());
        }
    }

    /** A centred heading (the title of a notice). */
    public CjkPdfWriter title(String text) throws IOException {
        for (String line : wrap(text, 20)) {
            ensure(34);
            float w = width(line, 20);
            show(line, 20, (PDRectangle.A4.getWidth() - w) / 2);
            y -= 34;
        }
        y -= 8;
        return this;
    }

    /** A bold-looking section heading. */
    public CjkPdfWriter heading(String text) throws IOException {
        y -= 6;
        for (String line : wrap(text, 14)) {
            ensure(24);
            show(line, 14, MARGIN);
            y -= 24;
        }
        return this;
    }

    /** A paragraph, wrapped to the text width; {@code indent} in characters for the first line. */
    public CjkPdfWriter paragraph(String text, int indent) throws IOException {
        if (text == null || text.isBlank()) {
            y -= BODY;
            return this;
        }
        for (String raw : text.split("\n", -1)) {
            List<String> lines = wrap(raw, BODY, indent * BODY);
            for (int i = 0; i < lines.size(); i++) {
                ensure(BODY * 1.75f);
                show(lines.get(i), BODY, MARGIN + (i == 0 ? indent * BODY : 0));
                y -= BODY * 1.75f;
            }
        }
        return this;
    }

    /** Right-aligned line (signature, date). */
    public CjkPdfWriter right(String text) throws IOException {
        ensure(BODY * 1.75f);
        String line = clean(text);
        show(line, BODY, PDRectangle.A4.getWidth() - MARGIN - width(line, BODY));
        y -= BODY * 1.75f;
        return this;
    }

    /** A thin horizontal rule. */
    public CjkPdfWriter rule() throws IOException {
        ensure(12);
        cs.moveTo(MARGIN, y + 6);
        cs.lineTo(PDRectangle.A4.getWidth() - MARGIN, y + 6);
        cs.stroke();
        y -= 12;
        return this;
    }

    /** Saves the document with the given title and author in its (deliberately minimal) properties. */
    public byte[] finish(String title, String author) throws IOException {
        if (cs == null) {
            newPage();
        }
        cs.close();
        cs = null;
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setCreator("gongkai");
        doc.setDocumentInformation(info);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        try {
            if (cs != null) {
                cs.close();
            }
            doc.close();
        } finally {
            if (collection != null) {
                collection.close();
            }
        }
    }

    private void ensure(float needed) throws IOException {
        if (cs == null || y - needed < MARGIN) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        cs.setLineWidth(0.5f);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void show(String line, float size, float x) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(line);
        cs.endText();
    }

    private List<String> wrap(String text, float size) throws IOException {
        return wrap(text, size, 0);
    }

    /** Greedy wrap by measured width; CJK text may break between any two characters. */
    private List<String> wrap(String text, float size, float firstIndent) throws IOException {
        String t = clean(text);
        float max = PDRectangle.A4.getWidth() - 2 * MARGIN;
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float w = firstIndent;
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            float cw = width(ch, size);
            if (w + cw > max && line.length() > 0) {
                out.add(line.toString());
                line.setLength(0);
                w = 0;
            }
            line.append(ch);
            w += cw;
            i += Character.charCount(cp);
        }
        out.add(line.toString());
        return out;
    }

    private float width(String s, float size) throws IOException {
        return font.getStringWidth(s) / 1000 * size;
    }

    /** Replaces control characters and glyphs the font lacks, so showText never fails half-way. */
    private String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\t') {
                b.append("    ");
            } else if (Character.isISOControl(cp)) {
                return;
            } else if (hasGlyph(cp)) {
                b.appendCodePoint(cp);
            } else {
                b.append(hasGlyph('□') ? '□' : '?');
            }
        });
        return b.toString();
    }

    private boolean hasGlyph(int cp) {
        try {
            font.encode(new String(Character.toChars(cp)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Finds the CJK font to embed. */
    public interface FontLocator {
        Path cjkFont() throws IOException;
    }

    /**
     * The font named by {@code GONGKAI_PDF_FONT}, else the first of the usual Debian CJK TrueType fonts
     * (fonts-wqy-microhei, fonts-wqy-zenhei, fonts-arphic-uming, fonts-droid-fallback) that exists.
     */
    public static FontLocator systemFonts(String configured) {
        return () -> {
            List<Path> candidates = new ArrayList<>();
            if (configured != null && !configured.isBlank()) {
                candidates.add(Path.of(configured));
            }
            for (String s : List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
                    "/usr/share/fonts/truetype/arphic/uming.ttc", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")) {
                candidates.add(Path.of(s));
            }
            for (Path p : candidates) {
                if (Files.isReadable(p)) {
                    return p;
                }
            }
            throw new FontMissingException(candidates);
        };
    }

    /** No CJK font on this machine: PDF output is unavailable until one is installed. */
    public static final class FontMissingException extends IOException {
        public FontMissingException(List<Path> tried) {
            super("未找到中文字体，无法生成 PDF；请安装 fonts-wqy-microhei 或设置 GONGKAI_PDF_FONT / no CJK font found for PDF output; "
                    + "install fonts-wqy-microhei or set GONGKAI_PDF_FONT (tried " + tried + ")");
        }
    }
}
