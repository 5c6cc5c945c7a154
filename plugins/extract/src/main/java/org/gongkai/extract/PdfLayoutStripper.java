package org.gongkai.extract;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorProcessor;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

/**
 * A {@link PDFTextStripper} (sorted by position, {@code '\n'} between lines, nothing at the page end: exactly
 * the text the extractor has always produced) that also records, for one page, where each glyph stands and
 * which characters of the text it wrote, line by line, and the thin horizontal and vertical strokes of the
 * page (table borders). {@link PdfTables} rebuilds table cells from that.
 *
 * <p>A glyph is a <em>unit</em>: its box and the range of the page text it produced. When PDFBox rewrote a
 * word (ligatures, right-to-left text) so that its text is not the glyphs' text one after another, the whole
 * word is one unit, never split.
 */
final class PdfLayoutStripper extends PDFTextStripper {
    /** Strokes kept per page at most; a page drawing more (a map, a chart) is read without borders. */
    private static final int MAX_RULES = 20_000;
    /** Segments of one path kept at most. */
    private static final int MAX_PATH = 50_000;

    private StringWriter out;
    private final List<Word> words = new ArrayList<>();
    private int[] lineEnds = new int[64]; // in words while reading, in units once the page is placed
    private int lines;
    private int splitLines;
    private boolean unmapped;
    private PDRectangle crop;
    // strokes in device space (cropbox-translated): horizontal (y, x0, x1) and vertical (x, y0, y1)
    private float[] rules = new float[3 * 256];
    private boolean[] ruleVertical = new boolean[256];
    private int ruleCount;
    private boolean tooManyRules;
    // the path under construction, device space
    private float[] seg = new float[4 * 64];
    private int segCount;
    private float[] sub = new float[4 * 16]; // bounding box per subpath
    private int subCount;
    private float curX;
    private float curY;
    private float startX;
    private float startY;
    private boolean pathOverflow;
    private float dx;
    private float dy;
    private float cropX;
    private float cropY;

