package org.gongkai.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.spi.Block;
import org.gongkai.spi.DetectionContext;
import org.gongkai.spi.DocumentStructure;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.NormalizedText;

/**
 * One document as the rules see it: the text a detector matched in (the normalised text, or a view of it with
 * some line breaks joined) and what stands around an offset of it — its line, sentence, block, table row and
 * column header, the document's title and type. Built once per document and detector; tables are indexed on
 * first use. Not thread-safe (one detection run uses it).
 */
public final class Site {
    /** A table cell's locator as the extractors write it: "表格1 第2行第3列", "第2页 表格1 第3行第4列". */
    private static final Pattern CELL = Pattern.compile("^(.*表格\\d+) 第(\\d+)行第(\\d+)列$");
    private static final Pattern SERIAL = Pattern.compile("\\s*\\d{1,3}(?![\\d.．,，:：年月日号万元%])");
    private static final String SENTENCE_ENDS = "。；;！？!?\n";
    private static final int TEXT_TABLE_REACH = 600;
    private static final Pattern HAN_WORD = Pattern.compile("\\p{IsHan}{2,}");

    private final String text;
    private final IntUnaryOperator toOriginal;
    private final DocumentText doc;
    private final DocumentStructure structure;
    private Map<Integer, Cell> cells;
    private Map<String, TreeMap<Integer, TreeMap<Integer, String>>> tables;
    private String visible;
    private String page;
    /** Results of conditions that look at the document as a whole (its text, title, 文种), the same for every candidate. */
    private final Map<Object, java.util.Optional<String>> wholeDocument = new java.util.IdentityHashMap<>();

    private record Cell(String table, int row, int column) {
    }

    /**
     * @param text       the text candidates' offsets refer to
     * @param toOriginal maps an offset of {@code text} to the offset in {@link DocumentText#text()} it came from
     */
    public Site(String text, IntUnaryOperator toOriginal, DocumentText doc, DocumentStructure structure) {
        this.text = text;
        this.toOriginal = toOriginal;
        this.doc = doc;
        this.structure = structure == null ? DocumentStructure.empty() : structure;
    }

    /** The site over a detection context's normalised text. */
    public static Site of(DetectionContext ctx) {
        NormalizedText n = ctx.normalized();
        return new Site(n.text(), n::originalStart, ctx.text(), ctx.structure());
    }

    public String text() {
        return text;
    }

    public DocumentText document() {
        return doc;
    }

    int lineStart(int i) {
        return i <= 0 ? 0 : text.lastIndexOf('\n', i - 1) + 1;
    }

    int lineEnd(int i) {
        int e = text.indexOf('\n', i);
        return e < 0 ? text.length() : e;
    }

    int sentenceStart(int i) {
        int b = i;
        while (b > 0 && SENTENCE_ENDS.indexOf(text.charAt(b - 1)) < 0 && i - b < 300) {
            b--;
        }
        return b;
    }

    int sentenceEnd(int i) {
        int e = i;
        while (e < text.length() && SENTENCE_ENDS.indexOf(text.charAt(e)) < 0 && e - i < 300) {
            e++;
        }
        return e;
    }

    /** Index of the block holding offset {@code i} of the site text, or -1. */
    int blockIndex(int i) {
        if (doc.blocks().isEmpty()) {
            return -1;
        }
        int o = toOriginal.applyAsInt(Math.min(Math.max(0, i), Math.max(0, text.length() - 1)));
        return doc.blockIndexAt(o);
    }

    Block block(int i) {
        int b = blockIndex(i);
        return b < 0 ? null : doc.blocks().get(b);
    }

    /** The text of the block (paragraph or table cell) holding offset {@code i}, folded for matching. */
    String blockText(int i) {
        Block b = block(i);
        return b == null ? "" : fold(b.text());
    }

    String source(int i) {
        Block b = block(i);
        return b == null ? "" : b.source();
    }

    String part(int i) {
        Block b = block(i);
        return b == null ? "" : b.part().name();
    }

    String title() {
        String t = structure.elements().get("title");
        return t == null ? "" : t;
    }

    String docType() {
        return structure.docType() == null ? "" : structure.docType();
    }

    /**
     * The table row holding offset {@code i}: its cells joined by " | " for a table cell block, else the line
     * (a row of a text table is a line).
     */
    String row(int i) {
        Cell c = cell(i);
        if (c == null) {
            return text.substring(lineStart(i), lineEnd(i));
        }
        TreeMap<Integer, String> row = tables.get(c.table()).get(c.row());
        return String.join(" | ", row.values());
    }

    /**
     * The column header above offset {@code i}: for a table cell, the cells above it in its column within the
     * table's first three rows; for a row of a text table (a line that starts with its serial number), the lines
     * above it up to the table's start (at most 600 characters, never past a sentence end 。). Empty otherwise.
     */
    String header(int i) {
        Cell c = cell(i);
        if (c != null) {
            StringBuilder sb = new StringBuilder();
            TreeMap<Integer, TreeMap<Integer, String>> t = tables.get(c.table());
            for (var row : t.headMap(Math.min(c.row(), 4)).values()) {
                String v = row.get(c.column());
                if (v != null) {
                    sb.append(sb.length() == 0 ? "" : " | ").append(v);
                }
            }
            return sb.toString();
        }
        return textTableHeader(toOriginal.applyAsInt(Math.min(Math.max(0, i), Math.max(0, text.length() - 1))));
    }

