package org.gongkai.server.queue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongkai.server.access.DocumentAccess;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.document.DocumentDao;
import org.gongkai.server.document.DocumentRecord;
import org.gongkai.server.document.EventDao;
import org.gongkai.server.document.FindingDao;
import org.gongkai.server.http.ApiException;
import org.gongkai.server.pipeline.ReportedFinding;
import org.gongkai.server.queue.DecisionRequest.Action;
import org.gongkai.server.storage.Database;
import org.gongkai.spi.Severity;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * Reviewers' decisions (shared/CONTRACT.md): each one is checked against the item's version and claim, the
 * stage's roles and the action's own rules, then applied in one transaction that moves the item, records
 * per-finding verdicts, redactions or the return notice, and appends the decision to {@code decision} and the
 * audit trail. Two reviewers can never both decide one item: the row is taken by a conditional update on
 * {@code version}.
 */
public final class DecisionService {
    private static final int MAX_BULK = 200;
    private final Database db;
    private final QueueConfig config;
    private final ReviewClock clock;
    private final DocumentAccess access;

    public DecisionService(Database db, QueueConfig config, ReviewClock clock, DocumentAccess access) {
        this.db = db;
        this.config = config;
        this.clock = clock;
        this.access = access;
    }

    /** One decision of a bulk request. */
    public record BulkItem(String documentId, DecisionRequest decision) {
    }

    /** The outcome of one decision of a bulk request: the new state, or the error it met. */
    public record BulkResult(String documentId, int status, ItemView item, Map<String, String> error) {
    }

    /**
     * Applies one decision.
     *
     * @return the item's new state
     * @throws ApiException 400 for a malformed decision, 403 when the actor's role may not decide at this stage,
     *                      404 for an unknown document, 409 when the version is stale, another reviewer holds
     *                      the claim, or review has ended
     */
    public ItemView decide(Actor actor, String documentId, DecisionRequest req) {
        ValidDecision v = ValidDecision.of(req);
        if (!actor.hasAny(Actor.Role.documentRoles())) {
            throw new ApiException(403, "ROLE_NOT_ALLOWED", "管理员和系统不作审查决定（三员分立）", "administrators and the system take no review decisions");
        }
        access.requireRead(actor, documentId);
        try {
            return db.jdbi().inTransaction(h -> apply(h, actor, documentId, v.action(), v.comment(), v.version(), v.verdicts(), v.important()));
        } catch (JdbiException e) {
            if (Contention.isContention(e)) {
                throw new ApiException(409, "CONCURRENT_DECISION", "另一审查人正在处理该文件，请刷新后重试", "another reviewer is deciding this item; reload and retry");
            }
            throw e;
        }
    }

    /** Applies several decisions, each through the same checks and in its own transaction. */
    public List<BulkResult> bulk(Actor actor, List<BulkItem> items) {
        if (items == null || items.isEmpty() || items.size() > MAX_BULK) {
            throw ApiException.badRequest("BAD_BULK", "批量决定须包含 1–" + MAX_BULK + " 项", "a bulk decision needs 1 to " + MAX_BULK + " items");
        }
        List<BulkResult> out = new ArrayList<>();
        for (BulkItem i : items) {
            try {
                requireBulkAllowed(i);
                out.add(new BulkResult(i.documentId(), 200, decide(actor, i.documentId(), i.decision()), null));
            } catch (ApiException e) {
                out.add(new BulkResult(i.documentId(), e.status(), null, Map.of("code", e.code(), "message", e.getMessage())));
            }
        }
        return out;
    }

    /**
     * Approving in bulk only where the queue configuration allows it at the item's stage ({@code bulkApprove}), and never
     * a document marked 重要信息/敏感信息: a secrecy reviewer, or a leader with an important document, looks at each one.
     */
    private void requireBulkAllowed(BulkItem i) {
        if (i.decision() == null || !"APPROVE".equals(i.decision().action()) || i.documentId() == null || i.documentId().length() > 36) {
            return;
        }
        db.jdbi().withExtension(QueueDao.class, d -> d.find(i.documentId())).filter(QueueItem::open).ifPresent(it -> {
            boolean allowed = !it.important() && config.queue(it.queueName()).map(q -> q.bulkApproves(it.stage())).orElse(false);
            if (!allowed) {
                throw new ApiException(403, "BULK_NOT_ALLOWED", "此审核环节或重要信息不允许批量通过，请逐件审核后决定",
                        "this stage does not allow approval in bulk; decide each document on its own");
            }
        });
    }

    /**
     * The role in which the actor could decide the document's current stage now — the same checks as
     * {@link #decide} before it takes the item (separation of duties included), without deciding anything. For
     * what only a deciding reviewer may see, such as the preview of a redacted copy.
     *
     * @throws ApiException 404 unknown or not readable, 403 not allowed to decide at this stage, 409 review has ended
     */
    public Actor.Role requireDecider(Actor actor, String documentId) {
        access.requireRead(actor, documentId);
        return db.jdbi().withHandle(h -> {
            QueueItem it = h.attach(QueueDao.class).find(documentId)
                    .orElseThrow(() -> ApiException.notFound("审查事项 / review item", documentId));
            if (!it.open()) {
                throw Conflicts.closed(it);
            }
            QueueConfig.QueueDefinition q = config.queue(it.queueName()).orElseThrow(() -> new ApiException(409, "UNKNOWN_QUEUE",
                    "该文件所在队列 " + it.queueName() + " 已不在配置中，请联系管理员", "the item's queue " + it.queueName() + " is no longer configured"));
            return Eligibility.actingRole(h, actor, it, q, q.stages().get(Math.min(it.stage(), q.stages().size() - 1)));
        });
    }