    PdfLayoutStripper() {
        setSortByPosition(true);
        setLineSeparator("\n");
        setPageEnd("");
        for (String op : new String[] {"m", "l", "c", "v", "y", "h", "re", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"}) {
            addOperator(new PathOperator(this, op));
        }
    }

    /** Reads page {@code number} (1-based): its text exactly as a plain stripper gives it, and its layout. */
    Page read(PDDocument doc, int number) throws IOException {
        setStartPage(number);
        setEndPage(number);
        out = new StringWriter();
        words.clear();
        lines = 0;
        splitLines = 0;
        unmapped = false;
        ruleCount = 0;
        tooManyRules = false;
        clearPath();
        crop = null;
        cropX = 0;
        cropY = 0;
        writeText(doc, out);
        closeLine();
        float w = crop == null ? 0 : crop.getWidth();
        float h = crop == null ? 0 : crop.getHeight();
        // only a page where two lines have a gap (a word separator or a space) can hold a table: place its glyphs
        Units units = new Units();
        if (splitLines >= 2) {
            try {
                place(units);
            } catch (RuntimeException e) {
                unmapped = true; // a glyph we cannot place: the page is read as plain lines
            }
        }
        words.clear();
        boolean placed = units.count > 0 && !unmapped;
        int kept = tooManyRules ? 0 : ruleCount;
        return new Page(out.toString(), units, Arrays.copyOf(lineEnds, placed ? lines : 0), placed ? units.direction() : Float.NaN,
                Arrays.copyOf(rules, 3 * kept), Arrays.copyOf(ruleVertical, kept), w, h);
    }

    /**
     * Lines are rebuilt from baselines and font sizes first ({@link BaselineLines}); PDFBox then writes them in that
     * order, without sorting again.
     */
    @Override
    protected void writePage() throws IOException {
        for (List<TextPosition> article : getCharactersByArticle()) {
            List<TextPosition> arranged = BaselineLines.arrange(article);
            article.clear();
            article.addAll(arranged);
        }
        setSortByPosition(false);
        try {
            super.writePage();
        } finally {
            setSortByPosition(true);
        }
    }

    @Override
    protected void startPage(PDPage page) throws IOException {
        crop = page.getCropBox();
        cropX = crop.getLowerLeftX();
        cropY = crop.getLowerLeftY();
        super.startPage(page);
    }

    /** A word as PDFBox wrote it: where its text starts in the page text, the text, and its glyphs. */
    private record Word(int start, String text, List<TextPosition> positions) {
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) throws IOException {
        int start = out.getBuffer().length();
        super.writeString(text, positions);
        words.add(new Word(start, text, positions));
    }

    /** The units of all words, and the line ends in units. */
    private void place(Units units) {
        int w = 0;
        for (int l = 0; l < lines; l++) {
            for (; w < lineEnds[l]; w++) {
                Word word = words.get(w);
                record(units, word.text(), word.positions(), word.start());
            }
            lineEnds[l] = units.count;
        }
    }

    private void record(Units units, String text, List<TextPosition> positions, int start) {
        if (positions == null || positions.isEmpty()) {
            if (!text.isBlank()) {
                unmapped = true; // text without glyphs: the page is read as plain lines
            }
            return;
        }
        boolean perGlyph = true;
        int off = 0;
        for (TextPosition p : positions) {
            String u = p.getUnicode();
            if (u == null || u.isEmpty() || !text.startsWith(u, off)) {
                perGlyph = false;
                break;
            }
            off += u.length();
        }
        perGlyph &= off == text.length();
        if (perGlyph) {
            int o = start;
            for (TextPosition p : positions) {
                String u = p.getUnicode();
                int n = u.length();
                float x = p.getXDirAdj();
                units.add(x, x + p.getWidthDirAdj(), p.getYDirAdj(), size(p), o, o + n, u.isBlank(), p.getDir());
                o += n;
            }
        } else {
            float x0 = Float.MAX_VALUE;
            float x1 = -Float.MAX_VALUE;
            float base = 0;
            float size = 0;
            float dir = positions.get(0).getDir();
            for (TextPosition p : positions) {
                float x = p.getXDirAdj();
                x0 = Math.min(x0, x);
                x1 = Math.max(x1, x + p.getWidthDirAdj());
                base = Math.max(base, p.getYDirAdj());
                size = Math.max(size, size(p));
                dir = p.getDir() == dir ? dir : -1;
            }
            units.add(x0, x1, base, size, start, start + text.length(), text.isBlank(), dir);
        }
    }

    private static float size(TextPosition p) {
        float s = p.getFontSizeInPt();
        if (!(s > 0) || Float.isInfinite(s)) {
            s = p.getHeightDir();
        }
        return s > 0 && !Float.isInfinite(s) ? s : 10;
    }

    @Override
    protected void writeLineSeparator() throws IOException {
        closeLine();
        super.writeLineSeparator();
    }

    private void closeLine() {
        int last = lines == 0 ? 0 : lineEnds[lines - 1];
        if (words.size() > last) {
            if (lines == lineEnds.length) {
                lineEnds = Arrays.copyOf(lineEnds, lines * 2);
            }
            lineEnds[lines++] = words.size();
            boolean split = words.size() - last >= 2;
            for (int w = last; w < words.size() && !split; w++) {
                String t = words.get(w).text().strip();
                for (int i = 0; i < t.length() && !split; i++) {
                    split = Character.isWhitespace(t.charAt(i)) || Character.isSpaceChar(t.charAt(i));
                }
            }
            splitLines += split ? 1 : 0;
        }
    }

    // ---- paths: only thin axis-parallel strokes and filled bars are kept, as possible table borders ----

    private void clearPath() {
        segCount = 0;
        subCount = 0;
        pathOverflow = false;
    }

    /** Sets {@code dx, dy} to the device-space point (cropbox-translated) of user-space {@code (x, y)}. */
    private void device(float x, float y) {
        Matrix m = getGraphicsState().getCurrentTransformationMatrix();
        dx = m.getScaleX() * x + m.getShearX() * y + m.getTranslateX() - cropX;
        dy = m.getShearY() * x + m.getScaleY() * y + m.getTranslateY() - cropY;
    }

    private void moveTo(float x, float y) {
        curX = x;
        curY = y;
        startX = x;
        startY = y;
        if (subCount * 4 == sub.length) {
            sub = Arrays.copyOf(sub, sub.length * 2);
        }
        sub[4 * subCount] = x;
        sub[4 * subCount + 1] = y;
        sub[4 * subCount + 2] = x;
        sub[4 * subCount + 3] = y;
        subCount++;
    }

    private void extend(float x, float y) {
        if (subCount == 0) {
            moveTo(x, y);
            return;
        }
        int b = 4 * (subCount - 1);
        sub[b] = Math.min(sub[b], x);
        sub[b + 1] = Math.min(sub[b + 1], y);
        sub[b + 2] = Math.max(sub[b + 2], x);
        sub[b + 3] = Math.max(sub[b + 3], y);
    }

    private void lineTo(float x, float y) {
        extend(x, y);
        if (segCount >= MAX_PATH) {
            pathOverflow = true;
        } else {
            if (segCount * 4 == seg.length) {
                seg = Arrays.copyOf(seg, seg.length * 2);
            }
            seg[4 * segCount] = curX;
            seg[4 * segCount + 1] = curY;
            seg[4 * segCount + 2] = x;
            seg[4 * segCount + 3] = y;
            segCount++;
        }
        curX = x;
        curY = y;
    }

    private void path(String op, List<COSBase> operands) {
        try {
            pathOperator(op, operands);
        } catch (RuntimeException e) {
            tooManyRules = true; // a path we cannot follow: the page's borders are not used
            clearPath();
        }
    }

    private void pathOperator(String op, List<COSBase> operands) {
        float[] n = numbers(operands);
        switch (op) {
            case "m" -> {
                if (n.length >= 2) {
                    device(n[0], n[1]);
                    moveTo(dx, dy);
                }
            }
            case "l" -> {
                if (n.length >= 2) {
                    device(n[0], n[1]);
                    lineTo(dx, dy);
                }
            }
            case "c", "v", "y" -> {
                // curves are never borders: keep the bounding box and the current point only
                for (int i = 0; i + 1 < n.length; i += 2) {
                    device(n[i], n[i + 1]);
                    extend(dx, dy);
                    curX = dx;
                    curY = dy;
                }
            }
            case "h" -> {
                if (subCount > 0 && (curX != startX || curY != startY)) {
                    lineTo(startX, startY);
                }
            }
            case "re" -> {
                if (n.length >= 4) {
                    device(n[0], n[1]);
                    float ax = dx;
                    float ay = dy;
                    moveTo(ax, ay);
                    device(n[0] + n[2], n[1]);
                    lineTo(dx, dy);
                    device(n[0] + n[2], n[1] + n[3]);
                    lineTo(dx, dy);
                    device(n[0], n[1] + n[3]);
                    lineTo(dx, dy);
                    lineTo(ax, ay);
                    curX = ax; // the current point is the rectangle's corner; a new subpath begins there
                    curY = ay;
                    startX = ax;
                    startY = ay;
                }
            }
            case "S", "s" -> {
                strokes();
                clearPath();
            }
            case "f", "F", "f*" -> {
                bars();
                clearPath();
            }
            case "B", "B*", "b", "b*" -> {
                strokes();
                bars();
                clearPath();
            }
            default -> clearPath(); // "n": a clipping path, not painted
        }
    }

    private static float[] numbers(List<COSBase> operands) {
        float[] n = new float[operands.size()];
        for (int i = 0; i < n.length; i++) {
            if (!(operands.get(i) instanceof COSNumber c)) {
                return new float[0];
            }
            n[i] = c.floatValue();
        }
        return n;
    }

    /** Stroked axis-parallel segments. */
    private void strokes() {
        if (pathOverflow) {
            tooManyRules = true;
            return;
        }
        for (int i = 0; i < segCount; i++) {
            float x0 = seg[4 * i];
            float y0 = seg[4 * i + 1];
            float x1 = seg[4 * i + 2];
            float y1 = seg[4 * i + 3];
            if (Math.abs(y1 - y0) <= 0.5f && Math.abs(x1 - x0) >= 2) {
                rule(false, (y0 + y1) / 2, Math.min(x0, x1), Math.max(x0, x1));
            } else if (Math.abs(x1 - x0) <= 0.5f && Math.abs(y1 - y0) >= 2) {
                rule(true, (x0 + x1) / 2, Math.min(y0, y1), Math.max(y0, y1));
            }
        }
    }

    /** Filled subpaths that are thin bars (borders drawn as filled rectangles). */
    private void bars() {
        if (pathOverflow) {
            tooManyRules = true;
            return;
        }
        for (int i = 0; i < subCount; i++) {
            float w = sub[4 * i + 2] - sub[4 * i];
            float h = sub[4 * i + 3] - sub[4 * i + 1];
            if (h <= 2.5f && w >= 2 && w >= 2 * h) {
                rule(false, (sub[4 * i + 1] + sub[4 * i + 3]) / 2, sub[4 * i], sub[4 * i + 2]);
            } else if (w <= 2.5f && h >= 2 && h >= 2 * w) {
                rule(true, (sub[4 * i] + sub[4 * i + 2]) / 2, sub[4 * i + 1], sub[4 * i + 3]);
            }
        }
    }

    private void rule(boolean vertical, float at, float from, float to) {
        if (tooManyRules) {
            return;
        }
        if (ruleCount >= MAX_RULES) {
            tooManyRules = true;
            return;
        }
        if (ruleCount == ruleVertical.length) {
            ruleVertical = Arrays.copyOf(ruleVertical, ruleCount * 2);
            rules = Arrays.copyOf(rules, 3 * ruleCount * 2);
        }
        rules[3 * ruleCount] = at;
        rules[3 * ruleCount + 1] = from;
        rules[3 * ruleCount + 2] = to;
        ruleVertical[ruleCount++] = vertical;
    }

    private static final class PathOperator extends OperatorProcessor {
        private final PdfLayoutStripper engine;
        private final String name;

        PathOperator(PdfLayoutStripper engine, String name) {
            super(engine);
            this.engine = engine;
            this.name = name;
        }

        @Override
        public void process(Operator operator, List<COSBase> operands) {
            engine.path(name, operands);
        }

        @Override
        public String getName() {
            return name;
        }
    }

    /** Glyph boxes (direction-adjusted, y down to the baseline) and the page-text range each one produced. */
    static final class Units {
        float[] x0 = new float[256];
        float[] x1 = new float[256];
        float[] base = new float[256];
        float[] size = new float[256];
        int[] start = new int[256];
        int[] end = new int[256];
        boolean[] space = new boolean[256];
        float[] dir = new float[256];
        int count;

        void add(float ax0, float ax1, float abase, float asize, int astart, int aend, boolean aspace, float adir) {
            if (count == x0.length) {
                int n = count * 2;
                x0 = Arrays.copyOf(x0, n);
                x1 = Arrays.copyOf(x1, n);
                base = Arrays.copyOf(base, n);
                size = Arrays.copyOf(size, n);
                start = Arrays.copyOf(start, n);
                end = Arrays.copyOf(end, n);
                space = Arrays.copyOf(space, n);
                dir = Arrays.copyOf(dir, n);
            }
            x0[count] = ax0;
            x1[count] = Math.max(ax0, ax1);
            base[count] = abase;
            size[count] = asize;
            start[count] = astart;
            end[count] = aend;
            space[count] = aspace;
            dir[count] = adir;
            count++;
        }

        /** The text direction of most glyphs (0, 90, 180 or 270), NaN when there are none or most have another. */
        float direction() {
            int[] n = new int[5];
            for (int i = 0; i < count; i++) {
                float d = dir[i];
                n[d == 0 ? 0 : d == 90 ? 1 : d == 180 ? 2 : d == 270 ? 3 : 4]++;
            }
            int best = 0;
            for (int k = 1; k < 5; k++) {
                best = n[k] > n[best] ? k : best;
            }
            return best == 4 || n[best] == 0 ? Float.NaN : 90 * best;
        }
    }

    /**
     * One page as read: {@code text} is exactly what a plain stripper writes. Where two of its lines have a gap
     * (the page may hold a table), {@code units} holds its glyphs and line {@code i} units
     * {@code [lineEnds[i-1], lineEnds[i])}, and {@code dir} is the text direction of most glyphs; otherwise there
     * are no units and {@code dir} is NaN, as when some text could not be placed. {@code rules} holds (at, from,
     * to) triples of strokes in device space, {@code vertical} tells which run up and down.
     */
    record Page(String text, Units units, int[] lineEnds, float dir, float[] rules, boolean[] vertical, float width, float height) {
    }
}
