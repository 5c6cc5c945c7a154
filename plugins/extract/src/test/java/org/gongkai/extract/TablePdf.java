package org.gongkai.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Assumptions;

/**
 * Writes test PDFs the way office software lays out a 公文 with tables: a CJK font, paragraphs wrapped at a
 * fixed width, and tables whose cells hold pre-wrapped lines (a cell {@code "42050219\n96031205\n11"} is an ID
 * number wrapped in a narrow cell), drawn with stroked cell boxes, with thin filled bars as Word draws borders,
 * or without borders; cells top-aligned or vertically centred. Skips the test where the font is not installed.
 */
final class TablePdf implements AutoCloseable {
    static final Path FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

    enum Borders { STROKED, BARS, NONE }

    enum Align { TOP, MIDDLE }

    private final PDDocument doc = new PDDocument();
    private final TrueTypeCollection ttc;
    private final PDType0Font font;
    private PDPageContentStream cs;
    private final float size;
    private final float leading;
    private final float left = 60;
    private float digitLeading;
    private float y;

    TablePdf() throws IOException {
        this(12, 18);
    }

    TablePdf(float size, float leading) throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(FONT), "font " + FONT + " not installed: PDF table tests skipped");
        this.size = size;
        this.leading = leading;
        ttc = new TrueTypeCollection(FONT.toFile());
        font = PDType0Font.load(doc, ttc.getFontByName("WenQuanYiMicroHei"), true);
        newPage();
    }

    TablePdf newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = 780;
        return this;
    }

    /** A paragraph wrapped every {@code chars} characters, the first line indented by two characters. */
    TablePdf paragraph(String text, int chars) throws IOException {
        for (int i = 0; i < text.length(); i += chars) {
            show(left + (i == 0 ? 2 * size : 0), y, text.substring(i, Math.min(text.length(), i + chars)), 0);
            y -= leading;
        }
        return this;
    }

    /** One line at {@code x} (relative to the left margin). */
    TablePdf line(float x, String text) throws IOException {
        show(left + x, y, text, 0);
        y -= leading;
        return this;
    }

    /** Two texts on one line, the second starting at {@code x2} (a signature line, "签发人"). */
    TablePdf twoParts(String a, float x2, String b) throws IOException {
        show(left, y, a, 0);
        show(left + x2, y, b, 0);
        y -= leading;
        return this;
    }

    /** A line justified by character spacing (no space glyphs), as justified CJK lines are. */
    TablePdf charSpaced(String text, float spacing) throws IOException {
        show(left, y, text, spacing);
        y -= leading;
        return this;
    }

    /** A line with a space glyph between every two characters. */
    TablePdf spaceSeparated(String text) throws IOException {
        show(left, y, String.join(" ", text.split("")), 0);
        y -= leading;
        return this;
    }

    /**
     * Line spacing of table cells holding only digits, as when digits are set in a Latin font of another line
     * height than the Chinese text: the lines of such cells drift against those of their neighbours.
     */
    TablePdf digitLeading(float points) {
        digitLeading = points;
        return this;
    }

    TablePdf gap(float points) {
        y -= points;
        return this;
    }

    /**
     * A table: {@code widths} in characters per column, each row's cells with {@code '\n'} between their lines;
     * {@code pad} is the cell padding above and below the text (0 as in Word's default table).
     */
    TablePdf table(Borders borders, Align align, float pad, int[] widths, String[]... rows) throws IOException {
        float[] x = new float[widths.length + 1];
        x[0] = left;
        for (int c = 0; c < widths.length; c++) {
            x[c + 1] = x[c] + widths[c] * size + 10;
        }
        float top = y;
        if (borders == Borders.BARS) {
            bar(x[0], top, x[widths.length] - x[0]);
        }
        for (String[] row : rows) {
            float content = leading;
            for (String cell : row) {
                content = Math.max(content, cell.split("\n", -1).length * leading(cell));
            }
            float height = content + 2 * pad;
            for (int c = 0; c < widths.length; c++) {
                String[] cellLines = c < row.length ? row[c].split("\n", -1) : new String[0];
                float step = c < row.length ? leading(row[c]) : leading;
                float shift = align == Align.MIDDLE ? (content - cellLines.length * step) / 2 : 0;
                for (int l = 0; l < cellLines.length; l++) {
                    if (!cellLines[l].isEmpty()) {
                        show(x[c] + 5, top - pad - shift - l * step - 0.78f * step, cellLines[l], 0);
                    }
                }
                if (borders == Borders.STROKED) {
                    cs.addRect(x[c], top - height, x[c + 1] - x[c], height);
                    cs.stroke();
                }
            }
            top -= height;
            if (borders == Borders.BARS) {
                bar(x[0], top, x[widths.length] - x[0]);
            }
        }
        if (borders == Borders.BARS) {
            for (float xc : x) {
                cs.addRect(xc - 0.25f, top, 0.5f, y - top);
                cs.fill();
            }
        }
        y = top - leading;
        return this;
    }

    private float leading(String cell) {
        return digitLeading > 0 && cell.matches("[0-9X\n]+") ? digitLeading : leading;
    }

    private void bar(float x0, float at, float width) throws IOException {
        cs.addRect(x0, at - 0.25f, width, 0.5f);
        cs.fill();
    }

    private void show(float x, float baseline, String text, float charSpacing) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.setCharacterSpacing(charSpacing); // part of the graphics state: set on every line
        cs.newLineAtOffset(x, baseline);
        cs.showText(text);
        cs.endText();
    }

    Path save(Path file) throws IOException {
        cs.close();
        cs = null;
        doc.save(file.toFile());
        return file;
    }

    @Override
    public void close() throws IOException {
        if (cs != null) {
            cs.close();
        }
        doc.close();
        ttc.close();
    }
}