    /**
     * The header lines of a table in plain or PDF text above original offset {@code o}: when its line is a row — it
     * starts with a serial number, or has three or more cells separated by white space — the lines above it that
     * are no rows themselves, up to the table's start (a line with a sentence end 。, or 600 characters).
     */
    private String textTableHeader(int o) {
        String d = doc.text();
        int ls = o <= 0 ? 0 : d.lastIndexOf('\n', o - 1) + 1;
        int le = d.indexOf('\n', o);
        String line = d.substring(ls, le < 0 ? d.length() : le);
        boolean serial = SERIAL.matcher(line).lookingAt();
        if (!serial && cellCount(line) < 3) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        int end = ls - 1;
        while (end > 0 && ls - end < TEXT_TABLE_REACH) {
            int s = d.lastIndexOf('\n', end - 1) + 1;
            String above = d.substring(s, end);
            if (above.indexOf('。') >= 0 || !serial && cellCount(above) < 2) {
                break;
            }
            boolean row = serial ? SERIAL.matcher(above).lookingAt() : !above.isBlank() && Character.isDigit(above.strip().charAt(0));
            if (!row) {
                sb.insert(0, sb.length() == 0 ? above.strip() : above.strip() + " | ");
            }
            end = s - 1;
        }
        return sb.toString();
    }

    private static int cellCount(String line) {
        int n = 0;
        boolean in = false;
        for (int k = 0; k < line.length(); k++) {
            boolean gap = Character.isWhitespace(line.charAt(k)) || line.charAt(k) == 0x3000;
            if (!gap && !in) {
                n++;
            }
            in = !gap;
        }
        return n;
    }

    /**
     * The cell to the left of the table cell holding offset {@code i}, folded and without white space — the label
     * of a form's field ("姓名 | 王建国 | 性别 | 男") — or null when {@code i} is in no table cell or in its row's first.
     */
    public String leftCell(int i) {
        Cell c = cell(i);
        if (c == null) {
            return null;
        }
        var left = tables.get(c.table()).get(c.row()).lowerEntry(c.column());
        return left == null ? null : left.getValue();
    }

    /** True when offset {@code i} stands in a table cell of a DOCX, DOC or PDF table. */
    boolean inTableCell(int i) {
        return cell(i) != null;
    }

    /**
     * The share of {@code value}'s Chinese words (runs of two or more Han characters) that also stand in the text the
     * pages print (embedded objects aside) — 1 when an embedded object only repeats the page — or 0 when it has none.
     */
    double visibleShare(String value) {
        Matcher m = HAN_WORD.matcher(fold(value));
        int words = 0;
        int seen = 0;
        String v = pageText();
        while (m.find()) {
            words++;
            if (v.contains(m.group())) {
                seen++;
            }
        }
        return words == 0 ? 0 : (double) seen / words;
    }

    /** A document-wide condition's result, computed once per document. */
    String memo(Object condition, java.util.function.Supplier<String> compute) {
        return wholeDocument.computeIfAbsent(condition, c -> java.util.Optional.ofNullable(compute.get())).orElse(null);
    }

    /** True when {@code value} (white space aside) stands in a visible block other than the one at {@code i}. */
    boolean visibleElsewhere(String value, int i) {
        String v = compact(fold(value));
        if (v.isEmpty()) {
            return false;
        }
        return visibleText().contains(v);
    }

    /** The text the pages print (visible blocks, embedded objects left out), folded, without white space. */
    private String pageText() {
        if (page == null) {
            StringBuilder sb = new StringBuilder();
            for (Block b : doc.blocks()) {
                if (b.part().visible() && b.part() != org.gongkai.spi.Part.ATTACHMENT) {
                    sb.append(compact(fold(b.text()))).append('\n');
                }
            }
            page = sb.toString();
        }
        return page;
    }

    /** The visible blocks' text, folded, without white space, one block a line. */
    private String visibleText() {
        if (visible == null) {
            StringBuilder sb = new StringBuilder();
            for (Block b : doc.blocks()) {
                if (b.part().visible()) {
                    sb.append(compact(fold(b.text()))).append('\n');
                }
            }
            visible = sb.toString();
        }
        return visible;
    }

    private Cell cell(int i) {
        if (cells == null) {
            indexTables();
        }
        int b = blockIndex(i);
        return b < 0 ? null : cells.get(b);
    }

    private void indexTables() {
        cells = new HashMap<>();
        tables = new HashMap<>();
        List<Block> blocks = doc.blocks();
        for (int k = 0; k < blocks.size(); k++) {
            Matcher m = CELL.matcher(blocks.get(k).source());
            if (m.matches()) {
                Cell c = new Cell(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                cells.put(k, c);
                tables.computeIfAbsent(c.table(), t -> new TreeMap<>()).computeIfAbsent(c.row(), r -> new TreeMap<>())
                        .merge(c.column(), compact(fold(blocks.get(k).text())), (a, b) -> a + b);
            }
        }
    }

    /**
     * Full-width digits, letters and the ideographic space folded as {@link NormalizedText} folds them; Chinese
     * punctuation （：，） is kept, so rules read block, row and header text as they read the normalised text.
     */
    static String fold(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char f = (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A) ? (char) (c - 0xFEE0)
                    : c == 0x3000 || c == 0x00A0 ? ' ' : c;
            if (f != c && sb == null) {
                sb = new StringBuilder(s);
            }
            if (sb != null) {
                sb.setCharAt(i, f);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static String compact(String s) {
        return s.replaceAll("\\s+", "");
    }
}
