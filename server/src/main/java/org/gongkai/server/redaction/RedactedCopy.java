package org.gongkai.server.redaction;

import java.util.List;
import java.util.Map;

/**
 * A publication copy of a partially disclosed document (区分处理, 《政府信息公开条例》第三十七条): the visible
 * text with every redaction removed, and the record of what was removed and what was stripped.
 *
 * @param paragraphs the copy's content in reading order; table cells grouped into {@link Table}s
 * @param removed    each removal: what, where, why and who decided it
 * @param stripped   hidden parts left out entirely, by part name, with the number of blocks
 * @param complete   whether the original's text was extracted completely (if not, the copy may lack content)
 */
public record RedactedCopy(String documentId, String fileName, List<Piece> paragraphs, List<Removal> removed, Map<String, Integer> stripped,
                           boolean complete) {

    /** Marker that replaces removed text in the copy. */
    public static final String MARK = "〔已删除〕";

    /** A paragraph or a table of the copy. */
    public sealed interface Piece permits Paragraph, Table {
    }

    /** One paragraph; {@code part} BODY, HEADER, FOOTER or TRACKED_INSERTION (accepted). */
    public record Paragraph(String part, String text) implements Piece {
    }

    /** A table rebuilt from its cells: rows of cell texts. */
    public record Table(List<List<String>> rows) implements Piece {
    }

    /**
     * One removed passage.
     *
     * @param text       the removed text (in this record only, never in the copy)
     * @param occurrence {@code "finding"} for the confirmed finding itself, {@code "repeat"} for another
     *                   occurrence of the same text elsewhere in the document
     */
    public record Removal(String findingId, String category, String categoryName, String text, String where, String basis,
                          String decidedBy, String decidedAt, String occurrence) {
    }
}
