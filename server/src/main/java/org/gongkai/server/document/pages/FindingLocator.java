package org.gongkai.server.document.pages;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.server.render.pages.PageLayout;

/**
 * Finds the glyphs of a text on one PDF page, the way the text stands there rather than the way it was stored:
 * compared in {@link Fold}ed form (full-width digits, letter spacing and line breaks do not matter), read along
 * the stripper's lines, and followed where it wraps —
 * <ul>
 *   <li>to the next glyph of the same line when it is near (a letter-spaced line is one run);</li>
 *   <li>inside a table cell: to a glyph on one of the next few lines that starts a piece of text under the part
 *       already matched ({@code "37020219" / "88111166" / "18"} in a narrow cell, between other cells' text);</li>
 *   <li>at the end of a line: to the start of the next line (a number wrapped at the right margin).</li>
 * </ul>
 * A search is a bounded backtracking walk, so no page makes it slow. Not thread-safe; one per page and request.
 */
final class FindingLocator {
    private static final int MAX_STEPS = 200_000;
    private static final int MAX_MATCHES = 64;
    private static final int WRAP_LINES = 6;

    private final PageLayout page;
    private final List<PageLayout.Glyph> glyphs;
    private final String chars;
    private final int[] glyphOf;
    private final int[] firstChar;
    private final float[] x0;
    private final float[] y0;
    private final float[] x1;
    private final float[] y1;
    private int steps;

