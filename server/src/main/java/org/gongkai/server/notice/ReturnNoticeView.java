package org.gongkai.server.notice;

import java.time.OffsetDateTime;
import java.util.List;
import org.gongkai.server.document.Report;

/**
 * A 退回通知 ready to render: which document, who returned it and when, every reason with its legal basis
 * and what to do, format advisories, and — for a resubmission — what changed since the returned version.
 *
 * @param issuedBy    the reviewer who returned it, or {@code "gongkai"} for the automatic check
 * @param reviewerText the reviewer's own notice text, when a reviewer returned it from a queue
 * @param noticeText  the whole notice as plain text (what the HTML and PDF show)
 */
public record ReturnNoticeView(String documentId, String fileName, String title, String department, String docType, String route,
                               String routeName, String routeRule, OffsetDateTime checkedAt, String issuedBy, OffsetDateTime issuedAt,
                               String reviewerText, List<Item> reasons, List<Item> advisories, Report.Resubmission resubmission,
                               String noticeText) {

    /** This notice with its plain text set. */
    public ReturnNoticeView withNoticeText(String text) {
        return new ReturnNoticeView(documentId, fileName, title, department, docType, route, routeName, routeRule, checkedAt, issuedBy,
                issuedAt, reviewerText, reasons, advisories, resubmission, text);
    }

    /** One reason to fix. */
    public record Item(String findingId, String category, String categoryName, String severity, String text, Integer page,
                       String where, String basis, String explanation, String remedy) {
    }
}