    /** The redactions recorded for a document (for the redaction renderer). */
    public List<Redaction> redactions(Actor actor, String documentId) {
        access.requireRead(actor, documentId);
        return db.jdbi().withExtension(DecisionDao.class, d -> d.redactions(documentId));
    }

    /** The latest return notice of a document. */
    public ReturnNotice returnNotice(Actor actor, String documentId) {
        access.requireRead(actor, documentId);
        return db.jdbi().withExtension(DecisionDao.class, d -> d.latestNotice(documentId))
                .orElseThrow(() -> ApiException.notFound("退回通知 / return notice", documentId));
    }

    /** The latest notice a reviewer wrote when returning the document, if any (for the notice renderer). */
    public java.util.Optional<ReturnNotice> latestReturnNotice(String documentId) {
        if (documentId == null || documentId.length() > 36) {
            return java.util.Optional.empty();
        }
        return db.jdbi().withExtension(DecisionDao.class, d -> d.latestNotice(documentId));
    }

    private ItemView apply(Handle h, Actor actor, String documentId, Action action, String comment, int version, List<ValidDecision.Verdict> verdicts,
                           boolean markImportant) {
        QueueDao dao = h.attach(QueueDao.class);
        QueueItem it = (documentId == null || documentId.length() > 36 ? java.util.Optional.<QueueItem>empty() : dao.find(documentId))
                .orElseThrow(() -> ApiException.notFound("审查事项 / review item", String.valueOf(documentId)));
        OffsetDateTime now = clock.now();
        if (!it.open()) {
            throw Conflicts.closed(it);
        }
        if (it.claimedAt(now) && !it.claimant().equals(actor.id())) {
            throw Conflicts.claimedByOther(it);
        }
        if (it.version() != version) {
            throw Conflicts.stale(it, version);
        }
        QueueConfig.QueueDefinition q = config.queue(it.queueName()).orElseThrow(() -> new ApiException(409, "UNKNOWN_QUEUE",
                "该文件所在队列 " + it.queueName() + " 已不在配置中，请联系管理员", "the item's queue " + it.queueName() + " is no longer configured"));
        QueueConfig.Stage stage = q.stages().get(Math.min(it.stage(), q.stages().size() - 1));
        if (action == Action.RELEASE) {
            return release(h, actor, it, stage, comment, now);
        }
        Actor.Role role = Eligibility.actingRole(h, actor, it, q, stage);
        if (dao.takeForDecision(documentId, version, actor.id(), now) != 1) {
            throw Conflicts.stale(dao.find(documentId).orElseThrow(), version);
        }
        QueueItem cur = it.withVersion(version + 1);
        if (markImportant || action == Action.ESCALATE) {
            cur = cur.withImportant(true);
        }
        recordVerdicts(h, actor, role, documentId, verdicts, now);
        QueueItem next = switch (action) {
            case APPROVE -> advance(cur, q, now);
            case REDACT -> advance(redact(h, actor, cur, now), q, now);
            case RETURN -> {
                writeNotice(h, actor, cur, stage, comment, now);
                yield cur.closed(QueueConfig.RETURNED, now);
            }
            case ESCALATE -> {
                if (q.escalate() == null) {
                    throw ApiException.badRequest("NO_ESCALATION", "队列 " + q.title() + " 未配置报审去向", "queue " + q.name() + " has no escalation queue configured");
                }
                yield enter(cur, config.queue(q.escalate()).orElseThrow(), now);
            }
            case REGISTER -> cur.closed(QueueConfig.REGISTERED, now);
            case RELEASE -> throw new IllegalStateException("handled above");
        };
        dao.update(next);
        record(h, actor, role, it, next, q, stage, action, comment, verdicts, now);
        return clock.view(next);
    }

    private ItemView release(Handle h, Actor actor, QueueItem it, QueueConfig.Stage stage, String comment, OffsetDateTime now) {
        if (!it.claimedAt(clock.now())) {
            throw new ApiException(409, "NOT_CLAIMED", "该文件当前无人认领，无需释放", "nobody holds a claim on this item");
        }
        QueueItem next = it.withStage(it.stage()).withVersion(it.version() + 1);
        if (h.attach(QueueDao.class).release(it.documentId(), it.version()) != 1) {
            throw Conflicts.stale(h.attach(QueueDao.class).find(it.documentId()).orElseThrow(), it.version());
        }
        record(h, actor, actor.roleFor(stage.roles()), it, next, config.queue(it.queueName()).orElseThrow(), stage, Action.RELEASE, comment,
                List.of(), now);
        return clock.view(next);
    }

