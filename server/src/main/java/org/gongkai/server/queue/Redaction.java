package org.gongkai.server.queue;

import java.time.OffsetDateTime;

/**
 * Content to withhold from a partially disclosed document (区分处理, 《政府信息公开条例》第三十七条): a confirmed
 * finding's place in the original, for the redaction renderer.
 */
public record Redaction(long id, String documentId, String findingId, String category, String part, int startOffset, int endOffset,
                        Integer page, String matchedText, String basis, String actor, OffsetDateTime decidedAt) {
}
