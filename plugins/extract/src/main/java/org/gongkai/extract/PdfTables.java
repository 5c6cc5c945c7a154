package org.gongkai.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rebuilds the cells of tables on a PDF page from the glyph positions {@link PdfLayoutStripper} recorded.
 *
 * <p>A line-by-line PDF text interleaves the cells of a table whose narrow cells wrap: {@code "1 向思远 男
 * 42050219 本科 区疾病预防控\n96031205 制中心\n11"}, so an ID number wrapped inside its cell is never one
 * number. Worse, where the cells of a row use fonts of different line heights (digits in a Latin font), their
 * lines drift apart and PDFBox mixes glyphs of different lines.
 *
 * <p>So on a page where at least two of PDFBox's lines fall apart in pieces, the glyphs are grouped into lines
 * anew by their baselines, and each line is cut into <em>segments</em> at horizontal gaps clearly wider than
 * the line's normal spacing (the median gap between its glyphs, so that letter-spaced lines stay whole, and at
 * least half the font size; a gap typed as spaces is text, never a cut). A <em>table region</em> is a run of
 * lines with two or more segments, with the single-segment continuation lines of wrapped cells between and
 * after them; its <em>columns</em> are the x-ranges its segments cover. Rows are told apart by the borders
 * drawn between lines when the table is a grid; otherwise by a border, a line filling every column, or a
 * column whose text stops for longer than a line. A cell is the segments of one row in one column, in order,
 * joined with {@code '\n'}: a number wrapped in its cell is one run of lines in one block.
 *
 * <p>Everything else stays the plain text, line for line (a line loses only glyphs of a table that PDFBox had
 * put into it). Every character of the page ends up in exactly one piece: a region that does not make a
 * consistent grid stays plain text, and when the pieces would not hold exactly the page's characters the page
 * is left as plain text.
 */
final class PdfTables {
    private PdfTables() {
    }

    /** A piece of a page in reading order: plain text, or a table. */
    sealed interface Piece permits Body, Table {
    }

    /** Plain page text (not stripped). */
    record Body(String text) implements Piece {
    }

    /**
     * A table: {@code rows.get(r)[c]} is the text of the cell in row r, column c ({@code null} when empty);
     * {@code columns} holds each column's x-range (from, to) for matching a table continued on the next page.
     */
    record Table(List<String[]> rows, float[][] columns) implements Piece {
    }

    /** A line of glyphs on one baseline: {@code base} its median baseline, {@code bottom}/{@code top} the lowest/highest. */
    private static final class Line {
        final float base;
        final float bottom;
        final float top;
        final float size;
        final Seg[] segs;
        final int[] units;

        Line(float base, float bottom, float top, float size, Seg[] segs, int[] units) {
            this.base = base;
            this.bottom = bottom;
            this.top = top;
            this.size = size;
            this.segs = segs;
            this.units = units;
        }

        boolean multi() {
            return segs.length >= 2;
        }
    }

    /** A piece of a line: the x-range and lowest baseline of its glyphs, and its units (spaces included) left to right. */
    private record Seg(float x0, float x1, float base, int[] units) {
    }

    /** A table found: its units (to take out of the plain text), rows and columns. */
    private record Region(int[] units, Table table) {
    }

