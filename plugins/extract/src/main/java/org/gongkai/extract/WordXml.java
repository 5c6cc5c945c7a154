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

    /** Something a paragraph refers to by relationship id: a picture, chart, SmartArt, OLE object, altChunk or link. */
    record Ref(String kind, String id) {
    }

    /** Reads what a reference points at, adding its blocks (of {@code part}) where the paragraph stands. */
    interface Refs {
        void read(Ref ref, Part part) throws ExtractionException;
    }

    static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private static final String WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    private static final String PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture";
    private static final String CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private static final String DGM = "http://schemas.openxmlformats.org/drawingml/2006/diagram";
    private static final String V = "urn:schemas-microsoft-com:vml";
    private static final String O = "urn:schemas-microsoft-com:office:office";

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
        final List<Ref> refs = new ArrayList<>();
        /** The field code being read ({@code w:instrText} between begin and separate), or null. */
        StringBuilder code;
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
        final List<Ref> refs = new ArrayList<>();

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
    private boolean inInstr;
    private Refs refs;

    /** Where references to pictures, charts, objects and links are resolved; none: they are left to the caller's sweep. */
    WordXml refs(Refs r) {
        this.refs = r;
        return this;
    }

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
                        } else if (inInstr && !paras.isEmpty() && paras.peek().code != null) {
                            paras.peek().code.append(r.getText());
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
            drawing(r, ns, name);
            return;
        }
        switch (name) {
            case "p" -> paras.push(new Para());
            case "altChunk" -> ref("altChunk", r.getAttributeValue(R, "id"));
            case "hyperlink" -> {
                ref("hyperlink", r.getAttributeValue(R, "id"));
                metadata(r.getAttributeValue(W, "tooltip"), "超链接提示");
            }
            case "fldChar" -> {
                String type = r.getAttributeValue(W, "fldCharType");
                if ("begin".equals(type)) {
                    para().code = new StringBuilder();
                } else if ("separate".equals(type) || "end".equals(type)) {
                    fieldCode();
                }
            }
            case "fldSimple" -> {
                para().code = new StringBuilder(String.valueOf(r.getAttributeValue(W, "instr")));
                fieldCode();
            }
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
            case "instrText" -> inInstr = true;
            case "delInstrText" -> skipDepth = 1;
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
            case "instrText" -> inInstr = false;
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
                    resolve(t.refs, cell);
                    t.refs.clear();
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
        fieldCode(p);
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
            t.refs.addAll(p.refs);
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
        resolve(p.refs, part);
    }

    private void resolve(List<Ref> list, Part as) throws ExtractionException {
        if (refs != null && collected == null) {
            for (Ref r : list) {
                refs.read(r, as);
            }
        }
    }

    /** Pictures, charts, SmartArt and OLE objects in DrawingML and VML, and their alternative text. */
    private void drawing(XMLStreamReader r, String ns, String name) {
        if (A.equals(ns) && name.equals("blip")) {
            ref("image", r.getAttributeValue(R, "embed"));
        } else if (V.equals(ns) && name.equals("imagedata")) {
            ref("image", r.getAttributeValue(R, "id"));
            metadata(r.getAttributeValue(O, "title"), "图片标题");
        } else if (CHART.equals(ns) && name.equals("chart")) {
            ref("chart", r.getAttributeValue(R, "id"));
        } else if (DGM.equals(ns) && name.equals("relIds")) {
            ref("diagram", r.getAttributeValue(R, "dm"));
        } else if (O.equals(ns) && name.equals("OLEObject")) {
            ref("object", r.getAttributeValue(R, "id"));
        } else if ((WP.equals(ns) && name.equals("docPr")) || (PIC.equals(ns) && name.equals("cNvPr"))) {
            metadata(r.getAttributeValue(null, "descr"), "图片或图形的替代文字");
            metadata(r.getAttributeValue(null, "title"), "图片或图形的标题");
        } else if (V.equals(ns) && (name.equals("shape") || name.equals("rect") || name.equals("roundrect"))) {
            metadata(r.getAttributeValue(null, "alt"), "图形的替代文字");
            metadata(r.getAttributeValue(null, "title"), "图形的标题");
        }
    }

    private void ref(String kind, String id) {
        if (id != null && !id.isBlank()) {
            para().refs.add(new Ref(kind, id));
        }
    }

    /** Text kept in the file beside what the reader sees (alternative text, tool tips, field codes): a metadata block. */
    private void metadata(String text, String source) {
        if (text == null || text.isBlank()) {
            return;
        }
        Para p = para();
        String s = prefix() + source;
        for (Pending x : p.pieces) {
            if (x.text().equals(text.strip())) {
                return; // docPr and cNvPr repeat each other
            }
        }
        p.pieces.add(new Pending(Part.METADATA, text.strip(), s));
    }

    private void fieldCode() {
        if (!paras.isEmpty()) {
            fieldCode(paras.peek());
        }
    }

    /**
     * A field's code ({@code HYPERLINK "…"}, {@code INCLUDETEXT "…"}, {@code MERGEFIELD …}): the reader sees only its
     * result, the code travels with the file. Codes without arguments of their own ({@code PAGE}, {@code NUMPAGES}) are
     * left out; for the rest, the quoted arguments (a link, a path, a tip) one a line, else the whole code.
     */
    private void fieldCode(Para p) {
        if (p.code == null) {
            return;
        }
        String code = p.code.toString().strip();
        p.code = null;
        if (code.isEmpty()) {
            return;
        }
        WordFields.Code c = WordFields.of(code);
        if (c != null) {
            p.pieces.add(new Pending(Part.METADATA, c.text(), prefix() + "域代码 " + c.type()));
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
