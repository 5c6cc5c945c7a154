package org.gongkai.server.document;

import java.time.OffsetDateTime;

/** One row of {@code document}. */
public record DocumentRecord(String id, String fileName, String sha256, String mediaType, long sizeBytes, String status,
                             String declaredAttribute, String declaredReason, String department, String supersedes,
                             String duplicateOf, String interpretationSha256, String interpretationName, String uploadedBy,
                             OffsetDateTime receivedAt, OffsetDateTime processingStartedAt, String leaseOwner, OffsetDateTime leaseUntil,
                             int attempts, OffsetDateTime checkedAt, String docType, String elementsJson,
                             String detectedAttribute, String effectiveAttribute, String effectiveReason, String route,
                             String routeRule, String timingsJson, int rowVersion) {
}
