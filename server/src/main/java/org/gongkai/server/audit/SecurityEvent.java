package org.gongkai.server.audit;

import java.time.OffsetDateTime;

/** One row of the security audit: who did what to which target, from where, and whether it succeeded. */
public record SecurityEvent(long id, OffsetDateTime occurredAt, String actor, String actorRoles, String action, String outcome, String target,
                            String address, String detail) {
}