    /** To the next stage that applies, or where the queue's approval leads after the last. */
    private QueueItem advance(QueueItem cur, QueueConfig.QueueDefinition q, OffsetDateTime now) {
        int next = q.nextStage(cur.stage(), cur.important());
        if (next >= 0) {
            return cur.withStage(next);
        }
        return switch (q.approve()) {
            case QueueConfig.PUBLISHED, QueueConfig.REGISTERED -> cur.closed(q.approve(), now);
            default -> enter(cur, config.queue(q.approve()).orElseThrow(), now);
        };
    }

    private QueueItem enter(QueueItem cur, QueueConfig.QueueDefinition target, OffsetDateTime now) {
        return cur.withPosition(target.name(), target.firstStage(cur.important()), now, clock.queueDue(target));
    }

    /** 区分处理 (条例第三十七条): every confirmed finding becomes a redaction; the document becomes 部分公开. */
    private QueueItem redact(Handle h, Actor actor, QueueItem cur, OffsetDateTime now) {
        DecisionDao dd = h.attach(DecisionDao.class);
        List<String> confirmed = dd.latestVerdicts(cur.documentId()).stream().filter(v -> v.verdict().equals("CONFIRMED"))
                .map(DecisionDao.VerdictRow::findingId).toList();
        if (confirmed.isEmpty()) {
            throw ApiException.badRequest("NO_CONFIRMED_FINDINGS", "区分处理须至少确认一项发现（findings 中 verdict 为 CONFIRMED）",
                    "REDACT needs at least one CONFIRMED finding");
        }
        for (String f : confirmed) {
            dd.insertRedaction(cur.documentId(), f, actor.id(), now);
        }
        // every server's search index follows: withheld text leaves the index and its snippets (issue 12)
        org.gongkai.server.storage.ChangeLog.append(h, cur.documentId(), org.gongkai.server.storage.ChangeLog.Kind.REDACTED, now);
        return cur.withAttribute("PARTIAL");
    }

    private void writeNotice(Handle h, Actor actor, QueueItem cur, QueueConfig.Stage stage, String comment, OffsetDateTime now) {
        DocumentRecord d = h.attach(DocumentDao.class).find(cur.documentId()).orElseThrow();
        Set<String> dismissed = h.attach(DecisionDao.class).latestVerdicts(cur.documentId()).stream()
                .filter(v -> v.verdict().equals("DISMISSED")).map(DecisionDao.VerdictRow::findingId).collect(Collectors.toSet());
        List<ReportedFinding> standing = h.attach(FindingDao.class).forDocument(cur.documentId()).stream()
                .filter(f -> f.severity() != Severity.INFO && !dismissed.contains(f.id())).toList();
        String q = config.queue(cur.queueName()).map(QueueConfig.QueueDefinition::title).orElse(cur.queueName());
        h.attach(DecisionDao.class).insertNotice(cur.documentId(), now, actor.id(),
                ReturnNoticeText.compose(d, cur, q + "（" + stage.title() + "）", actor.id(), clock.day(now), comment, standing));
    }

    private void recordVerdicts(Handle h, Actor actor, Actor.Role role, String documentId, List<ValidDecision.Verdict> verdicts, OffsetDateTime now) {
        if (verdicts.isEmpty()) {
            return;
        }
        Set<String> ids = h.attach(FindingDao.class).forDocument(documentId).stream().map(ReportedFinding::id).collect(Collectors.toSet());
        DecisionDao dd = h.attach(DecisionDao.class);
        for (ValidDecision.Verdict v : verdicts) {
            if (!ids.contains(v.findingId())) {
                throw ApiException.badRequest("UNKNOWN_FINDING", "该文件没有编号为 " + v.findingId() + " 的发现", "this document has no finding " + v.findingId());
            }
            dd.insertVerdict(documentId, v.findingId(), v.confirmed() ? "CONFIRMED" : "DISMISSED", v.reason(), actor.id(), role.name(), now);
        }
    }

    private void record(Handle h, Actor actor, Actor.Role role, QueueItem before, QueueItem after, QueueConfig.QueueDefinition q, QueueConfig.Stage stage,
                        Action action, String comment, List<ValidDecision.Verdict> verdicts, OffsetDateTime now) {
        h.attach(DecisionDao.class).insertDecision(before.documentId(), before.queueName(), stage.code(), action.name(), actor.id(),
                role.name(), now, before.auditState(), after.auditState(), comment, after.version());
        long confirmed = verdicts.stream().filter(ValidDecision.Verdict::confirmed).count();
        String detail = q.title() + "「" + stage.title() + "」：" + action.chinese() + "；版本 " + before.version() + "→" + after.version()
                + (verdicts.isEmpty() ? "" : "；发现 " + confirmed + " 项确认、" + (verdicts.size() - confirmed) + " 项排除")
                + (comment == null ? "" : "；意见：" + comment);
        h.attach(EventDao.class).append(before.documentId(), now, actor.id(), role.name(), action.name(), before.auditState(),
                after.auditState(), detail.length() > 4000 ? detail.substring(0, 3999) + "…" : detail);
    }
}
