package org.gongkai.server.redaction.preview;

import java.util.List;
import java.util.Map;
import org.gongkai.server.redaction.RedactedCopy;

/**
 * What the publication copy would contain if the given findings were confirmed and the document decided REDACT
 * ({@code POST /api/v1/documents/{id}/redaction-preview}); nothing is recorded.
 *
 * @param findings        the findings asked about
 * @param alreadyRedacted findings an earlier REDACT decision already removes (they are in the preview too)
 * @param notRemovable    findings that are no passage of the text (e.g. a missing annotation), with the reason
 * @param removed         every passage the copy leaves out: the findings and every repeat of their text elsewhere
 * @param stripped        hidden parts left out whole (comments, tracked deletions, hidden text, properties …), blocks per part
 * @param pieces          the copy in reading order: paragraphs and tables, removed passages replaced by {@code marker}
 * @param text            the copy as plain text (table cells separated by " | ")
 * @param cut             true when the copy was longer than one answer holds and {@code pieces}/{@code text} stop early
 * @param downloads       the same request with {@code ?format=docx} or {@code ?format=pdf} gives the preview file
 */
public record RedactionPreview(String documentId, String fileName, boolean preview, boolean complete, List<String> findings,
                               List<String> alreadyRedacted, List<NotRemovable> notRemovable, List<RedactedCopy.Removal> removed,
                               Map<String, Integer> stripped, List<Piece> pieces, String text, int textLength, boolean cut, String marker,
                               Map<String, String> downloads) {

    /** A finding the copy cannot leave out as a passage. */
    public record NotRemovable(String findingId, String reason) {
    }

    /** A paragraph ({@code type} PARAGRAPH, with its part and text) or a table ({@code type} TABLE, rows of cells). */
    public record Piece(String type, String part, String text, List<List<String>> rows) {
    }
}
