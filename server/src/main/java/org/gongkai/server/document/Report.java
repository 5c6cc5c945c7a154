package org.gongkai.server.document;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.gongkai.server.pipeline.ReportedFinding;

/**
 * The report of one document, exactly the shape of shared/CONTRACT.md (fields may be added, never renamed).
 */
public record Report(String id, String fileName, String sha256, String mediaType, long sizeBytes, String status, String docType,
                     Map<String, String> elements, AttributeView attribute, String route, String routeName, String routeRule,
                     List<ReportedFinding> findings, String department, String supersedes, String duplicateOf,
                     OffsetDateTime receivedAt, OffsetDateTime checkedAt, Resubmission resubmission) {

    /** The disclosure attribute as declared, annotated and in effect. */
    public record AttributeView(String declared, String detected, String effective, String reason) {
    }

    /**
     * For a resubmission ({@code supersedes}): which findings of the returned version were fixed, which
     * remain and which are new, matched by category and text.
     */
    public record Resubmission(String supersedes, List<Change> fixed, List<Change> remaining, List<Change> added) {
    }

    /** One finding in a version comparison. */
    public record Change(String category, String categoryName, String text, String explanation) {
    }
}
