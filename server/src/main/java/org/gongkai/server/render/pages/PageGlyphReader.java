package org.gongkai.server.render.pages;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

/**
 * Reads the glyphs of one page with a position-sorted {@link PDFTextStripper} (the extractor's settings: sorted
 * by position, one line separator between lines) and computes each glyph's box on the rendered page.
 *
 * <p>A glyph's box is its advance width across and the font's ascent to descent up and down (a typical CJK em,
 * 0.88 above and 0.12 below the baseline, when the font does not give plausible values), mapped through the
 * glyph's text rendering matrix, so rotated, scaled and skewed text is boxed where it is drawn. One reader per page.
 */
final class PageGlyphReader extends PDFTextStripper {
    private static final float ASCENT = 0.88f;
    private static final float DESCENT = -0.12f;

    private final Deadline deadline;
    private final int maxGlyphs;
    private final List<PageLayout.Glyph> glyphs = new ArrayList<>();
    private final float[] pt = new float[2];
    private PageGeometry geometry;
    private int line;
    private boolean truncated;

    PageGlyphReader(Deadline deadline, int maxGlyphs) {
        this.deadline = deadline;
        this.maxGlyphs = maxGlyphs;
        setSortByPosition(true);
        setLineSeparator("\n");
        setPageEnd("");
    }

    PageLayout read(PDDocument doc, int number, float maxPoints) throws IOException, PageRenderException {
        PDPage page = doc.getPage(number - 1);
        geometry = PageGeometry.of(page, maxPoints);
        setStartPage(number);
        setEndPage(number);
        writeText(doc, Writer.nullWriter());
        return new PageLayout(number, doc.getNumberOfPages(), geometry.renderedWidth(), geometry.renderedHeight(), geometry.rotation(),
                List.copyOf(glyphs), notes(page), truncated);
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        deadline.check();
        super.processOperator(operator, operands);
    }

    @Override
    protected void writeLineSeparator() {
        line++;
    }

    @Override
    protected void writeWordSeparator() {
        // spaces carry no position; the locator ignores white space
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        deadline.check();
        for (TextPosition p : positions) {
            if (glyphs.size() >= maxGlyphs) {
                truncated = true;
                return;
            }
            glyphs.add(glyph(p));
        }
    }

    private PageLayout.Glyph glyph(TextPosition p) {
        String u = p.getUnicode() == null ? "" : p.getUnicode();
        try {
            float[] box = box(p);
            return new PageLayout.Glyph(u, line, box[0], box[1], box[2], box[3]);
        } catch (IOException | RuntimeException e) {
            return new PageLayout.Glyph(u, line, Float.NaN, Float.NaN, Float.NaN, Float.NaN);
        }
    }

    /** The glyph's box as {x0, y0, x1, y1} fractions of the rendered page. */
    private float[] box(TextPosition p) throws IOException {
        Matrix m = p.getTextMatrix();
        PDFont font = p.getFont();
        float advance = advance(p, font, m);
        float ascent = ASCENT;
        float descent = DESCENT;
        PDFontDescriptor fd = font == null ? null : font.getFontDescriptor();
        if (fd != null && fd.getAscent() >= 500 && fd.getAscent() <= 1300 && fd.getDescent() <= 0 && fd.getDescent() >= -600) {
            ascent = fd.getAscent() / 1000f;
            descent = fd.getDescent() / 1000f;
        }
        float left = 0;
        float right = advance;
        if (font != null && font.isVertical()) {
            left = -advance / 2; // vertical writing: the origin is at the top centre of the glyph
            right = advance / 2;
            ascent = 0.12f;
            descent = -0.88f;
        }
        float[] out = {Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        float[][] corners = {{left, descent}, {right, descent}, {right, ascent}, {left, ascent}};
        for (float[] c : corners) {
            java.awt.geom.Point2D.Float u = m.transformPoint(c[0], c[1]);
            geometry.toPage(u.x, u.y, pt);
            out[0] = Math.min(out[0], pt[0]);
            out[1] = Math.min(out[1], pt[1]);
            out[2] = Math.max(out[2], pt[0]);
            out[3] = Math.max(out[3], pt[1]);
        }
        for (float v : out) {
            if (!Float.isFinite(v)) {
                throw new IllegalStateException("glyph box not finite");
            }
        }
        return out;
    }

    /** The advance width in text space units: the font's width of the glyph, or the stripper's when the font has none. */
    private static float advance(TextPosition p, PDFont font, Matrix m) throws IOException {
        int[] codes = p.getCharacterCodes();
        if (font != null && !(font instanceof PDType3Font) && codes != null && codes.length > 0) {
            float w = font.getWidth(codes[0]);
            if (w > 0 && w < 5000) {
                return w / 1000f;
            }
        }
        float scale = m.getScalingFactorX();
        return scale > 0 ? Math.abs(p.getWidthDirAdj()) / scale : 0.5f;
    }

    private List<PageLayout.Note> notes(PDPage page) throws IOException {
        List<PageLayout.Note> out = new ArrayList<>();
        PDRectangle crop = page.getCropBox();
        for (PDAnnotation a : page.getAnnotations()) {
            String sub = a.getSubtype();
            String c = a.getContents();
            PDRectangle r = a.getRectangle();
            if ("Link".equals(sub) || "Widget".equals(sub) || c == null || c.isBlank() || r == null) {
                continue;
            }
            float[] box = {Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
            float[][] corners = {{r.getLowerLeftX(), r.getLowerLeftY()}, {r.getUpperRightX(), r.getUpperRightY()}};
            for (float[] k : corners) {
                geometry.toPage(k[0] - crop.getLowerLeftX(), k[1] - crop.getLowerLeftY(), pt);
                box[0] = Math.min(box[0], pt[0]);
                box[1] = Math.min(box[1], pt[1]);
                box[2] = Math.max(box[2], pt[0]);
                box[3] = Math.max(box[3], pt[1]);
            }
            out.add(new PageLayout.Note(c, box[0], box[1], box[2], box[3]));
            if (out.size() >= 1000) {
                break;
            }
        }
        return out;
    }
}
