package org.gongkai.extract;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
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
 * and are also reported as blocks. Table cells become one block each. StAX with DTDs and external entities
 * off (no XXE), and faster than building the XMLBeans tree.
 */
final class WordXml {
    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    private static final XMLInputFactory FACTORY = factory();

    private final BlockSink sink;
    private final Part part;
    private final String source;

    /** A paragraph being read: its visible text and the hidden pieces found in it. */
    private static final class Para {
        final StringBuilder visible = new StringBuilder();
        final List<String[]> hidden = new ArrayList<>(); // {part, text, what}
        StringBuilder ins;
        StringBuilder del;
        StringBuilder vanish;
    }

    /** A table cell being read. */
    private static final class Table {
        final int number;
        int row;
        int col;
        StringBuilder cell;

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

    WordXml(BlockSink sink, Part part, String source, int tablesBefore) {
        this.sink = sink;
        this.part = part;
        this.source = source;
        this.tableCount = tablesBefore;
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

    private void start(XMLStreamReader r) throws ExtractionException {
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
            case "ins", "moveTo" -> {
                insDepth++;
                para().ins = new StringBuilder();
            }
            case "del", "moveFrom" -> {
                delDepth++;
                para().del = new StringBuilder();
            }
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
            case "comment" -> commentAuthor = r.getAttributeValue(W, "author");
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
                flushVanish();
            }
            case "ins", "moveTo" -> {
                insDepth = Math.max(0, insDepth - 1);
                Para p = para();
                if (p.ins != null) {
                    p.hidden.add(new String[] {Part.TRACKED_INSERTION.name(), p.ins.toString(), "修订：插入"});
                    p.ins = null;
                }
            }
            case "del", "moveFrom" -> {
                delDepth = Math.max(0, delDepth - 1);
                Para p = para();
                if (p.del != null) {
                    p.hidden.add(new String[] {Part.TRACKED_DELETION.name(), p.del.toString(), "修订：删除"});
                    p.del = null;
                }
            }
            case "p" -> endParagraph();
            case "tc" -> {
                Table t = tables.peek();
                if (t != null && t.cell != null) {
                    sink.add(Part.TABLE, t.cell.toString(), null, prefix() + "表格" + t.number + " 第" + t.row + "行第" + t.col + "列");
                    t.cell = null;
                }
            }
            case "tbl" -> {
                if (!tables.isEmpty()) {
                    tables.pop();
                }
            }
            case "comment" -> commentAuthor = null;
            default -> { }
        }
    }

    private void flushVanish() {
        Para p = paras.peek();
        if (p != null && p.vanish != null) {
            p.hidden.add(new String[] {Part.HIDDEN.name(), p.vanish.toString(), "隐藏文字"});
            p.vanish = null;
        }
    }

    private void endParagraph() throws ExtractionException {
        if (paras.isEmpty()) {
            return;
        }
        Para p = paras.pop();
        String text = p.visible.toString();
        Table t = tables.peek();
        if (t != null && t.cell != null && paras.isEmpty()) {
            if (t.cell.length() > 0) {
                t.cell.append('\n');
            }
            t.cell.append(text);
        } else if (part == Part.COMMENT) {
            sink.add(Part.COMMENT, text, null, "批注" + (commentAuthor == null || commentAuthor.isBlank() ? "" : " 作者：" + commentAuthor));
        } else {
            sink.add(part, text, null, source);
        }
        for (String[] h : p.hidden) {
            if (!h[1].isBlank()) {
                sink.add(Part.valueOf(h[0]), h[1], null, prefix() + h[2]);
            }
        }
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
        if (delDepth > 0) {
            if (p.del == null) {
                p.del = new StringBuilder();
            }
            p.del.append(s);
        } else if (runHidden) {
            if (p.vanish == null) {
                p.vanish = new StringBuilder();
            }
            p.vanish.append(s);
        } else {
            p.visible.append(s);
            if (insDepth > 0 && p.ins != null) {
                p.ins.append(s);
            }
        }
    }

    private static boolean on(String val) {
        return val == null || !(val.equals("0") || val.equalsIgnoreCase("false") || val.equalsIgnoreCase("off"));
    }
}
