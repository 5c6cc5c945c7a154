package org.gongkai.server.queue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gongkai.server.access.DocumentAccess;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.document.CheckListener;
import org.gongkai.server.document.DocumentRecord;
import org.gongkai.server.document.EventDao;
import org.gongkai.server.http.ApiException;
import org.gongkai.server.pipeline.CheckResult;
import org.gongkai.server.pipeline.ReportedFinding;
import org.gongkai.server.storage.Database;
import org.gongkai.spi.Severity;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * The review queues: a checked document enters the queue its route feeds ({@link #checkListener()}),
 * reviewers list queues, claim the most urgent item nobody holds, and renew their claims. Decisions are
 * {@link DecisionService}'s. Claims are conditional updates, so any number of servers may share one database.
 */
public final class QueueService {
    /** Rounds of "pick candidates, try to claim one" before concluding that contention won. */
    private static final int CLAIM_ROUNDS = 50;
    private final Database db;
    private final QueueConfig config;
    private final ReviewClock clock;
    private final DocumentAccess access;

    public QueueService(Database db, QueueConfig config, ReviewClock clock, DocumentAccess access) {
        this.db = db;
        this.config = config;
        this.clock = clock;
        this.access = access;
    }

    /**
     * Open and overdue counts of one queue (shared/CONTRACT.md).
     *
     * @param bulkApprove codes of the stages the actor works here at which policy allows approving several documents at once
     */
    public record QueueSummary(String name, String title, int open, int overdue, List<String> bulkApprove) {
    }

    /**
     * What a queue looks like today, for the daily digest.
     *
     * @param dueSoon     open items due within three working days (not yet overdue)
     * @param newOnDate   items that entered the queue on {@code date} and are still open
     * @param decisions   decisions taken in the queue on {@code date}, by action
     */
    public record Digest(String queue, String title, LocalDate date, int open, int overdue, int unclaimed, int newOnDate,
                         Map<String, Integer> decisions, List<ItemView> overdueItems, List<ItemView> dueSoon) {
    }

    /** Tells this service about every checked document, inside the transaction storing the result. */
    public CheckListener checkListener() {
        return this::enqueue;
    }

    /** The queues the actor works (a stage of which their roles may decide), with their counts and the stages they may bulk-approve. */
    public List<QueueSummary> queues(Actor actor) {
        return summaries(actor).stream().filter(s -> !config.queue(s.name()).orElseThrow().stagesFor(actor).isEmpty()).toList();
    }

    /** Every configured queue with its open and overdue counts (for metrics; no documents, no one's stages). */
    public List<QueueSummary> counts() {
        return summaries(Actor.SYSTEM);
    }

    private List<QueueSummary> summaries(Actor actor) {
        Map<String, QueueDao.QueueCount> counts = new TreeMap<>();
        db.jdbi().withExtension(QueueDao.class, d -> d.counts(clock.today())).forEach(c -> counts.put(c.queueName(), c));
        return config.queues().values().stream().map(q -> {
            QueueDao.QueueCount c = counts.get(q.name());
            List<String> bulk = q.stagesFor(actor).stream().filter(q::bulkApproves).map(i -> q.stages().get(i).code()).toList();
            return new QueueSummary(q.name(), q.title(), c == null ? 0 : c.openCount(), c == null ? 0 : c.overdueCount(), bulk);
        }).toList();
    }

    /** Open items of a queue the actor works, those they may open, most urgent first. */
    public List<ItemView> items(Actor actor, String queue) {
        QueueConfig.QueueDefinition q = worked(actor, queue);
        List<QueueItem> open = db.jdbi().withExtension(QueueDao.class, d -> d.open(q.name()));
        java.util.Set<String> readable = access.readable(actor, open.stream().map(QueueItem::documentId).toList());
        return open.stream().filter(i -> readable.contains(i.documentId())).map(clock::view).toList();
    }

    /** Where a document stands in review. */
    public ItemView item(Actor actor, String documentId) {
        access.requireRead(actor, documentId);
        return clock.view(find(documentId));
    }

    /**
     * Claims the most urgent open item of the queue that nobody holds and whose current stage the actor's role
     * may decide: worst severity, then nearest deadline, then longest waiting. Never one already claimed, by
     * anyone, the caller included.
     *
     * @return the item now held by the actor, or empty when there is none
     */
    public Optional<ItemView> claim(Actor actor, String queue) {
        QueueConfig.QueueDefinition q = worked(actor, queue);
        List<Integer> stages = q.stagesFor(actor);
        // stages the actor decides for every department, and those bound to their own department
        List<Integer> free = stages.stream().filter(i -> q.stages().get(i).actingRole(actor, null).isPresent()).toList();
        List<Integer> bound = stages.stream().filter(i -> !free.contains(i)).toList();
        for (int round = 0; round < CLAIM_ROUNDS; round++) {
            OffsetDateTime now = clock.now();
            List<QueueDao.Candidate> candidates = db.jdbi().withExtension(QueueDao.class,
                    d -> d.claimable(q.name(), free, bound, actor.department(), now, actor.id()));
            if (candidates.isEmpty()) {
                return Optional.empty();
            }
            for (QueueDao.Candidate c : candidates) {
                if (tryClaim(actor, c, now)) {
                    return Optional.of(clock.view(find(c.documentId())));
                }
            }
        }
        return Optional.empty();
    }

    private boolean tryClaim(Actor actor, QueueDao.Candidate c, OffsetDateTime now) {
        OffsetDateTime until = now.plus(config.lease());
        try {
            return db.jdbi().inTransaction(h -> {
                QueueDao dao = h.attach(QueueDao.class);
                QueueItem it = dao.find(c.documentId()).orElseThrow();
                QueueConfig.QueueDefinition q = config.queue(it.queueName()).orElseThrow();
                String role = actor.roleFor(q.stages().get(Math.min(it.stage(), q.stages().size() - 1)).roles()).name();
                if (dao.claim(c.documentId(), c.version(), actor.id(), role, now, until) != 1) {
                    return false;
                }
                String state = it.auditState();
                h.attach(EventDao.class).append(c.documentId(), now, actor.id(), role, "CLAIMED", state, state,
                        "认领，租约至 " + until + "；版本 " + c.version() + "→" + (c.version() + 1));
                return true;
            });
        } catch (JdbiException e) {
            if (Contention.isContention(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Extends the actor's claim on an item by one lease period. */
    public ItemView renew(Actor actor, String queue, String documentId) {
        QueueConfig.QueueDefinition q = worked(actor, queue);
        QueueItem it = find(documentId);
        if (!it.queueName().equals(q.name())) {
            throw ApiException.notFound("队列 " + q.name() + " 中的文件 / item in queue " + q.name(), documentId);
        }
        OffsetDateTime now = clock.now();
        int n = db.jdbi().withExtension(QueueDao.class, d -> d.renew(documentId, actor.id(), now, now.plus(config.lease())));
        if (n == 1) {
            return clock.view(find(documentId));
        }
        QueueItem cur = find(documentId);
        if (!cur.open()) {
            throw Conflicts.closed(cur);
        }
        if (cur.claimedAt(now)) {
            throw Conflicts.claimedByOther(cur);
        }
        throw new ApiException(409, "CLAIM_EXPIRED", "认领已过期或已释放，请重新认领", "the claim has expired or was released; claim the item again");
    }

    /** The daily digest of a queue: counts, overdue items, items due soon, and the day's decisions. */
    public Digest digest(Actor actor, String queue, LocalDate date) {
        QueueConfig.QueueDefinition q = worked(actor, queue);
        LocalDate day = date == null ? clock.today() : date;
        OffsetDateTime from = day.atStartOfDay(ReviewClock.CHINA).toOffsetDateTime();
        OffsetDateTime to = day.plusDays(1).atStartOfDay(ReviewClock.CHINA).toOffsetDateTime();
        List<ItemView> open = items(actor, queue);
        Map<String, Integer> decisions = new TreeMap<>();
        db.jdbi().withExtension(DecisionDao.class, d -> d.actionsBetween(q.name(), from, to)).forEach(a -> decisions.put(a.action(), a.total()));
        int entered = db.jdbi().withExtension(QueueDao.class, d -> d.enteredBetween(q.name(), from, to));
        List<ItemView> overdue = open.stream().filter(ItemView::overdue).toList();
        List<ItemView> soon = open.stream().filter(i -> !i.overdue() && i.workingDaysLeft() <= 3).toList();
        int unclaimed = (int) open.stream().filter(i -> i.claimant() == null).count();
        return new Digest(q.name(), q.title(), day, open.size(), overdue.size(), unclaimed, entered, decisions, overdue, soon);
    }

    QueueConfig.QueueDefinition queue(String name) {
        return config.queue(name).orElseThrow(() -> ApiException.notFound("队列 / queue", String.valueOf(name)));
    }

    /** A queue the actor works; 403 for a queue none of whose stages their roles decide. */
    private QueueConfig.QueueDefinition worked(Actor actor, String name) {
        QueueConfig.QueueDefinition q = queue(name);
        if (q.stagesFor(actor).isEmpty()) {
            throw new ApiException(403, "ROLE_NOT_ALLOWED", "您的角色不处理队列「" + q.title() + "」", "your roles do not work queue " + q.name());
        }
        return q;
    }

    private QueueItem find(String documentId) {
        if (documentId == null || documentId.length() > 36) {
            throw ApiException.notFound("审查事项 / review item", String.valueOf(documentId));
        }
        return db.jdbi().withExtension(QueueDao.class, d -> d.find(documentId))
                .orElseThrow(() -> ApiException.notFound("审查事项 / review item", documentId));
    }

    /** Puts a checked document into the queue of its route (a re-check moves an existing item there). */
    void enqueue(Handle h, DocumentRecord d, CheckResult r) {
        QueueConfig.QueueDefinition q = config.queueForRoute(r.route());
        OffsetDateTime now = clock.now();
        Severity worst = r.findings().stream().map(ReportedFinding::severity).min(Enum::compareTo).orElse(null);
        boolean important = r.findings().stream()
                .anyMatch(f -> f.severity() != Severity.INFO && config.importantCategories().contains(f.category()));
        String title = r.elements() == null ? null : r.elements().get("title");
        if (title == null || title.isBlank()) {
            title = d.fileName();
        }
        title = title.length() > 1000 ? title.substring(0, 1000) : title;
        String attribute = r.effective() == null ? null : r.effective().name();
        LocalDate formed = clock.formedOn(r.elements() == null ? null : r.elements().get("date"), d.receivedAt());
        QueueItem fresh = new QueueItem(d.id(), q.name(), 0, QueueItem.OPEN, null, title, d.department(), attribute,
                worst == null ? null : worst.name(), worst == null ? Severity.values().length : worst.ordinal(), important, formed,
                clock.publicationDue(formed, attribute), now, now.toLocalDate(), now.toLocalDate(), null, null, null, null, null, 0)
                .withPosition(q.name(), q.firstStage(important), now, clock.queueDue(q));
        QueueDao dao = h.attach(QueueDao.class);
        Optional<QueueItem> existing = dao.find(d.id());
        if (existing.isPresent()) {
            dao.update(fresh.withVersion(existing.get().version() + 1));
        } else {
            dao.insert(fresh);
        }
        h.attach(EventDao.class).append(d.id(), now, Actor.SYSTEM.id(), Actor.SYSTEM.primaryRole().name(), "QUEUED", "CHECKED", fresh.auditState(),
                "进入队列 " + q.title() + "（" + q.name() + "），第 1 级：" + q.stages().get(fresh.stage()).title() + "；期限 " + fresh.dueOn()
                        + (fresh.publicationDue() == null ? "" : "（公开期限 " + fresh.publicationDue() + "，条例第二十六条）")
                        + (important ? "；重要信息/敏感信息" : ""));
    }
}
