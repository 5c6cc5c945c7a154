package org.gongkai.server.redaction;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.document.DocumentRecord;
import org.gongkai.server.document.DocumentService;
import org.gongkai.server.http.ApiException;
import org.gongkai.server.queue.Redaction;
import org.gongkai.spi.Block;
import org.gongkai.spi.Category;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.Part;

/**
 * Builds the publication copy of a partially disclosed document from its stored structured text and the
 * redactions reviewers confirmed (REDACT decision). The copy is re-set from the text, so nothing of the
 * original file survives in it: tracked deletions, comments, hidden runs, document properties and embedded
 * objects are left out, tracked insertions are kept as accepted, and every redacted passage — and every other
 * occurrence of the same text — is replaced by {@link RedactedCopy#MARK}.
 */
public final class RedactionService {
    private static final Set<Part> KEPT = EnumSet.of(Part.BODY, Part.TABLE, Part.HEADER, Part.FOOTER, Part.TRACKED_INSERTION);
    private static final Pattern CELL = Pattern.compile("^(.*)表格(\\d+) 第(\\d+)行第(\\d+)列$");

    private final DocumentService documents;
    private final BiFunction<Actor, String, List<Redaction>> redactions;

    public RedactionService(DocumentService documents, BiFunction<Actor, String, List<Redaction>> redactions) {
        this.documents = documents;
        this.redactions = redactions;
    }

    public RedactedCopy copy(Actor actor, String id) {
        DocumentRecord d = documents.find(id);
        List<Redaction> rs = redactions.apply(actor, id);
        if (rs.isEmpty()) {
            throw new ApiException(404, "NOT_FOUND", "该文件没有已确认的删除项：须先在区分处理审查中作出 REDACT 决定",
                    "no redactions recorded for this document: a reviewer must decide REDACT first");
        }
        DocumentService.StoredText st = documents.storedText(actor, id).orElseThrow(() -> new ApiException(409, "NOT_CHECKED",
                "文件尚未检查完毕，没有可用的文本", "the document has not been checked, no text is stored"));
        return build(d.id(), d.fileName(), st.blocks(), st.complete(), rs);
    }

