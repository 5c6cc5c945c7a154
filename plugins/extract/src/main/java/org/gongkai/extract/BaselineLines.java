package org.gongkai.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.text.TextPosition;

/**
 * Rebuilds the lines of a PDF page from baselines and font sizes before PDFBox orders them. PDFBox puts two glyphs on
 * one line when one's baseline falls inside the other's box, and its boxes come from the font's bounding box: a
 * large red 发文机关标志 (often letter-spaced, on WPS's fixed 28.95 pt line grid) reaches into the 特急 or 发文字号 line
 * and the two are interleaved character by character ("特江急北市…"), and a 份号 line merges with the 密级 line below it
 * ("0机0密01★231年"). Here each glyph's box is its <em>core</em> — from its baseline up 0.7 of its font size (the height
 * of a CJK ideograph's body) — and glyphs whose cores overlap by at least half the smaller core are one line, so a
 * superscript or subscript stays on its line while lines of any two sizes never merge. The page's glyphs are then
 * given back line by line, left to right, each with a height that spans its own line's baselines and stops short of
 * the next line, so that PDFBox (sorting off) breaks exactly there.
 */
final class BaselineLines {
    /** Share of the font size from the baseline up that a CJK glyph's body fills. */
    private static final float CORE = 0.7f;

    private BaselineLines() {
    }

    /** One glyph: its direction, baseline (top-down), core top, x and the glyph itself. */
    private record Glyph(float dir, float base, float top, float x, TextPosition p) {
    }

    /** A line being built: the band of its cores and its smallest core. */
    private static final class Line {
        final List<Glyph> glyphs = new ArrayList<>();
        float top;
        float base;
        float minBase;
        float minCore;
        float dir;

        Line(Glyph g) {
            top = g.top();
            base = g.base();
            minBase = g.base();
            minCore = g.base() - g.top();
            dir = g.dir();
            glyphs.add(g);
        }

        boolean takes(Glyph g) {
            if (g.dir() != dir) {
                return false;
            }
            float overlap = Math.min(base, g.base()) - Math.max(top, g.top());
            return overlap >= 0.5f * Math.min(minCore, g.base() - g.top());
        }

        void add(Glyph g) {
            glyphs.add(g);
            top = Math.min(top, g.top());
            base = Math.max(base, g.base());
            minBase = Math.min(minBase, g.base());
            minCore = Math.min(minCore, g.base() - g.top());
        }
    }

    /** The glyphs in line order, copied with heights that make PDFBox break lines where these lines break. */
    static List<TextPosition> arrange(List<TextPosition> glyphs) {
        List<Glyph> all = new ArrayList<>(glyphs.size());
        for (TextPosition p : glyphs) {
            float size = p.getFontSizeInPt();
            if (!(size > 0) || Float.isInfinite(size)) {
                size = p.getHeightDir() > 0 ? p.getHeightDir() / CORE : 10;
            }
            float base = p.getYDirAdj();
            all.add(new Glyph(p.getDir(), base, base - CORE * Math.max(0.5f, size), p.getXDirAdj(), p));
        }
        all.sort(Comparator.comparingDouble((Glyph g) -> g.dir()).thenComparingDouble(Glyph::base).thenComparingDouble(Glyph::x));
        List<Line> lines = new ArrayList<>();
        for (Glyph g : all) {
            Line last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
            if (last != null && last.takes(g)) {
                last.add(g);
            } else {
                lines.add(new Line(g));
            }
        }
        List<TextPosition> out = new ArrayList<>(glyphs.size());
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            l.glyphs.sort(Comparator.comparingDouble(Glyph::x));
            float spread = l.base - l.minBase;
            float height = spread + 0.5f;
            if (i > 0 && lines.get(i - 1).dir == l.dir) {
                float gap = l.minBase - lines.get(i - 1).base;
                height = Math.max(0.05f, Math.min(height, 0.9f * gap));
            }
            for (Glyph g : l.glyphs) {
                out.add(withHeight(g.p(), height));
            }
        }
        return out;
    }

    private static TextPosition withHeight(TextPosition p, float height) {
        float[] w = p.getIndividualWidths();
        float width = 0;
        for (float x : w) {
            width += x;
        }
        return new TextPosition(p.getRotation(), p.getPageWidth(), p.getPageHeight(), p.getTextMatrix(), p.getEndX(), p.getEndY(), height,
                width, p.getWidthOfSpace(), p.getUnicode(), p.getCharacterCodes(), p.getFont(), p.getFontSize(), Math.round(p.getFontSizeInPt()));
    }
}
