package org.gongkai.marking;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.spi.Block;
import org.gongkai.spi.DetectionContext;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.Part;

/**
 * The lines where a marking stands when it is a marking: the 版头 (before the structure's header end, or the
 * first lines of the document), the top lines of each page, and page headers and footers. The same words
 * further down are prose about markings, not markings. Text kept beside the document's flow — embedded objects
 * (each with a 版头 of its own), alternative text, field codes, form, custom XML and property values — is short and
 * stands alone: each of its lines is a candidate wherever it stands (the detector still requires the whole line to
 * be the marking). So are body blocks that name their source (a chart, SmartArt, a form field, a picture's OCR text,
 * a foot- or endnote). Comments, tracked deletions and hidden text are left to the hidden-content detector.
 */
final class MarkingLines {
    /** Lines from the top of the document or of a page that count as its head. */
    static final int TOP_LINES = 6;

    private MarkingLines() {
    }

    /** A candidate line: original offsets and text with all white space removed. */
    record Candidate(int start, int end, String raw, String compact, Part part) {
    }

    static List<Candidate> of(DetectionContext ctx) {
        DocumentText t = ctx.text();
        int headerEnd = ctx.structure().headerEnd();
        List<Candidate> out = new ArrayList<>();
        int docLines = 0;
        Integer lastPage = null;
        int pageLines = 0;
        for (int b = 0; b < t.blocks().size(); b++) {
            Block block = t.blocks().get(b);
            Part part = block.part();
            if (part == Part.COMMENT || part == Part.TRACKED_DELETION || part == Part.HIDDEN || part == Part.TRACKED_INSERTION) {
                continue; // comments, deletions and hidden text are the hidden-content detector's (HIGH); insertions are inline
            }
            // metadata values, embedded documents and body blocks with a source (a chart, SmartArt, a form field, a
            // picture's text, a note) stand apart from the paragraphs: short and standalone, like headers
            boolean headerPart = part == Part.HEADER || part == Part.FOOTER || part == Part.METADATA || part == Part.ATTACHMENT
                    || part == Part.BODY && !block.source().isEmpty();
            if (block.page() != null && !block.page().equals(lastPage)) {
                lastPage = block.page();
                pageLines = 0;
            }
            int base = t.blockStart(b);
            String text = block.text();
            int from = 0;
            while (from <= text.length()) {
                int nl = text.indexOf('\n', from);
                int to = nl < 0 ? text.length() : nl;
                String raw = text.substring(from, to);
                String compact = raw.replaceAll("[\\s\u3000\u00a0]", "");
                if (!compact.isEmpty()) {
                    boolean top = docLines < TOP_LINES || pageLines < TOP_LINES || base + from < headerEnd;
                    if (headerPart || top) {
                        out.add(new Candidate(base + from, base + to, raw, compact, part));
                    }
                    if (!headerPart) {
                        docLines++;
                        pageLines++;
                    }
                }
                if (nl < 0) {
                    break;
                }
                from = nl + 1;
            }
            if (docLines >= TOP_LINES && (block.page() == null) && base > headerEnd && !headerPart) {
                // past the head of a document without pages: only headers and footers remain of interest
                continue;
            }
        }
        return out;
    }
}
