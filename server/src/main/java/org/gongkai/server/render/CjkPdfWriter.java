package org.gongkai.server.render;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes simple flowing Chinese text (headings, paragraphs, rules) to an A4 PDF with a CJK font embedded as a
 * subset, so the file prints and extracts the same on any machine. The font is a 宋体-like serif (Noto Serif CJK SC)
 * where installed, as official documents are set, else a sans-serif fallback. OpenPDF writes the file because it
 * subsets OpenType fonts with CFF outlines (Noto Serif CJK), which PDFBox 3 cannot embed. Used for the 退回通知 and
 * for redacted publication copies; it lays out text, it is not a word processor.
 *
 * <p>Not thread-safe; one writer per document. Characters the font lacks are written as "□" rather than
 * dropped silently.
 */
public final class CjkPdfWriter implements Closeable {
    private static final float MARGIN = 72;
    private static final float BODY = 12;
    private static final float WIDTH = PageSize.A4.getWidth();
    private static final float HEIGHT = PageSize.A4.getHeight();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Document doc = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN);
    private final PdfWriter writer;
    private final BaseFont font;
    private PdfContentByte cs;
    private float y;

    public CjkPdfWriter(FontLocator fonts) throws IOException {
        font = load(fonts.cjkFont());
        writer = PdfWriter.getInstance(doc, out);
    }

    /** Loads a font file; in a collection (.ttc) the simplified-Chinese face ("…SC…"), else the first. */
    static BaseFont load(Path p) throws IOException {
        String file = p.toAbsolutePath().toString();
        try {
            if (file.toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                String[] names = BaseFont.enumerateTTCNames(file);
                int face = 0;
                for (int i = 0; i < names.length; i++) {
                    if (names[i] != null && names[i].toLowerCase(Locale.ROOT).matches(".*(sc|gb|cn)(-.*)?$")) {
                        face = i;
                        break;
                    }
                }
                file = file + "," + face;
            }
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (RuntimeException e) { // OpenPDF's DocumentException is unchecked
            throw new IOException("字体无法读取 / cannot read font " + p, e);
        }
    }

    /** A centred heading (the title of a notice). */
    public CjkPdfWriter title(String text) throws IOException {
        for (String line : wrap(text, 20)) {
            ensure(34);
            float w = width(line, 20);
            show(line, 20, (WIDTH - w) / 2);
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
        show(line, BODY, WIDTH - MARGIN - width(line, BODY));
        y -= BODY * 1.75f;
        return this;
    }

    /** A thin horizontal rule. */
    public CjkPdfWriter rule() throws IOException {
        ensure(12);
        cs.moveTo(MARGIN, y + 6);
        cs.lineTo(WIDTH - MARGIN, y + 6);
        cs.stroke();
        y -= 12;
        return this;
    }

    /** Saves the document with the given title and author in its (deliberately minimal) properties. */
    public byte[] finish(String title, String author) throws IOException {
        if (cs == null) {
            newPage();
        }
        doc.addTitle(title == null ? "" : title);
        doc.addAuthor(author == null ? "" : author);
        doc.addCreator("gongkai");
        doc.close();
        cs = null;
        return out.toByteArray();
    }

    @Override
    public void close() {
        if (doc.isOpen()) {
            doc.close();
        }
    }

    private void ensure(float needed) {
        if (cs == null || y - needed < MARGIN) {
            newPage();
        }
    }

    private void newPage() {
        if (cs == null && !doc.isOpen()) {
            doc.open();
        } else {
            doc.newPage();
        }
        cs = writer.getDirectContent();
        cs.setLineWidth(0.5f);
        // an empty page is dropped by newPage(); something must be drawn for the page to count
        writer.setPageEmpty(false);
        y = HEIGHT - MARGIN;
    }

    private void show(String line, float size, float x) {
        cs.beginText();
        cs.setFontAndSize(font, size);
        cs.setTextMatrix(x, y);
        cs.showText(line);
        cs.endText();
    }

    private List<String> wrap(String text, float size) throws IOException {
        return wrap(text, size, 0);
    }

    /** Greedy wrap by measured width; CJK text may break between any two characters. */
    private List<String> wrap(String text, float size, float firstIndent) throws IOException {
        String t = clean(text);
        float max = WIDTH - 2 * MARGIN;
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

    private float width(String s, float size) {
        return font.getWidthPoint(s, size);
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
        return font.charExists(cp);
    }

    /** Finds the CJK font to embed. */
    public interface FontLocator {
        Path cjkFont() throws IOException;
    }

    /**
     * The font named by {@code GONGKAI_PDF_FONT}, else the first that exists of Noto Serif CJK (fonts-noto-cjk: the
     * 宋体-like serif official documents are set in), AR PL UMing (fonts-arphic-uming, also serif), and the sans-serif
     * fallbacks fonts-wqy-microhei, fonts-wqy-zenhei and fonts-droid-fallback.
     */
    public static FontLocator systemFonts(String configured) {
        return () -> {
            List<Path> candidates = new ArrayList<>();
            if (configured != null && !configured.isBlank()) {
                candidates.add(Path.of(configured));
            }
            for (String s : List.of("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", "/usr/share/fonts/truetype/arphic/uming.ttc",
                    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
                    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")) {
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