    /**
     * The copy the given redactions make of the stored blocks (also used, without recording anything, for the
     * reviewer's preview before a REDACT decision).
     */
    public static RedactedCopy build(String id, String fileName, List<Block> blocks, boolean complete, List<Redaction> rs) {
        DocumentText doc = DocumentText.of(blocks);
        List<TreeMap<Integer, Integer>> ranges = new ArrayList<>();
        blocks.forEach(b -> ranges.add(new TreeMap<>()));
        List<RedactedCopy.Removal> removed = new ArrayList<>();
        Map<String, Redaction> byText = new LinkedHashMap<>();
        for (Redaction r : rs) {
            String where = null;
            for (int i = 0; i < blocks.size(); i++) {
                int s = Math.max(r.startOffset(), doc.blockStart(i));
                int e = Math.min(r.endOffset(), doc.blockEnd(i));
                if (s < e) {
                    add(ranges.get(i), s - doc.blockStart(i), e - doc.blockStart(i));
                    where = where == null ? where(blocks.get(i)) : where;
                }
            }
            removed.add(removal(r, r.matchedText(), where == null ? r.part() : where, "finding"));
            if (r.matchedText() != null && r.matchedText().strip().length() >= 2) {
                byText.putIfAbsent(r.matchedText().strip(), r);
            }
        }
        // the same personal data elsewhere in the document goes too: a name confirmed once is a name everywhere
        byText.forEach((t, src) -> {
            for (int i = 0; i < blocks.size(); i++) {
                String bt = blocks.get(i).text();
                for (int k = bt.indexOf(t); k >= 0 && KEPT.contains(blocks.get(i).part()); k = bt.indexOf(t, k + t.length())) {
                    if (!covered(ranges.get(i), k, k + t.length())) {
                        add(ranges.get(i), k, k + t.length());
                        removed.add(removal(src, t, where(blocks.get(i)), "repeat"));
                    }
                }
            }
        });
        List<RedactedCopy.Piece> pieces = new ArrayList<>();
        Map<String, Integer> stripped = new TreeMap<>();
        TreeMap<Integer, TreeMap<Integer, String>> table = null;
        String tableKey = null;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (!KEPT.contains(b.part())) {
                stripped.merge(b.part().name(), 1, Integer::sum);
                continue;
            }
            String text = apply(b.text(), ranges.get(i));
            Matcher m = b.part() == Part.TABLE ? CELL.matcher(b.source()) : null;
            if (m != null && m.matches()) {
                String key = m.group(1) + m.group(2);
                if (!key.equals(tableKey)) {
                    flush(pieces, table);
                    table = new TreeMap<>();
                    tableKey = key;
                }
                table.computeIfAbsent(Integer.parseInt(m.group(3)), r -> new TreeMap<>()).put(Integer.parseInt(m.group(4)), text);
                continue;
            }
            flush(pieces, table);
            table = null;
            tableKey = null;
            pieces.add(new RedactedCopy.Paragraph(b.part().name(), text));
        }
        flush(pieces, table);
        return new RedactedCopy(id, fileName, List.copyOf(pieces), List.copyOf(removed), stripped, complete);
    }

    private static RedactedCopy.Removal removal(Redaction r, String text, String where, String occurrence) {
        return new RedactedCopy.Removal(r.findingId(), r.category(), categoryName(r.category()), text, where, r.basis(), r.actor(),
                String.valueOf(r.decidedAt()), occurrence);
    }

    /** Every distinct removed text of two characters or more: what must not be found in an output. */
    public static Set<String> forbidden(RedactedCopy c) {
        Set<String> out = new LinkedHashSet<>();
        for (RedactedCopy.Removal r : c.removed()) {
            if (r.text() != null && r.text().strip().length() >= 2) {
                out.add(r.text().strip());
            }
        }
        return out;
    }

    /** Adds the table collected so far (rows of cells by number; missing cells empty) to the copy. */
    private static void flush(List<RedactedCopy.Piece> pieces, TreeMap<Integer, TreeMap<Integer, String>> rows) {
        if (rows == null) {
            return;
        }
        int cols = rows.values().stream().mapToInt(r -> r.isEmpty() ? 0 : r.lastKey()).max().orElse(0);
        List<List<String>> out = new ArrayList<>();
        for (TreeMap<Integer, String> row : rows.values()) {
            List<String> cells = new ArrayList<>();
            for (int c = 1; c <= cols; c++) {
                cells.add(row.getOrDefault(c, ""));
            }
            out.add(cells);
        }
        pieces.add(new RedactedCopy.Table(out));
    }

    private static String apply(String text, TreeMap<Integer, Integer> ranges) {
        if (ranges.isEmpty()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        int at = 0;
        for (Map.Entry<Integer, Integer> e : ranges.entrySet()) {
            b.append(text, at, e.getKey()).append(RedactedCopy.MARK);
            at = e.getValue();
        }
        return b.append(text.substring(at)).toString();
    }

    /** Adds [s,e) to a set of disjoint ranges, merging overlaps. */
    private static void add(TreeMap<Integer, Integer> ranges, int s, int e) {
        Map.Entry<Integer, Integer> before = ranges.floorEntry(s);
        if (before != null && before.getValue() >= s) {
            s = before.getKey();
            e = Math.max(e, before.getValue());
            ranges.remove(before.getKey());
        }
        for (Map.Entry<Integer, Integer> next = ranges.ceilingEntry(s); next != null && next.getKey() <= e; next = ranges.ceilingEntry(s)) {
            e = Math.max(e, next.getValue());
            ranges.remove(next.getKey());
        }
        ranges.put(s, e);
    }

    private static boolean covered(TreeMap<Integer, Integer> ranges, int s, int e) {
        Map.Entry<Integer, Integer> f = ranges.floorEntry(s);
        return f != null && f.getValue() >= e;
    }

    private static String where(Block b) {
        StringBuilder w = new StringBuilder(b.part().name());
        if (b.page() != null) {
            w.append(" 第").append(b.page()).append("页");
        }
        if (!b.source().isEmpty()) {
            w.append(" ").append(b.source());
        }
        return w.toString();
    }

    private static String categoryName(String category) {
        try {
            return Category.valueOf(category).chinese();
        } catch (IllegalArgumentException | NullPointerException e) {
            return String.valueOf(category);
        }
    }
}
