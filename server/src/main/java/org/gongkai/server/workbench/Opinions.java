package org.gongkai.server.workbench;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongkai.server.access.DocumentAccess;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.queue.DecisionRequest;
import org.gongkai.server.queue.QueueConfig;
import org.gongkai.server.storage.Database;

/**
 * The opinions recorded on a document, for the review and approval pages: every decision (who, at which stage, what,
 * with which comment) and each finding's latest verdict (confirmed or dismissed, with the reason), so an approver sees
 * what the levels before them decided and a reviewer who reloads sees what was recorded.
 */
public final class Opinions {
    private final Database db;
    private final DocumentAccess access;
    private final QueueConfig queues;
    private final People people;

    public Opinions(Database db, DocumentAccess access, QueueConfig queues, People people) {
        this.db = db;
        this.access = access;
        this.queues = queues;
        this.people = people;
    }

    /** One decision as pages show it. */
    public record Opinion(String queue, String queueTitle, String stage, String stageTitle, String action, String actionName, String actor,
                          String actorName, String role, OffsetDateTime decidedAt, String comment) {
    }

    /** The latest verdict on one finding. */
    public record Verdict(String findingId, String verdict, String reason, String actor, String actorName, OffsetDateTime decidedAt) {
    }

    public record View(List<Opinion> decisions, List<Verdict> verdicts) {
    }

    public View of(Actor actor, String documentId) {
        access.requireRead(actor, documentId);
        record D(String queue, String stage, String action, String actor, String role, OffsetDateTime at, String comment) {
        }
        record V(String finding, String verdict, String reason, String actor, OffsetDateTime at) {
        }
        List<D> ds = db.jdbi().withHandle(h -> h.createQuery("SELECT queue_name, stage_name, action, actor, actor_role, decided_at, comment_text "
                + "FROM decision WHERE document_id = :id ORDER BY id").bind("id", documentId)
                .map((rs, c) -> new D(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class), rs.getString(7))).list());
        List<V> vs = db.jdbi().withHandle(h -> h.createQuery("SELECT finding_id, verdict, reason, actor, decided_at FROM finding_verdict v "
                + "WHERE document_id = :id AND id = (SELECT MAX(w.id) FROM finding_verdict w WHERE w.finding_id = v.finding_id) ORDER BY id")
                .bind("id", documentId).map((rs, c) -> new V(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class))).list());
        List<String> ids = new ArrayList<>();
        ds.forEach(d -> ids.add(d.actor()));
        vs.forEach(v -> ids.add(v.actor()));
        Map<String, String> names = people.names(ids);
        List<Opinion> opinions = ds.stream().map(d -> {
            QueueConfig.QueueDefinition q = queues.queue(d.queue()).orElse(null);
            String stageTitle = q == null ? d.stage() : q.stages().stream().filter(s -> s.code().equals(d.stage())).map(QueueConfig.Stage::title)
                    .findFirst().orElse(d.stage());
            return new Opinion(d.queue(), q == null ? d.queue() : q.title(), d.stage(), stageTitle, d.action(), actionName(d.action()), d.actor(),
                    names.get(d.actor()), d.role(), d.at(), d.comment());
        }).toList();
        List<Verdict> verdicts = vs.stream().map(v -> new Verdict(v.finding(), v.verdict(), v.reason(), v.actor(), names.get(v.actor()), v.at()))
                .toList();
        return new View(opinions, verdicts);
    }

    private static String actionName(String action) {
        try {
            return DecisionRequest.Action.valueOf(action).chinese();
        } catch (IllegalArgumentException e) {
            return action;
        }
    }
}