    /** The pieces of a page; a single {@link Body} with the whole text when it holds no table. */
    static List<Piece> pieces(PdfLayoutStripper.Page page) {
        String text = page.text();
        List<Piece> plain = List.of(new Body(text));
        if (Float.isNaN(page.dir()) || page.lineEnds().length < 2 || !candidate(page)) {
            return plain;
        }
        Line[] lines = lines(page);
        Rules rules = Rules.of(page);
        List<Region> regions = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            if (!lines[i].multi()) {
                i++;
                continue;
            }
            int end = grow(lines, i);
            build(text, page.units(), lines, rules, i, end, regions);
            i = end;
        }
        if (regions.isEmpty()) {
            return plain;
        }
        List<Piece> out = assemble(text, page.units(), regions);
        return out == null ? plain : out;
    }

    /** Whether two of PDFBox's lines fall apart in segments: only then can the page hold a table. */
    private static boolean candidate(PdfLayoutStripper.Page page) {
        PdfLayoutStripper.Units u = page.units();
        int multi = 0;
        int first = 0;
        for (int end : page.lineEnds()) {
            if (end - first >= 2) {
                float minSize = Float.MAX_VALUE;
                for (int k = first; k < end; k++) {
                    minSize = u.space[k] ? minSize : Math.min(minSize, u.size[k]);
                }
                boolean wide = false;
                for (int k = first + 1; k < end && !wide; k++) {
                    wide = u.x0[k] - u.x1[k - 1] > 0.5f * minSize;
                }
                if (wide) {
                    int[] idx = new int[end - first];
                    for (int k = 0; k < idx.length; k++) {
                        idx[k] = first + k;
                    }
                    if (segments(u, idx, median(u.size, idx)).length >= 2 && ++multi >= 2) {
                        return true;
                    }
                }
            }
            first = end;
        }
        return false;
    }

    // ---- lines and segments ----

    /** The page's glyphs in the main direction, grouped into lines by baseline, top to bottom. */
    private static Line[] lines(PdfLayoutStripper.Page page) {
        PdfLayoutStripper.Units u = page.units();
        long[] keys = new long[u.count];
        int n = 0;
        for (int k = 0; k < u.count; k++) {
            if (u.dir[k] == page.dir()) {
                keys[n++] = key(u.base[k], k); // turned text (a rotated label, a stamp) stays plain text
            }
        }
        int[] sorted = sort(keys, n);
        List<Line> out = new ArrayList<>();
        int from = 0;
        for (int k = 1; k <= n; k++) {
            if (k == n || u.base[sorted[k]] - u.base[sorted[from]] > 0.3f * Math.min(u.size[sorted[from]], u.size[sorted[k]])) {
                Line l = line(u, sorted, from, k);
                if (l != null) {
                    out.add(l);
                }
                from = k;
            }
        }
        return out.toArray(new Line[0]);
    }

    /** A line of {@code sorted[from, to)}, or null when it holds only spaces. */
    private static Line line(PdfLayoutStripper.Units u, int[] sorted, int from, int to) {
        long[] keys = new long[to - from];
        for (int k = from; k < to; k++) {
            keys[k - from] = key(u.x0[sorted[k]], sorted[k]);
        }
        int[] idx = sort(keys, keys.length);
        int ink = 0;
        float bottom = -Float.MAX_VALUE;
        float top = Float.MAX_VALUE;
        for (int k : idx) {
            if (!u.space[k]) {
                ink++;
                bottom = Math.max(bottom, u.base[k]);
                top = Math.min(top, u.base[k]);
            }
        }
        if (ink == 0) {
            return null;
        }
        float size = median(u.size, idx);
        return new Line(median(u.base, idx), bottom, top, size, segments(u, idx, size), idx);
    }

    /** A sort key: {@code value} in the high half (ordered as floats are), {@code index} in the low half. */
    private static long key(float value, int index) {
        int bits = Float.floatToIntBits(value);
        bits ^= (bits >> 31) & 0x7fffffff; // negative floats order backwards as ints
        return ((long) bits << 32) | index;
    }

    /** The indices of the first {@code n} keys in the order of their values. */
    private static int[] sort(long[] keys, int n) {
        Arrays.sort(keys, 0, n);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = (int) keys[i];
        }
        return out;
    }

    /** The median of {@code v} over the units {@code idx}. */
    private static float median(float[] v, int[] idx) {
        float[] s = new float[idx.length];
        int n = 0;
        for (int k : idx) {
            s[n++] = v[k];
        }
        Arrays.sort(s, 0, n);
        return s[(n - 1) / 2];
    }

    /**
     * Cuts a line where the gap between two glyphs is wider than both half the font size and 2.5 times the
     * line's median gap plus a quarter of the font size (so uniformly spaced letters stay together). Space
     * glyphs count as glyphs: a gap typed as spaces is text, not a cell boundary. Glyphs out of order (PDFBox's
     * lines) are never cut.
     */
    private static Seg[] segments(PdfLayoutStripper.Units u, int[] idx, float size) {
        int n = idx.length;
        if (n < 2) {
            return whole(u, idx);
        }
        float minSize = Float.MAX_VALUE;
        for (int k : idx) {
            minSize = u.space[k] ? minSize : Math.min(minSize, u.size[k]);
        }
        boolean wide = false;
        for (int k = 1; k < n; k++) {
            if (u.x0[idx[k]] < u.x0[idx[k - 1]] - 0.25f * size) {
                return whole(u, idx);
            }
            wide |= u.x0[idx[k]] - u.x1[idx[k - 1]] > 0.5f * minSize;
        }
        if (!wide) {
            return whole(u, idx);
        }
        float median = 0;
        if (n - 1 >= 3) {
            float[] g = new float[n - 1];
            for (int k = 1; k < n; k++) {
                g[k - 1] = Math.max(0, u.x0[idx[k]] - u.x1[idx[k - 1]]);
            }
            Arrays.sort(g);
            median = g[(n - 2) / 2];
        }
        float cut = Math.max(0.5f * size, 2.5f * median + 0.25f * size);
        List<Seg> segs = new ArrayList<>();
        int from = 0;
        for (int k = 1; k <= n; k++) {
            if (k == n || u.x0[idx[k]] - u.x1[idx[k - 1]] > cut) {
                Seg s = seg(u, Arrays.copyOfRange(idx, from, k));
                if (s != null) {
                    segs.add(s);
                }
                from = k;
            }
        }
        return segs.isEmpty() ? whole(u, idx) : segs.toArray(new Seg[0]);
    }

    private static Seg[] whole(PdfLayoutStripper.Units u, int[] idx) {
        Seg s = seg(u, idx);
        return s == null ? new Seg[0] : new Seg[] {s};
    }

    /** A segment of the given units, its box that of its non-space glyphs; null when all are spaces. */
    private static Seg seg(PdfLayoutStripper.Units u, int[] idx) {
        float x0 = Float.MAX_VALUE;
        float x1 = -Float.MAX_VALUE;
        float base = -Float.MAX_VALUE;
        for (int k : idx) {
            if (!u.space[k]) {
                x0 = Math.min(x0, u.x0[k]);
                x1 = Math.max(x1, u.x1[k]);
                base = Math.max(base, u.base[k]);
            }
        }
        return x0 == Float.MAX_VALUE ? null : new Seg(x0, x1, base, idx);
    }

    /** The text of a segment: its glyphs' text left to right, a space where a word gap lies between them. */
    private static String text(String page, PdfLayoutStripper.Units u, Seg s, float size) {
        StringBuilder sb = new StringBuilder();
        int prev = -1;
        for (int k : s.units()) {
            if (prev >= 0 && !u.space[prev] && !u.space[k] && u.x0[k] - u.x1[prev] > 0.3f * size) {
                sb.append(' ');
            }
            sb.append(page, u.start[k], u.end[k]);
            prev = k;
        }
        return sb.toString().strip();
    }

    // ---- regions ----

    /** The end (exclusive) of the run of table-like lines starting at multi-segment line {@code i}. */
    private static int grow(Line[] lines, int i) {
        float minStep = Float.MAX_VALUE;
        int k = i + 1;
        for (; k < lines.length; k++) {
            float step = lines[k].base - lines[k - 1].base;
            float fs = Math.max(lines[k].size, lines[k - 1].size);
            if (lines[k].multi()) {
                if (step > 4 * fs) {
                    break;
                }
            } else if (step > Math.max(minStep < Float.MAX_VALUE ? 1.25f * minStep + 0.5f : 0, 2.2f * fs)) {
                break; // a single line after a gap: body text, not a wrapped cell
            }
            if (step >= 0.6f * fs) {
                minStep = Math.min(minStep, step); // the line pitch (lines of cells in other fonts can sit closer)
            }
        }
        return k;
    }

    /** Builds the tables in lines {@code [a, b)} that make a consistent grid, cutting at lines that do not fit. */
    private static void build(String text, PdfLayoutStripper.Units u, Line[] lines, Rules rules, int a, int b, List<Region> regions) {
        while (true) {
            while (a < b && !lines[a].multi()) {
                a++; // single lines before the first row stay body text
            }
            int lastMulti = b - 1;
            while (lastMulti >= a && !lines[lastMulti].multi()) {
                lastMulti--;
            }
            if (lastMulti <= a) {
                return;
            }
            // after the last multi-segment line only the continuation of a wrapped cell belongs to the table
            int end = lastMulti + 1;
            while (end < b && continues(lines, a, end, rules)) {
                end++;
            }
            b = end;
            float[][] slots = slots(lines, a, b);
            if (slots.length < 2) {
                return;
            }
            int breaker = -1;
            for (int j = a; j < b && breaker < 0; j++) {
                if (!lines[j].multi() && slotsOverlapping(slots, lines[j].segs[0]) != 1) {
                    breaker = j; // a line across columns ends the table
                }
            }
            if (breaker >= 0) {
                build(text, u, lines, rules, a, breaker, regions);
                a = breaker + 1;
                continue;
            }
            table(text, u, lines, rules, a, b, slots, regions);
            return;
        }
    }

    private static void table(String text, PdfLayoutStripper.Units u, Line[] lines, Rules rules, int a, int b, float[][] slots,
            List<Region> regions) {
        int[][] slotOf = new int[b - a][];
        int count = 0;
        for (int j = a; j < b; j++) {
            Seg[] segs = lines[j].segs;
            int[] s = new int[segs.length];
            for (int k = 0; k < segs.length; k++) {
                s[k] = slotIndex(slots, segs[k]);
                if (s[k] < 0 || (k > 0 && s[k] <= s[k - 1])) {
                    return; // two pieces of one line in one column: not a grid
                }
            }
            slotOf[j - a] = s;
            count += lines[j].units.length;
        }
        int[] units = new int[count];
        int n = 0;
        for (int j = a; j < b; j++) {
            for (int k : lines[j].units) {
                units[n++] = k;
            }
        }
        regions.add(new Region(units, new Table(rows(text, u, lines, rules, a, b, slots, slotOf), slots)));
    }

    /**
     * Whether single line {@code j} continues a cell above it: the nearest line above with text in its x-range
     * has exactly one segment there, and no border runs between them.
     */
    private static boolean continues(Line[] lines, int a, int j, Rules rules) {
        Seg s = lines[j].segs[0];
        for (int i = j - 1; i >= a; i--) {
            int n = 0;
            for (Seg t : lines[i].segs) {
                n += overlap(s.x0(), s.x1(), t.x0(), t.x1()) ? 1 : 0;
            }
            if (n > 0) {
                return n == 1 && !rules.between(lines[i], lines[j]);
            }
        }
        return false;
    }

    private static boolean overlap(float a0, float a1, float b0, float b1) {
        return a0 < b1 && b0 < a1;
    }

    /** The columns: x-ranges of the multi-segment lines' segments, overlapping ranges merged. */
    private static float[][] slots(Line[] lines, int a, int b) {
        List<float[]> ranges = new ArrayList<>();
        for (int j = a; j < b; j++) {
            if (lines[j].multi()) {
                for (Seg s : lines[j].segs) {
                    ranges.add(new float[] {s.x0(), s.x1()});
                }
            }
        }
        ranges.sort((p, q) -> Float.compare(p[0], q[0]));
        List<float[]> merged = new ArrayList<>();
        for (float[] r : ranges) {
            float[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r[0] < last[1]) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                merged.add(new float[] {r[0], r[1]});
            }
        }
        return merged.toArray(new float[0][]);
    }

    private static int slotsOverlapping(float[][] slots, Seg s) {
        int n = 0;
        for (float[] slot : slots) {
            n += overlap(s.x0(), s.x1(), slot[0], slot[1]) ? 1 : 0;
        }
        return n;
    }

    /** The column a segment lies in, or -1 when it touches none or several. */
    private static int slotIndex(float[][] slots, Seg s) {
        int found = -1;
        for (int c = 0; c < slots.length; c++) {
            if (overlap(s.x0(), s.x1(), slots[c][0], slots[c][1]) || (s.x0() >= slots[c][0] && s.x1() <= slots[c][1])) {
                if (found >= 0) {
                    return -1;
                }
                found = c;
            }
        }
        return found;
    }

    /**
     * Splits the region's lines into rows and joins each row's segments per column. In a grid (borders between
     * rows and between every two columns) borders alone mark rows, so cells may be centred vertically and all
     * cells of a row may wrap. Otherwise (cells top-aligned) a row also begins at a line filling every column,
     * and where a column's text comes back after a pause longer than a line (the column's cell had ended).
     */
    private static List<String[]> rows(String text, PdfLayoutStripper.Units u, Line[] lines, Rules rules, int a, int b, float[][] slots,
            int[][] slotOf) {
        int n = b - a;
        int k = slots.length;
        boolean[] rule = new boolean[n];
        boolean anyRule = false;
        for (int j = 1; j < n; j++) {
            rule[j] = rules.between(lines[a + j - 1], lines[a + j]);
            anyRule |= rule[j];
        }
        boolean ruled = anyRule && rules.columnsRuled(slots, lines[a].top - lines[a].size, lines[b - 1].bottom);
        float pitch = pitch(lines, a, b, k, slotOf);
        List<String[]> rows = new ArrayList<>();
        List<List<String>> cells = newRow(k);
        float[] last = new float[k]; // per column: baseline of its last text in the current row, NaN when none
        Arrays.fill(last, Float.NaN);
        for (int j = 0; j < n; j++) {
            Line line = lines[a + j];
            boolean boundary = false;
            if (j > 0) {
                if (ruled) {
                    boundary = rule[j];
                } else {
                    boundary = rule[j] || line.segs.length == k;
                    for (int s = 0; s < line.segs.length; s++) {
                        // the column's cell had ended: a new row
                        boundary |= line.segs[s].base() - last[slotOf[j][s]] > 1.6f * pitch;
                    }
                }
            }
            if (boundary) {
                rows.add(row(cells));
                cells = newRow(k);
                Arrays.fill(last, Float.NaN);
            }
            for (int s = 0; s < line.segs.length; s++) {
                String t = text(text, u, line.segs[s], line.size);
                if (!t.isEmpty()) {
                    cells.get(slotOf[j][s]).add(t);
                }
                last[slotOf[j][s]] = line.segs[s].base();
            }
        }
        rows.add(row(cells));
        return rows;
    }

    /** The line pitch: the least distance between two lines of text in one column (at least 0.9 of the font size). */
    private static float pitch(Line[] lines, int a, int b, int k, int[][] slotOf) {
        float[] last = new float[k];
        Arrays.fill(last, Float.NaN);
        float pitch = Float.MAX_VALUE;
        float size = 0;
        for (int j = a; j < b; j++) {
            size = Math.max(size, lines[j].size);
            for (int s = 0; s < lines[j].segs.length; s++) {
                int c = slotOf[j - a][s];
                float d = lines[j].segs[s].base() - last[c];
                if (d >= 0.9f * lines[j].size) {
                    pitch = Math.min(pitch, d);
                }
                last[c] = lines[j].segs[s].base();
            }
        }
        return pitch < Float.MAX_VALUE ? pitch : 1.2f * size;
    }

    private static List<List<String>> newRow(int k) {
        List<List<String>> cells = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            cells.add(new ArrayList<>(2));
        }
        return cells;
    }

    private static String[] row(List<List<String>> cells) {
        String[] row = new String[cells.size()];
        for (int c = 0; c < row.length; c++) {
            row[c] = cells.get(c).isEmpty() ? null : String.join("\n", cells.get(c));
        }
        return row;
    }

    // ---- the page's pieces ----

    /**
     * The plain text with the tables' glyphs taken out, cut into body pieces at the tables: each table stands
     * before the first of PDFBox's lines that is mostly its text. A line that loses glyphs to a table and is left
     * blank is dropped. Null when the pieces would not hold exactly the characters of the page.
     */
    private static List<Piece> assemble(String text, PdfLayoutStripper.Units u, List<Region> regions) {
        int[] owner = new int[text.length()]; // 0: plain text, t + 1: table t
        for (int t = 0; t < regions.size(); t++) {
            for (int k : regions.get(t).units()) {
                for (int i = u.start[k]; i < u.end[k]; i++) {
                    if (owner[i] != 0) {
                        return null; // a character claimed twice
                    }
                    owner[i] = t + 1;
                }
            }
        }
        List<int[]> lines = new ArrayList<>(); // [start, end) of PDFBox's lines in the text
        int from = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                lines.add(new int[] {from, i});
                from = i + 1;
            }
        }
        int[] at = new int[regions.size()]; // the line each table stands before
        for (int t = 0; t < regions.size(); t++) {
            int first = -1;
            at[t] = -1;
            for (int l = 0; l < lines.size() && at[t] < 0; l++) {
                int mine = 0;
                int other = 0;
                for (int i = lines.get(l)[0]; i < lines.get(l)[1]; i++) {
                    if (!blank(text.charAt(i))) {
                        mine += owner[i] == t + 1 ? 1 : 0;
                        other += owner[i] == 0 ? 1 : 0;
                    }
                }
                first = first < 0 && mine > 0 ? l : first;
                at[t] = mine > 0 && mine >= other ? l : -1;
            }
            at[t] = at[t] < 0 ? first : at[t];
            if (at[t] < 0) {
                return null;
            }
        }
        Integer[] order = new Integer[regions.size()];
        for (int t = 0; t < order.length; t++) {
            order[t] = t;
        }
        Arrays.sort(order, (p, q) -> at[p] != at[q] ? Integer.compare(at[p], at[q]) : Integer.compare(p, q));
        List<Piece> out = new ArrayList<>();
        int ink = 0;
        int line = 0;
        for (int o = 0; o <= order.length; o++) {
            int upTo = o < order.length ? at[order[o]] : lines.size();
            StringBuilder body = new StringBuilder();
            for (; line < upTo; line++) {
                int[] l = lines.get(line);
                StringBuilder kept = new StringBuilder();
                boolean lost = false;
                for (int i = l[0]; i < l[1]; i++) {
                    if (owner[i] == 0) {
                        kept.append(text.charAt(i));
                    } else {
                        lost = true;
                    }
                }
                if (lost && kept.toString().isBlank()) {
                    continue;
                }
                if (!body.isEmpty()) {
                    body.append('\n');
                }
                body.append(kept);
            }
            out.add(new Body(body.toString()));
            ink += ink(body, 0, body.length());
            if (o < order.length) {
                Table table = regions.get(order[o]).table();
                out.add(table);
                for (String[] row : table.rows()) {
                    for (String cell : row) {
                        ink += cell == null ? 0 : ink(cell, 0, cell.length());
                    }
                }
            }
        }
        return ink == ink(text, 0, text.length()) ? out : null;
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Non-whitespace characters of {@code s} in {@code [from, to)}. */
    static int ink(CharSequence s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n += blank(s.charAt(i)) ? 0 : 1;
        }
        return n;
    }

    /** The page's borders in the glyphs' coordinates (x right, y down): along the lines sorted by y, and across them. */
    private static final class Rules {
        static final Rules NONE = new Rules(new float[0], new float[0], new float[0], new float[0][]);
        final float[] y;
        final float[] x0;
        final float[] x1;
        /** Borders across the lines: (x, y0, y1). */
        final float[][] across;

        Rules(float[] y, float[] x0, float[] x1, float[][] across) {
            this.y = y;
            this.x0 = x0;
            this.x1 = x1;
            this.across = across;
        }

        static Rules of(PdfLayoutStripper.Page page) {
            float[] r = page.rules();
            boolean[] vertical = page.vertical();
            int dir = Math.round(page.dir());
            float w = page.width();
            float h = page.height();
            if (dir != 0 && dir != 90 && dir != 180 && dir != 270) {
                return NONE;
            }
            // which device-space strokes run along the text, and how they map to the glyphs' coordinates
            boolean along = dir == 90 || dir == 270;
            List<float[]> out = new ArrayList<>();
            List<float[]> across = new ArrayList<>();
            for (int i = 0; i < vertical.length; i++) {
                float at = r[3 * i];
                float from = r[3 * i + 1];
                float to = r[3 * i + 2];
                if (vertical[i] == along) {
                    out.add(switch (dir) {
                        case 0 -> new float[] {h - at, from, to};
                        case 180 -> new float[] {at, w - to, w - from};
                        case 90 -> new float[] {at, from, to};
                        default -> new float[] {w - at, h - to, h - from};
                    });
                } else {
                    across.add(switch (dir) {
                        case 0 -> new float[] {at, h - to, h - from};
                        case 180 -> new float[] {w - at, from, to};
                        case 90 -> new float[] {at, from, to};
                        default -> new float[] {h - at, w - to, w - from};
                    });
                }
            }
            out.sort((p, q) -> Float.compare(p[0], q[0]));
            float[] y = new float[out.size()];
            float[] x0 = new float[out.size()];
            float[] x1 = new float[out.size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = out.get(i)[0];
                x0[i] = out.get(i)[1];
                x1[i] = out.get(i)[2];
            }
            return new Rules(y, x0, x1, across.toArray(new float[0][]));
        }

        /** Whether a border runs between every two neighbouring columns somewhere within {@code [top, bottom]}. */
        boolean columnsRuled(float[][] slots, float top, float bottom) {
            for (int c = 0; c + 1 < slots.length; c++) {
                boolean found = false;
                for (float[] v : across) {
                    if (v[0] >= slots[c][1] - 0.5f && v[0] <= slots[c + 1][0] + 0.5f && v[1] < bottom && v[2] > top) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Whether a border runs between two lines: below the upper line's glyphs (not an underline) and above the
         * lower line's, reaching past the text of one of the lines' segments it spans (a cell border, never a rule
         * drawn exactly under a text).
         */
        boolean between(Line upper, Line lower) {
            float lo = upper.bottom + 0.18f * upper.size;
            float hi = lower.top - 0.75f * lower.size;
            if (hi <= lo || y.length == 0) {
                return false;
            }
            int i = Arrays.binarySearch(y, lo);
            i = i < 0 ? -i - 1 : i;
            for (; i < y.length && y[i] < hi; i++) {
                if (y[i] > lo && (borders(i, upper) || borders(i, lower))) {
                    return true;
                }
            }
            return false;
        }

        private boolean borders(int i, Line line) {
            for (Seg s : line.segs) {
                if (x0[i] <= s.x0() + 0.5f && x1[i] >= s.x1() - 0.5f && (x0[i] < s.x0() - 1 || x1[i] > s.x1() + 1)) {
                    return true;
                }
            }
            return false;
        }
    }
}
