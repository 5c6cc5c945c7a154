package org.gongkai.server.queue;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gongkai.server.http.ApiException;
import org.gongkai.server.http.RequestFields;
import org.gongkai.server.queue.DecisionRequest.Action;

/**
 * A decision as sent, checked for everything that does not need the database: a known action, a version,
 * the comment the action requires (RETURN: reasons; ESCALATE: the note; REGISTER: the reason), and
 * well-formed verdicts (a dismissal needs a reason, its own or the comment).
 */
record ValidDecision(Action action, String comment, int version, List<ValidDecision.Verdict> verdicts, boolean important) {
    private static final int MAX_COMMENT = 4000;
    private static final int MAX_REASON = 2000;

    /** A checked verdict on one finding. */
    record Verdict(String findingId, boolean confirmed, String reason) {
    }

    /** @throws ApiException 400 naming what is wrong */
    static ValidDecision of(DecisionRequest req) {
        if (req == null) {
            throw ApiException.badRequest("BAD_DECISION", "缺少决定内容", "no decision given");
        }
        Action action = parseAction(req.action());
        String comment = RequestFields.text(req.comment(), MAX_COMMENT, "comment");
        if (req.version() == null) {
            throw ApiException.badRequest("VERSION_REQUIRED", "缺少 version（请先获取该事项的当前版本）", "version is required (read the item's current version first)");
        }
        requireComment(action, comment);
        List<Verdict> verdicts = verdicts(req.findings(), comment);
        if (action == Action.RELEASE && !verdicts.isEmpty()) {
            throw ApiException.badRequest("BAD_DECISION", "释放认领时不能同时判定发现", "RELEASE cannot carry finding verdicts");
        }
        return new ValidDecision(action, comment, req.version(), verdicts, Boolean.TRUE.equals(req.important()));
    }

    private static Action parseAction(String a) {
        try {
            return Action.valueOf(a == null ? "" : a.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("BAD_ACTION", "action 取值无效：" + a + "（应为 APPROVE、RETURN、ESCALATE、REDACT、REGISTER 或 RELEASE）",
                    "action must be APPROVE, RETURN, ESCALATE, REDACT, REGISTER or RELEASE, not '" + a + "'");
        }
    }

    private static void requireComment(Action action, String comment) {
        if (comment != null) {
            return;
        }
        switch (action) {
            case RETURN -> throw ApiException.badRequest("COMMENT_REQUIRED", "退回须写明理由（comment）", "RETURN needs the reasons in comment");
            case ESCALATE -> throw ApiException.badRequest("COMMENT_REQUIRED", "报审须写明请示事项（comment）", "ESCALATE needs a note in comment");
            case REGISTER -> throw ApiException.badRequest("COMMENT_REQUIRED", "登记备案须写明不公开理由（comment）", "REGISTER needs the reason in comment");
            default -> { }
        }
    }

    private static List<Verdict> verdicts(List<DecisionRequest.Verdict> in, String comment) {
        if (in == null) {
            return List.of();
        }
        List<Verdict> out = new java.util.ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (DecisionRequest.Verdict v : in) {
            if (v == null || v.id() == null || v.id().isBlank() || v.id().length() > 36) {
                throw ApiException.badRequest("BAD_FINDING", "findings 中每项须有有效的 id", "every entry of findings needs a valid id");
            }
            String verdict = v.verdict() == null ? "" : v.verdict().strip().toUpperCase(Locale.ROOT);
            if (!verdict.equals("CONFIRMED") && !verdict.equals("DISMISSED")) {
                throw ApiException.badRequest("BAD_VERDICT", "verdict 应为 CONFIRMED 或 DISMISSED，而非 " + v.verdict(),
                        "verdict must be CONFIRMED or DISMISSED, not '" + v.verdict() + "'");
            }
            String reason = RequestFields.text(v.reason(), MAX_REASON, "findings.reason");
            if (reason == null && verdict.equals("DISMISSED")) {
                reason = comment == null ? null : comment.length() > MAX_REASON ? comment.substring(0, MAX_REASON) : comment;
                if (reason == null) {
                    throw ApiException.badRequest("REASON_REQUIRED", "排除发现 " + v.id() + " 须说明理由（reason 或 comment）",
                            "dismissing finding " + v.id() + " needs a reason (reason or comment)");
                }
            }
            if (!seen.add(v.id().strip())) {
                throw ApiException.badRequest("DUPLICATE_FINDING", "发现 " + v.id() + " 重复判定", "finding " + v.id() + " is judged twice");
            }
            out.add(new Verdict(v.id().strip(), verdict.equals("CONFIRMED"), reason));
        }
        return List.copyOf(out);
    }
}