    FindingLocator(PageLayout page) {
        this.page = page;
        this.glyphs = page.glyphs();
        int n = glyphs.size();
        firstChar = new int[n];
        x0 = new float[n];
        y0 = new float[n];
        x1 = new float[n];
        y1 = new float[n];
        StringBuilder b = new StringBuilder();
        List<Integer> owner = new ArrayList<>();
        for (int g = 0; g < n; g++) {
            PageLayout.Glyph gl = glyphs.get(g);
            x0[g] = gl.x0() * page.width();
            x1[g] = gl.x1() * page.width();
            y0[g] = gl.y0() * page.height();
            y1[g] = gl.y1() * page.height();
            String f = gl.placed() ? Fold.of(gl.text()) : "";
            firstChar[g] = f.isEmpty() ? -1 : b.length();
            for (int k = 0; k < f.length(); k++) {
                owner.add(g);
            }
            b.append(f);
        }
        chars = b.toString();
        glyphOf = owner.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Every place the folded {@code needle} stands on the page, in reading order, each as its glyph indexes. */
    List<int[]> matches(String needle) {
        List<int[]> out = new ArrayList<>();
        if (needle.isEmpty()) {
            return out;
        }
        steps = 0;
        boolean[] used = new boolean[glyphs.size()];
        for (int p = chars.indexOf(needle.charAt(0)); p >= 0 && out.size() < MAX_MATCHES && steps < MAX_STEPS;
             p = chars.indexOf(needle.charAt(0), p + 1)) {
            if (used[glyphOf[p]]) {
                continue; // part of an earlier match
            }
            int[] path = new int[needle.length()];
            if (extend(needle, p, 0, glyphOf[p], path)) {
                int[] match = java.util.Arrays.stream(path).distinct().toArray();
                for (int g : match) {
                    used[g] = true;
                }
                out.add(match);
            }
        }
        return out;
    }

    /** Whether the search ran out of its step budget (then a text may have been missed). */
    boolean exhausted() {
        return steps >= MAX_STEPS;
    }

    private boolean extend(String needle, int pos, int i, int run, int[] path) {
        if (++steps > MAX_STEPS || chars.charAt(pos) != needle.charAt(i)) {
            return false;
        }
        int g = glyphOf[pos];
        path[i] = g;
        if (i == needle.length() - 1) {
            return true;
        }
        if (pos + 1 < chars.length() && glyphOf[pos + 1] == g) {
            return extend(needle, pos + 1, i + 1, run, path); // a ligature writes several characters
        }
        int next = nextWriting(g);
        boolean lineEnds = next < 0 || line(next) != line(g);
        if (!lineEnds && x0[next] - x1[g] <= 2.5f * em(g) && extend(needle, firstChar[next], i + 1, run, path)) {
            return true;
        }
        char want = needle.charAt(i + 1);
        // wrapped inside a table cell: a piece of text on one of the next lines, under what is matched so far
        float tol = 0.6f * em(g);
        for (int c = lineEnds ? next : nextLine(g); c >= 0 && line(c) <= line(g) + WRAP_LINES && steps < MAX_STEPS; c = nextWriting(c)) {
            steps++;
            if (chars.charAt(firstChar[c]) == want && startsPiece(c) && x0[c] >= x0[run] - tol && x0[c] <= x1[g] + tol
                    && y0[c] > y0[g] && y0[c] - y1[g] <= 3 * em(g) && extend(needle, firstChar[c], i + 1, c, path)) {
                return true;
            }
        }
        // wrapped at the end of a line: the first glyph of the next line
        return lineEnds && next >= 0 && y0[next] > y0[g] && y0[next] - y1[g] <= 2 * em(g) && extend(needle, firstChar[next], i + 1, next, path);
    }

    private int line(int g) {
        return glyphs.get(g).line();
    }

    private float em(int g) {
        return Math.max(1f, y1[g] - y0[g]);
    }

    /** The next glyph after {@code g} that writes a character, or -1. */
    private int nextWriting(int g) {
        for (int k = g + 1; k < firstChar.length; k++) {
            if (firstChar[k] >= 0) {
                return k;
            }
        }
        return -1;
    }

    /** The first writing glyph on a later line than {@code g}, or -1. */
    private int nextLine(int g) {
        int k = nextWriting(g);
        while (k >= 0 && line(k) == line(g)) {
            k = nextWriting(k);
        }
        return k;
    }

    /** Whether glyph {@code c} begins a piece of its line: the first on the line, or after a clear gap. */
    private boolean startsPiece(int c) {
        for (int k = c - 1; k >= 0; k--) {
            if (firstChar[k] >= 0) {
                return line(k) != line(c) || x0[c] - x1[k] > 0.4f * em(c);
            }
        }
        return true;
    }

    /** The boxes of a match: one per run of its glyphs on one line, as fractions of the page. */
    List<PageBoxes.Rect> rects(int[] match) {
        List<PageBoxes.Rect> out = new ArrayList<>();
        float[] box = null;
        int lineOf = -1;
        for (int g : match) {
            PageLayout.Glyph gl = glyphs.get(g);
            if (box != null && gl.line() != lineOf) {
                out.add(padded(box));
                box = null;
            }
            lineOf = gl.line();
            box = box == null ? new float[] {gl.x0(), gl.y0(), gl.x1(), gl.y1()}
                    : new float[] {Math.min(box[0], gl.x0()), Math.min(box[1], gl.y0()), Math.max(box[2], gl.x1()), Math.max(box[3], gl.y1())};
        }
        if (box != null) {
            out.add(padded(box));
        }
        return out;
    }

    /**
     * A run's box lengthened along its line by a twelfth of the line's height at each end: where a font is not
     * embedded the substitute's glyphs can reach a little past the advance widths the PDF gives, and a highlight
     * should cover the ink. (A line runs across the page, or down it on a turned page.)
     */
    private PageBoxes.Rect padded(float[] box) {
        float w = (box[2] - box[0]) * page.width();
        float h = (box[3] - box[1]) * page.height();
        if (w >= h) {
            float pad = h / 12 / page.width();
            return rect(new float[] {box[0] - pad, box[1], box[2] + pad, box[3]});
        }
        float pad = w / 12 / page.height();
        return rect(new float[] {box[0], box[1] - pad, box[2], box[3] + pad});
    }

    /** The box of a text annotation whose contents hold {@code needle}, or null. */
    PageBoxes.Rect note(String needle) {
        for (PageLayout.Note n : page.notes()) {
            if (!needle.isEmpty() && Fold.of(n.contents()).contains(needle)) {
                return rect(new float[] {n.x0(), n.y0(), n.x1(), n.y1()});
            }
        }
        return null;
    }

    private static PageBoxes.Rect rect(float[] b) {
        double x = clamp(b[0]);
        double y = clamp(b[1]);
        return new PageBoxes.Rect(round(x), round(y), round(clamp(b[2]) - x), round(clamp(b[3]) - y));
    }

    private static double clamp(float v) {
        return Math.max(0, Math.min(1, v));
    }

    private static double round(double v) {
        return Math.round(v * 100_000) / 100_000.0;
    }
}
