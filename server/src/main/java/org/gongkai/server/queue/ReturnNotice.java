package org.gongkai.server.queue;

import java.time.OffsetDateTime;

/** The notice sent to the drafter with a returned document (退回通知): why, and what to fix. */
public record ReturnNotice(long id, String documentId, OffsetDateTime issuedAt, String issuedBy, String noticeText) {
}
