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
                     OffsetDateTime receivedAt, OffsetDateTime checkedAt, Resubmission resubmission, List<ImageView> images) {

    /** The report without the pictures' list (documents checked before it existed, or without pictures). */
    public Report(String id, String fileName, String sha256, String mediaType, long sizeBytes, String status, String docType,
                  Map<String, String> elements, AttributeView attribute, String route, String routeName, String routeRule,
                  List<ReportedFinding> findings, String department, String supersedes, String duplicateOf,
                  OffsetDateTime receivedAt, OffsetDateTime checkedAt, Resubmission resubmission) {
        this(id, fileName, sha256, mediaType, sizeBytes, status, docType, elements, attribute, route, routeName, routeRule, findings, department,
                supersedes, duplicateOf, receivedAt, checkedAt, resubmission, List.of());
    }

    /**
     * One picture of the document and what became of it: {@code READ} (OCR'd; its text was checked), {@code EMPTY} (OCR
     * found no text), {@code DUPLICATE} (the same picture was read before), {@code TOO_SMALL} (cannot hold a line of
     * text), {@code UNREAD} (could hold text but was not read: the document went to manual review with the reason).
     */
    public record ImageView(String status, String source, String detail) {
        /** The pictures from an extractor's {@code images} property (one line each: status, source, detail by tabs). */
        public static List<ImageView> parse(String property) {
            if (property == null || property.isBlank()) {
                return List.of();
            }
            List<ImageView> out = new java.util.ArrayList<>();
            for (String line : property.split("\n")) {
                String[] c = line.split("\t", 3);
                out.add(new ImageView(c[0], c.length > 1 ? c[1] : "", c.length > 2 ? c[2] : ""));
            }
            return out;
        }
    }

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
