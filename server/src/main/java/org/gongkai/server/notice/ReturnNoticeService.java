package org.gongkai.server.notice;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.document.DocumentService;
import org.gongkai.server.document.Report;
import org.gongkai.server.http.ApiException;
import org.gongkai.server.pipeline.ReportedFinding;
import org.gongkai.server.queue.ReturnNotice;
import org.gongkai.spi.Category;
import org.gongkai.spi.Part;

/**
 * Builds the 退回通知 of a returned document: returned by the automatic check (route {@code RETURNED}) or by a
 * reviewer's RETURN decision in a queue. "未标识公开属性的公文，应退回公文起草单位重新办理" (seed 004 附件1 第四条;
 * 003 源头认定制度 第五条).
 */
public final class ReturnNoticeService {
    private static final int MAX_ITEMS = 200;
    private final DocumentService documents;
    private final Function<String, Optional<ReturnNotice>> reviewerNotices;

    public ReturnNoticeService(DocumentService documents, Function<String, Optional<ReturnNotice>> reviewerNotices) {
        this.documents = documents;
        this.reviewerNotices = reviewerNotices;
    }

    public ReturnNoticeView notice(Actor actor, String id) {
        Report r = documents.report(actor, id);
        if (!"CHECKED".equals(r.status())) {
            throw new ApiException(409, "NOT_CHECKED", "文件尚未检查完毕（状态 " + r.status() + "），稍后再取退回通知",
                    "the document is not checked yet (status " + r.status() + "); fetch the notice later");
        }
        Optional<ReturnNotice> byReviewer = reviewerNotices.apply(id);
        if (!"RETURNED".equals(r.route()) && byReviewer.isEmpty()) {
            throw new ApiException(404, "NOT_FOUND", "该文件未被退回（路由 " + r.route() + "），没有退回通知",
                    "the document was not returned (route " + r.route() + "), so it has no return notice");
        }
        List<ReturnNoticeView.Item> reasons = new ArrayList<>();
        List<ReturnNoticeView.Item> advisories = new ArrayList<>();
        r.findings().stream()
                .sorted(Comparator.comparing((ReportedFinding f) -> f.category().kind() != Category.Kind.ATTRIBUTE)
                        .thenComparingInt(f -> f.severity().ordinal()).thenComparingInt(ReportedFinding::start))
                .forEach(f -> (f.category() == Category.FORMAT ? advisories : reasons).add(item(f)));
        String title = r.elements() == null ? null : r.elements().get("title");
        String issuedBy = byReviewer.map(ReturnNotice::issuedBy).orElse("gongkai");
        OffsetDateTime issuedAt = byReviewer.map(ReturnNotice::issuedAt).orElse(r.checkedAt());
        String reviewerText = byReviewer.map(ReturnNotice::noticeText).orElse(null);
        ReturnNoticeView n = new ReturnNoticeView(r.id(), r.fileName(), title, r.department(), r.docType(), r.route(), r.routeName(),
                r.routeRule(), r.checkedAt(), issuedBy, issuedAt, reviewerText, cap(reasons), cap(advisories), r.resubmission(), null);
        return n.withNoticeText(NoticeText.plain(n));
    }

    private static List<ReturnNoticeView.Item> cap(List<ReturnNoticeView.Item> l) {
        return l.size() > MAX_ITEMS ? List.copyOf(l.subList(0, MAX_ITEMS)) : List.copyOf(l);
    }

    private static ReturnNoticeView.Item item(ReportedFinding f) {
        StringBuilder where = new StringBuilder();
        if (f.page() != null) {
            where.append("第 ").append(f.page()).append(" 页");
        }
        if (f.part() != Part.BODY) {
            where.append(where.length() > 0 ? "，" : "").append(NoticeText.partName(f.part()));
        }
        if (f.source() != null && !f.source().isBlank()) {
            where.append(where.length() > 0 ? "，" : "").append(f.source());
        }
        return new ReturnNoticeView.Item(f.id(), f.category().name(), f.categoryName(), f.severity().name(), f.text(), f.page(),
                where.toString(), f.basis(), f.explanation(), Remedies.forCategory(f.category()));
    }
}
