package org.gongkai.server.redaction.preview;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.document.DocumentRecord;
import org.gongkai.server.document.DocumentService;
import org.gongkai.server.document.view.CheckedDocuments;
import org.gongkai.server.document.view.ViewAudit;
import org.gongkai.server.http.ApiException;
import org.gongkai.server.pipeline.ReportedFinding;
import org.gongkai.server.queue.DecisionService;
import org.gongkai.server.queue.Redaction;
import org.gongkai.server.redaction.RedactedCopy;
import org.gongkai.server.redaction.RedactionService;

/**
 * The redacted copy a REDACT decision would make, before it is made: the stored text re-set by the same rules as the
 * publication copy ({@link RedactionService#build}) with the redactions already recorded plus the findings the
 * reviewer is about to confirm. Only for someone who may decide the document now ({@link DecisionService#requireDecider}:
 * the stage's roles, not the drafter, not someone who decided another level), since it lists the removed text.
 * Nothing is recorded but the security-audit line for opening the document.
 */
public final class RedactionPreviewService {
    public static final int MAX_FINDINGS = 1000;
    private static final int MAX_TEXT = 1_000_000;
    static final String BANNER = "【删除预览稿】本稿仅供审查人核对，删除项尚未确认，不得发布 / REDACTION PREVIEW: not confirmed, not for publication";

    private final DocumentService documents;
    private final DecisionService decisions;
    private final CheckedDocuments checked;
    private final ViewAudit audit;

    public RedactionPreviewService(DocumentService documents, DecisionService decisions, CheckedDocuments checked, ViewAudit audit) {
        this.documents = documents;
        this.decisions = decisions;
        this.checked = checked;
        this.audit = audit;
    }

    /** The copy with the given findings removed, with what was asked about. */
    public record Outcome(RedactedCopy copy, List<String> asked, List<String> alreadyRedacted, List<RedactionPreview.NotRemovable> notRemovable) {
    }

    public Outcome copy(Actor actor, String id, List<String> findingIds, String address) {
        if (findingIds == null || findingIds.isEmpty() || findingIds.size() > MAX_FINDINGS) {
            throw ApiException.badRequest("BAD_FINDINGS", "findings 须列出 1–" + MAX_FINDINGS + " 项发现的编号", "findings must list 1 to " + MAX_FINDINGS + " finding ids");
        }
        decisions.requireDecider(actor, id);
        DocumentRecord d = documents.find(id);
        CheckedDocuments.Text text = checked.text(d.id()).orElseThrow(() -> new ApiException(409, "NO_TEXT",
                "该文件没有提取到文本，无法生成删除预览；请人工处理原件", "no text was extracted from this document, so there is nothing to preview; handle the original by hand"));
        List<ReportedFinding> all = checked.findings(d.id());
        Map<String, ReportedFinding> byId = all.stream().collect(Collectors.toMap(ReportedFinding::id, Function.identity()));
        List<Redaction> recorded = checked.redactions(d.id());
        Set<String> done = recorded.stream().map(Redaction::findingId).collect(Collectors.toSet());
        List<Redaction> rs = new ArrayList<>(recorded);
        List<String> already = new ArrayList<>();
        List<RedactionPreview.NotRemovable> notRemovable = new ArrayList<>();
        Set<String> asked = new LinkedHashSet<>(findingIds);
        for (String fid : asked) {
            ReportedFinding f = fid == null ? null : byId.get(fid);
            if (f == null) {
                throw ApiException.badRequest("UNKNOWN_FINDING", "该文件没有编号为 " + fid + " 的发现", "this document has no finding " + fid);
            }
            if (done.contains(fid)) {
                already.add(fid);
            } else if (f.end() <= f.start()) {
                notRemovable.add(new RedactionPreview.NotRemovable(fid, "该发现不对应文中的一段文字（如未标注公开属性），无可删除的内容 / this finding is no passage of the text "
                        + "(e.g. a missing annotation); there is nothing to remove"));
            } else {
                rs.add(new Redaction(0, d.id(), f.id(), f.category().name(), f.part().name(), f.start(), f.end(), f.page(), f.text(), f.basis(),
                        actor.id(), null));
            }
        }
        audit.opened(actor, d.id(), "查看删除预览", all.stream().map(ReportedFinding::category).toList(), address);
        RedactedCopy copy = RedactionService.build(d.id(), d.fileName(), text.text().blocks(), text.complete(), rs);
        return new Outcome(copy, List.copyOf(asked), already, notRemovable);
    }

    /** The JSON form of a preview. */
    public RedactionPreview describe(Outcome o) {
        RedactedCopy c = o.copy();
        List<RedactionPreview.Piece> pieces = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean cut = false;
        for (RedactedCopy.Piece p : c.paragraphs()) {
            String plain = p instanceof RedactedCopy.Paragraph para ? para.text()
                    : ((RedactedCopy.Table) p).rows().stream().map(r -> String.join(" | ", r)).collect(Collectors.joining("\n"));
            if (text.length() + plain.length() > MAX_TEXT) {
                cut = true;
                break;
            }
            text.append(text.length() == 0 ? "" : "\n").append(plain);
            pieces.add(p instanceof RedactedCopy.Paragraph para ? new RedactionPreview.Piece("PARAGRAPH", para.part(), para.text(), null)
                    : new RedactionPreview.Piece("TABLE", "TABLE", null, ((RedactedCopy.Table) p).rows()));
        }
        String base = "/api/v1/documents/" + c.documentId() + "/redaction-preview?format=";
        return new RedactionPreview(c.documentId(), c.fileName(), true, c.complete(), o.asked(), o.alreadyRedacted(), o.notRemovable(), c.removed(),
                c.stripped(), pieces, text.toString(), text.length(), cut, RedactedCopy.MARK, Map.of("docx", base + "docx", "pdf", base + "pdf"));
    }

    /**
     * The copy as a file is written: with a banner, so a preview is never taken for the publication copy — in the
     * page header of a DOCX (on every page), as the first paragraph of a PDF.
     */
    public RedactedCopy withBanner(RedactedCopy c, boolean docx) {
        List<RedactedCopy.Piece> pieces = new ArrayList<>();
        pieces.add(new RedactedCopy.Paragraph(docx ? "HEADER" : "BODY", BANNER));
        pieces.addAll(c.paragraphs());
        return new RedactedCopy(c.documentId(), c.fileName(), pieces, c.removed(), c.stripped(), c.complete());
    }
}
