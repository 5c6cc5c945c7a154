package org.gongkai.extract;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.Part;

/**
 * Streams one WordprocessingML part (document, header, footer, footnotes, comments) into blocks, keeping
 * what the reader sees apart from what hides in the file: tracked deletions ({@code w:del}), hidden runs
 * ({@code w:vanish}) and comments become blocks of their own; tracked insertions ({@code w:ins}) stay inline
 * and are also reported as blocks. Adjacent runs of the same kind (Word splits runs at every editing
 * session) form one block, so that a number split over two hidden runs stays one number. These blocks follow
 * the paragraph they belong to, or the table cell when the paragraph is in one; a comment follows the
 * paragraph holding its reference mark. Table cells become one block each. StAX with DTDs and external
 * entities off (no XXE), and faster than building the XMLBeans tree.
 */
final class WordXml {
    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    private static final XMLInputFactory FACTORY = factory();

    /** A block to be written after the paragraph or cell it belongs to. */
    record Pending(Part part, String text, String source) {
    }

    private final BlockSink sink;
    private final Part part;
    private final String source;
    /** Comments by id, still to be written after the paragraph that refers to them. */
    private final Map<String, List<Pending>> comments;
    /** When reading the comments part: the blocks of each comment, by comment id, instead of the sink. */
    private final Map<String, List<Pending>> collected;

    /** A paragraph being read: its visible text and the hidden pieces found in it. */
    private static final class Para {
        final StringBuilder visible = new StringBuilder();
        final List<Pending> pieces = new ArrayList<>();
        final List<String> commentIds = new ArrayList<>();
        /** Kind of the piece being read ({@code null} while the text is plain visible text). */
        Part open;
        StringBuilder openText;
    }

    /** A table cell being read. */
    private static final class Table {
        final int number;
        int row;
        int col;
        StringBuilder cell;
        final List<Pending> pending = new ArrayList<>();

        Table(int number) {
            this.number = number;
        }
    }

    private final Deque<Para> paras = new ArrayDeque<>();
    private final Deque<Table> tables = new ArrayDeque<>();
    private int tableCount;
    private int insDepth;
    private int delDepth;
    private boolean inRun;
    private boolean runHidden;
    private boolean inText;
    private int skipDepth;
    private String commentAuthor;
    private String commentId;

    /**
     * @param comments comments read with {@link #readComments}; each is written after the paragraph holding its
     *                 reference and removed from the map (the caller writes what is left)
     */
    WordXml(BlockSink sink, Part part, String source, int tablesBefore, Map<String, List<Pending>> comments) {
        this(sink, part, source, tablesBefore, comments, null);
    }

    private WordXml(BlockSink sink, Part part, String source, int tablesBefore, Map<String, List<Pending>> comments,
            Map<String, List<Pending>> collected) {
        this.sink = sink;
        this.part = part;
        this.source = source;
        this.tableCount = tablesBefore;
        this.comments = comments == null ? new LinkedHashMap<>() : comments;
        this.collected = collected;
    }

    /** Reads a comments part into the blocks of each comment, by comment id, in document order. */
    static Map<String, List<Pending>> readComments(InputStream in) throws ExtractionException, XMLStreamException {
        Map<String, List<Pending>> out = new LinkedHashMap<>();
        new WordXml(null, Part.COMMENT, "批注", 0, null, out).read(in);
        return out;
    }

    int tableCount() {
        return tableCount;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    void read(InputStream in) throws ExtractionException, XMLStreamException {
        XMLStreamReader r = FACTORY.createXMLStreamReader(in);
        try {
            int n = 0;
            while (r.hasNext()) {
                int ev = r.next();
                if (++n % 4096 == 0) {
                    BlockSink.checkInterrupted();
                }
                if (skipDepth > 0) {
                    if (ev == XMLStreamConstants.START_ELEMENT) {
                        skipDepth++;
                    } else if (ev == XMLStreamConstants.END_ELEMENT) {
                        skipDepth--;
                    }
                    continue;
                }
                switch (ev) {
                    case XMLStreamConstants.START_ELEMENT -> start(r);
                    case XMLStreamConstants.END_ELEMENT -> end(r);
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (inText) {
                            text(r.getText());
                        }
                    }
                    default -> { }
                }
            }
        } finally {
            r.close();
        }
    }

