package org.gongkai.server.document;

import java.time.OffsetDateTime;

/** One audit-trail entry: who, in which role, when, what, from which state to which. */
public record Event(long id, String documentId, OffsetDateTime occurredAt, String actor, String actorRole, String action,
                    String fromState, String toState, String detail) {
}
