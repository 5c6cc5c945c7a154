package org.gongkai.personal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.rules.Cue;
import org.gongkai.rules.Site;
import org.gongkai.spi.Block;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.NormalizedText;

/**
 * Where tables hold names: the cells of columns headed by a name column, the fields of a form laid out as a table
 * (label cell left of the value), and the rows of a table in PDF or plain text under a header line. Each cell that
 * looks like a name ({@link NameShape#nameCell}) is proposed to the name detector, which scores it by the rules.
 */
final class NameTables {
    /** Scores a proposed name at a view offset. */
    interface Proposer {
        void propose(int at, String name, String kind, String how);
    }

    private static final Pattern CELL = Pattern.compile("表格(\\d+) 第(\\d+)行第(\\d+)列$");
    /** A bracketed qualifier in a header or label cell ("户主（申请人）"), left out when the cell is read as a label. */
    private static final Pattern QUALIFIER = Pattern.compile("[（(][^（()）]{1,8}[）)]");

    private final DocumentText text;
    private final NormalizedText n;
    private final JoinedLines view;
    private final String t;
    private final Site site;
    private final Pattern headers;
    private final Cue labels;
    private final Proposer proposer;
    private int[] originalToView;

    NameTables(DocumentText text, NormalizedText n, JoinedLines view, Site site, Pattern headers, Cue labels, Proposer proposer) {
        this.text = text;
        this.n = n;
        this.view = view;
        this.t = view.text;
        this.site = site;
        this.headers = headers;
        this.labels = labels;
        this.proposer = proposer;
    }

    /** Cells of DOCX/DOC/PDF table columns headed by a name column (a word of @NAME_COLUMN, 姓名, or both). */
    void nameColumns() {
        Set<String> columns = new HashSet<>();
        for (Block b : text.blocks()) {
            Matcher m = CELL.matcher(b.source());
            String v = b.text().replaceAll("\\s", "");
            if (m.find() && v.length() >= 2 && v.length() <= 14 && headers.matcher(QUALIFIER.matcher(v).replaceAll("")).matches()) {
                columns.add(b.source().substring(0, m.start()) + m.group(1) + "/" + m.group(3));
            }
        }
        if (columns.isEmpty()) {
            return;
        }
        for (int i = 0; i < text.blocks().size(); i++) {
            Block b = text.blocks().get(i);
            Matcher m = CELL.matcher(b.source());
            String v = b.text().strip();
            if (m.find() && columns.contains(b.source().substring(0, m.start()) + m.group(1) + "/" + m.group(3)) && NameShape.nameCell(v)) {
                int at = viewOffset(text.blockStart(i) + b.text().indexOf(v));
                if (at >= 0 && t.startsWith(v, at)) {
                    proposer.propose(at, v, "column", "表格单元格中的姓名");
                }
            }
        }
    }

    /**
     * The fields of a form laid out as a table: a cell holding a name right of a cell that ends with a label
     * ("姓名 | 王建国 | 性别 | 男", "配偶姓名 | 李秀英"). Every such field of the form is proposed, not only the first.
     */
    void formFields() {
        for (int i = 0; i < text.blocks().size(); i++) {
            Block b = text.blocks().get(i);
            String v = b.text().strip();
            if (!CELL.matcher(b.source()).find() || !NameShape.nameCell(v)) {
                continue;
            }
            int at = viewOffset(text.blockStart(i) + b.text().indexOf(v));
            String left = at < 0 ? null : site.leftCell(at);
            if (left != null && labels.suffixOf(QUALIFIER.matcher(left).replaceAll("").replaceFirst("[:：]+$", "")) != null && t.startsWith(v, at)) {
                proposer.propose(at, v, "label", "表格中的填写项");
            }
        }
    }

    /** The view offset of original offset {@code o}, or -1 when no view character starts there. */
    private int viewOffset(int o) {
        if (originalToView == null) {
            originalToView = new int[n.original().text().length() + 1];
            java.util.Arrays.fill(originalToView, -1);
            for (int k = t.length() - 1; k >= 0; k--) {
                originalToView[n.originalStart(view.normalised(k))] = k;
            }
        }
        return o >= 0 && o < originalToView.length ? originalToView[o] : -1;
    }

    /**
     * Rows of a table in PDF or plain text: a header line whose cells (separated by white space) include a name
     * column, then rows starting with running serial numbers 1, 2, 3 …; the cell at
     * the name column's place is proposed. Lines between rows (cells wrapped in narrow columns) are skipped.
     */
    void textTableRows() {
        String o = n.original().text();
        int column = -1;
        int serial = 0;
        int lineStart = 0;
        while (lineStart <= o.length()) {
            int lineEnd = o.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? o.length() : lineEnd;
            List<int[]> cells = cells(o, lineStart, lineEnd);
            int h = -1;
            for (int k = 0; cells.size() >= 3 && k < cells.size() && h < 0; k++) {
                String c = o.substring(cells.get(k)[0], cells.get(k)[1]);
                if (c.length() >= 2 && c.length() <= 8 && headers.matcher(c).matches()) {
                    h = k;
                }
            }
            if (h >= 0) {
                column = h;
                serial = 0;
            } else if (column >= 0) {
                String first = cells.isEmpty() ? "" : o.substring(cells.get(0)[0], cells.get(0)[1]);
                if (cells.size() > column && first.equals(String.valueOf(serial + 1))) {
                    serial++;
                    int[] c = cells.get(column);
                    String v = o.substring(c[0], c[1]);
                    int at = viewOffset(c[0]);
                    if (NameShape.nameCell(v) && at >= 0 && t.startsWith(v, at)) {
                        proposer.propose(at, v, "text-column", "表格单元格中的姓名");
                    }
                } else if (cells.size() <= 1 && lineEnd - lineStart > 20) {
                    column = -1; // a paragraph: the table has ended
                }
            }
            lineStart = lineEnd + 1;
        }
    }

    /** The white-space separated cells of the original text's line [from, to), at most 21. */
    private List<int[]> cells(String o, int from, int to) {
        List<int[]> out = new ArrayList<>();
        int i = from;
        while (i < to && out.size() <= 20) {
            while (i < to && Character.isWhitespace(o.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < to && !Character.isWhitespace(o.charAt(i))) {
                i++;
            }
            if (i > s) {
                out.add(new int[] {s, i});
            }
        }
        return out;
    }
}