    private void start(XMLStreamReader r) {
        String ns = r.getNamespaceURI();
        String name = r.getLocalName();
        if (MC.equals(ns) && name.equals("Fallback")) {
            skipDepth = 1; // the fallback repeats the choice's text boxes
            return;
        }
        if (!W.equals(ns)) {
            return;
        }
        switch (name) {
            case "p" -> paras.push(new Para());
            case "r" -> {
                inRun = true;
                runHidden = false;
            }
            case "vanish", "specVanish" -> {
                if (inRun && on(r.getAttributeValue(W, "val"))) {
                    runHidden = true;
                }
            }
            case "t", "delText" -> inText = true;
            case "instrText", "delInstrText" -> skipDepth = 1;
            case "tab" -> {
                if (inRun) {
                    text("\t");
                }
            }
            case "br", "cr" -> {
                if (inRun) {
                    text("\n");
                }
            }
            // also found as empty marks in the properties of paragraph marks and table rows (w:trPr): they only
            // count, they never open a paragraph of their own
            case "ins", "moveTo" -> insDepth++;
            case "del", "moveFrom" -> delDepth++;
            case "tbl" -> tables.push(new Table(++tableCount));
            case "tr" -> {
                if (!tables.isEmpty()) {
                    tables.peek().row++;
                    tables.peek().col = 0;
                }
            }
            case "tc" -> {
                if (!tables.isEmpty()) {
                    tables.peek().col++;
                    tables.peek().cell = new StringBuilder();
                }
            }
            case "commentReference" -> {
                String id = r.getAttributeValue(W, "id");
                if (id != null && !paras.isEmpty()) {
                    paras.peek().commentIds.add(id);
                }
            }
            case "comment" -> {
                commentAuthor = r.getAttributeValue(W, "author");
                commentId = r.getAttributeValue(W, "id");
            }
            case "footnote", "endnote" -> {
                String type = r.getAttributeValue(W, "type");
                if (type != null && !type.equals("normal")) {
                    skipDepth = 1; // separators
                }
            }
            default -> { }
        }
    }

    private void end(XMLStreamReader r) throws ExtractionException {
        if (!W.equals(r.getNamespaceURI())) {
            return;
        }
        switch (r.getLocalName()) {
            case "t", "delText" -> inText = false;
            case "r" -> {
                inRun = false;
                runHidden = false;
            }
            case "ins", "moveTo" -> insDepth = Math.max(0, insDepth - 1);
            case "del", "moveFrom" -> delDepth = Math.max(0, delDepth - 1);
            case "p" -> endParagraph();
            case "tc" -> {
                Table t = tables.peek();
                if (t != null && t.cell != null) {
                    // a table inside a comment is part of the comment, not of the text a reader sees
                    Part cell = part.hidden() ? part : Part.TABLE;
                    emit(cell, t.cell.toString(), prefix() + "表格" + t.number + " 第" + t.row + "行第" + t.col + "列");
                    t.cell = null;
                    for (Pending p : t.pending) {
                        emit(p.part(), p.text(), p.source());
                    }
                    t.pending.clear();
                }
            }
            case "tbl" -> {
                if (!tables.isEmpty()) {
                    tables.pop();
                }
            }
            case "comment" -> {
                commentAuthor = null;
                commentId = null;
            }
            default -> { }
        }
    }

    private void endParagraph() throws ExtractionException {
        if (paras.isEmpty()) {
            return;
        }
        Para p = paras.pop();
        closePiece(p);
        List<Pending> after = new ArrayList<>(p.pieces);
        for (String id : p.commentIds) {
            List<Pending> c = comments.remove(id);
            if (c != null) {
                after.addAll(c);
            }
        }
        String text = p.visible.toString();
        Table t = tables.peek();
        if (t != null && t.cell != null && paras.isEmpty()) {
            if (t.cell.length() > 0) {
                t.cell.append('\n');
            }
            t.cell.append(text);
            t.pending.addAll(after);
            return;
        }
        if (part == Part.COMMENT) {
            emit(Part.COMMENT, text, "批注" + (commentAuthor == null || commentAuthor.isBlank() ? "" : " 作者：" + commentAuthor));
        } else {
            emit(part, text, source);
        }
        for (Pending h : after) {
            emit(h.part(), h.text(), h.source());
        }
    }

    private void emit(Part as, String text, String src) throws ExtractionException {
        if (collected != null) {
            if (!text.isBlank()) {
                collected.computeIfAbsent(commentId == null ? "" : commentId, k -> new ArrayList<>()).add(new Pending(as, text, src));
            }
        } else {
            sink.add(as, text, null, src);
        }
    }

    /** Ends the hidden piece being read in a paragraph, if any. */
    private void closePiece(Para p) {
        if (p.open != null && !p.openText.toString().isBlank()) {
            String what = switch (p.open) {
                case TRACKED_INSERTION -> "修订：插入";
                case TRACKED_DELETION -> "修订：删除";
                default -> "隐藏文字";
            };
            p.pieces.add(new Pending(p.open, p.openText.toString(), prefix() + what));
        }
        p.open = null;
        p.openText = null;
    }

    private String prefix() {
        return source.isEmpty() ? "" : source + " ";
    }

    private Para para() {
        if (paras.isEmpty()) {
            paras.push(new Para());
        }
        return paras.peek();
    }

    private void text(String s) {
        Para p = para();
        Part kind = delDepth > 0 ? Part.TRACKED_DELETION : runHidden ? Part.HIDDEN : insDepth > 0 ? Part.TRACKED_INSERTION : null;
        if (kind != Part.TRACKED_DELETION && kind != Part.HIDDEN) {
            p.visible.append(s);
        }
        if (kind != p.open) {
            closePiece(p);
            p.open = kind;
            p.openText = kind == null ? null : new StringBuilder();
        }
        if (kind != null) {
            p.openText.append(s);
        }
    }

    private static boolean on(String val) {
        return val == null || !(val.equals("0") || val.equalsIgnoreCase("false") || val.equalsIgnoreCase("off"));
    }
}
