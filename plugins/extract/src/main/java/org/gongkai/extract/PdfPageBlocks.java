package org.gongkai.extract;

import java.util.Arrays;
import java.util.List;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.Part;

/**
 * Turns the pages of a PDF into blocks: plain text as one {@link Part#BODY} block per piece, tables as one
 * {@link Part#TABLE} block per cell with the source {@code "第2页 表格1 第3行第4列"}, tables numbered through
 * the document.
 *
 * <p>A table that ends its page and one that starts the next page under the same columns (at most a page
 * number or a "续表" line between them) are one table: its rows and columns run on, as in the document the PDF
 * was made from. A row the page break cut in two (the next page's first row holds only the rest of some of its
 * cells) is one row again, so a number wrapped over the break is one cell; such a cell counts as standing on the
 * page where it begins. For that, the last row of a table ending a page is held back until the next page is read.
 */
final class PdfPageBlocks {
    private static final int SHORT_LINE = 10;
    private int tables;
    private int rows;
    private float[][] columns;
    private String[] header;
    private int openOnPage = -1;
    private Row pending;

    /** A row held back at the end of a page: its page, table, row number and cells by column. */
    private record Row(int page, int table, int number, String[] cells) {
    }

    /** Adds the blocks of a page with text; false once the character limit is reached. */
    boolean add(PdfLayoutStripper.Page page, int number, BlockSink sink) throws ExtractionException {
        List<PdfTables.Piece> pieces;
        try {
            pieces = PdfTables.pieces(page);
        } catch (RuntimeException | StackOverflowError e) {
            pieces = List.of(new PdfTables.Body(page.text())); // never lose text over a layout we cannot read
        }
        int[] column = null;
        int skip = 0;
        if (pieces.size() > 1 && openOnPage == number - 1 && shortText(pieces.get(0))) {
            PdfTables.Table first = (PdfTables.Table) pieces.get(1);
            column = continuing(first.columns());
            if (column != null && pending != null) {
                List<String[]> r = first.rows();
                int at = !r.isEmpty() && header != null && Arrays.equals(byColumn(r.get(0), column), header) && r.size() > 1 ? 1 : 0;
                if (rest(r.get(at), column)) {
                    String[] cells = pending.cells();
                    String[] more = byColumn(r.get(at), column);
                    for (int c = 0; c < cells.length; c++) {
                        cells[c] = more[c] == null ? cells[c] : cells[c] == null ? more[c] : cells[c] + "\n" + more[c];
                    }
                    if (at == 0) {
                        skip = 1;
                    } else {
                        r.remove(1); // a repeated header row stays a row; the rest of the cut row joins the held-back row
                    }
                }
            }
        }
        if (!flush(sink)) {
            return false;
        }
        openOnPage = -1;
        if (pieces.size() == 1) {
            return sink.add(Part.BODY, page.text().strip(), number, "");
        }
        boolean open = shortText(pieces.get(pieces.size() - 1));
        for (int p = 0; p < pieces.size(); p++) {
            if (pieces.get(p) instanceof PdfTables.Body b) {
                if (!sink.add(Part.BODY, b.text().strip(), number, "")) {
                    return false;
                }
                continue;
            }
            PdfTables.Table t = (PdfTables.Table) pieces.get(p);
            int[] col = p == 1 ? column : null;
            if (col == null) {
                tables++;
                rows = 0;
                columns = t.columns();
                col = new int[t.columns().length];
                for (int c = 0; c < col.length; c++) {
                    col[c] = c;
                }
                header = byColumn(t.rows().get(0), col);
            }
            boolean last = open && p == pieces.size() - 2;
            for (int r = p == 1 ? skip : 0; r < t.rows().size(); r++) {
                String[] cells = byColumn(t.rows().get(r), col);
                rows++;
                if (last && r == t.rows().size() - 1) {
                    pending = new Row(number, tables, rows, cells); // the page may have cut this row
                } else if (!emit(new Row(number, tables, rows, cells), sink)) {
                    return false;
                }
            }
        }
        openOnPage = open ? number : -1;
        return true;
    }

    /** Adds the row held back, if any; false once the character limit is reached. */
    boolean flush(BlockSink sink) throws ExtractionException {
        Row r = pending;
        pending = null;
        return r == null || emit(r, sink);
    }

    private static boolean emit(Row r, BlockSink sink) throws ExtractionException {
        for (int c = 0; c < r.cells().length; c++) {
            String source = "第" + r.page() + "页 表格" + r.table() + " 第" + r.number() + "行第" + (c + 1) + "列";
            if (r.cells()[c] != null && !sink.add(Part.TABLE, r.cells()[c], r.page(), source)) {
                return false;
            }
        }
        return true;
    }

    /** A row's cells placed in the table's columns. */
    private String[] byColumn(String[] row, int[] column) {
        String[] out = new String[columns.length];
        for (int c = 0; c < row.length; c++) {
            out[column[c]] = row[c];
        }
        return out;
    }

    /**
     * Whether the first row of a page is the rest of the row held back: it has text only in columns where that
     * row has text, and not in all of them (the columns whose text ended before the page break are empty), and
     * none in the first column when that one held a single line there (a new row starts with its number).
     */
    private boolean rest(String[] row, int[] column) {
        String[] cells = byColumn(row, column);
        if (cells[0] != null && pending.cells()[0] != null && pending.cells()[0].indexOf('\n') < 0) {
            return false;
        }
        int mine = 0;
        int theirs = 0;
        for (int c = 0; c < cells.length; c++) {
            if (cells[c] != null && pending.cells()[c] == null) {
                return false;
            }
            mine += cells[c] != null ? 1 : 0;
            theirs += pending.cells()[c] != null ? 1 : 0;
        }
        return mine > 0 && mine < theirs;
    }

    private static boolean shortText(PdfTables.Piece piece) {
        String s = ((PdfTables.Body) piece).text();
        return PdfTables.ink(s, 0, s.length()) <= SHORT_LINE;
    }

    /**
     * The column numbers of the previous page's table for the columns of a table starting this page, when each
     * lies under exactly one of them in order (a column left empty on this page is simply missing); else null.
     */
    private int[] continuing(float[][] next) {
        if (columns == null) {
            return null;
        }
        int[] map = new int[next.length];
        for (int c = 0; c < next.length; c++) {
            map[c] = -1;
            for (int o = 0; o < columns.length; o++) {
                if (next[c][0] < columns[o][1] && columns[o][0] < next[c][1]) {
                    if (map[c] >= 0) {
                        return null;
                    }
                    map[c] = o;
                }
            }
            if (map[c] < 0 || (c > 0 && map[c] <= map[c - 1])) {
                return null;
            }
        }
        return map;
    }
}
