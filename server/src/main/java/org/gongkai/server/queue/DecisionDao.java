package org.gongkai.server.queue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for decisions, finding verdicts, redactions and return notices: all append-only. */
@RegisterConstructorMapper(DecisionDao.VerdictRow.class)
@RegisterConstructorMapper(Redaction.class)
@RegisterConstructorMapper(ReturnNotice.class)
@RegisterConstructorMapper(DecisionDao.ActionCount.class)
@RegisterConstructorMapper(DecisionDao.DismissalRow.class)
public interface DecisionDao {

    /** The latest verdict on one finding. */
    record VerdictRow(String findingId, String verdict, String reason) {
    }

    /** Decisions of one action. */
    record ActionCount(String action, int total) {
    }

    /** A latest verdict with the finding it judges, for allow-list suggestions. */
    record DismissalRow(String category, String matchedText, String detector, String verdict, String reason, String documentId) {
    }

    @SqlUpdate("INSERT INTO decision (document_id, queue_name, stage_name, action, actor, actor_role, decided_at, from_state, to_state, "
            + "comment_text, version) VALUES (:doc, :queue, :stage, :action, :actor, :role, :at, :from, :to, :comment, :version)")
    void insertDecision(@Bind("doc") String documentId, @Bind("queue") String queue, @Bind("stage") String stage, @Bind("action") String action,
                        @Bind("actor") String actor, @Bind("role") String role, @Bind("at") OffsetDateTime at, @Bind("from") String from,
                        @Bind("to") String to, @Bind("comment") String comment, @Bind("version") int version);

    /** Decisions (other than releasing a claim) one actor has taken on a document, at any stage of any queue. */
    @SqlQuery("SELECT COUNT(*) FROM decision WHERE document_id = :doc AND actor = :actor AND action <> 'RELEASE'")
    int decisionsBy(@Bind("doc") String documentId, @Bind("actor") String actor);

    @SqlUpdate("INSERT INTO finding_verdict (document_id, finding_id, verdict, reason, actor, actor_role, decided_at) "
            + "VALUES (:doc, :finding, :verdict, :reason, :actor, :role, :at)")
    void insertVerdict(@Bind("doc") String documentId, @Bind("finding") String findingId, @Bind("verdict") String verdict,
                       @Bind("reason") String reason, @Bind("actor") String actor, @Bind("role") String role, @Bind("at") OffsetDateTime at);

    @SqlQuery("SELECT finding_id, verdict, reason FROM finding_verdict v WHERE document_id = :doc "
            + "AND id = (SELECT MAX(id) FROM finding_verdict w WHERE w.finding_id = v.finding_id)")
    List<VerdictRow> latestVerdicts(@Bind("doc") String documentId);

    @SqlUpdate("INSERT INTO redaction (document_id, finding_id, category, part, start_offset, end_offset, page, matched_text, basis, actor, decided_at) "
            + "SELECT :doc, f.id, f.category, f.part, f.start_offset, f.end_offset, f.page, f.matched_text, f.basis, :actor, :at FROM finding f "
            + "WHERE f.id = :finding AND f.document_id = :doc AND NOT EXISTS (SELECT 1 FROM redaction r WHERE r.finding_id = :finding)")
    int insertRedaction(@Bind("doc") String documentId, @Bind("finding") String findingId, @Bind("actor") String actor, @Bind("at") OffsetDateTime at);

    @SqlQuery("SELECT * FROM redaction WHERE document_id = :doc ORDER BY part, start_offset, id")
    List<Redaction> redactions(@Bind("doc") String documentId);

    @SqlUpdate("INSERT INTO return_notice (document_id, issued_at, issued_by, notice_text) VALUES (:doc, :at, :by, :text)")
    void insertNotice(@Bind("doc") String documentId, @Bind("at") OffsetDateTime at, @Bind("by") String by, @Bind("text") String text);

    @SqlQuery("SELECT * FROM return_notice WHERE document_id = :doc ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
    Optional<ReturnNotice> latestNotice(@Bind("doc") String documentId);

    @SqlQuery("SELECT action, COUNT(*) AS total FROM decision WHERE queue_name = :q AND decided_at >= :from AND decided_at < :to GROUP BY action")
    List<ActionCount> actionsBetween(@Bind("q") String queue, @Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to);

    @SqlQuery("SELECT f.category, f.matched_text, f.detector, v.verdict, v.reason, v.document_id FROM finding_verdict v "
            + "JOIN finding f ON f.id = v.finding_id WHERE v.id = (SELECT MAX(w.id) FROM finding_verdict w WHERE w.finding_id = v.finding_id) "
            + "ORDER BY v.id")
    List<DismissalRow> latestVerdictsWithFindings();
}
