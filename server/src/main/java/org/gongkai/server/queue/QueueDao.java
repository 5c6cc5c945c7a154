package org.gongkai.server.queue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL for queue items and their claims. Claims and decisions are conditional updates on {@code version}
 * and the claim columns, checked by row count, so two servers on one database never both get an item.
 */
@RegisterConstructorMapper(QueueItem.class)
@RegisterConstructorMapper(QueueDao.Candidate.class)
@RegisterConstructorMapper(QueueDao.QueueCount.class)
public interface QueueDao {
    /** The most urgent order: worst severity, then nearest deadline, then longest waiting. */
    String URGENCY = " ORDER BY severity_rank, due_on, entered_at, document_id";

    /** A claimable item and the version it had when seen. */
    record Candidate(String documentId, int version) {
    }

    /** Open and overdue items of one queue. */
    record QueueCount(String queueName, int openCount, int overdueCount) {
    }

    @SqlUpdate("INSERT INTO queue_item (document_id, queue_name, stage, state, outcome, title, department, attribute, worst_severity, "
            + "severity_rank, important, formed_on, publication_due, entered_at, queue_due, due_on, version) VALUES (:documentId, :queueName, "
            + ":stage, :state, :outcome, :title, :department, :attribute, :worstSeverity, :severityRank, :important, :formedOn, "
            + ":publicationDue, :enteredAt, :queueDue, :dueOn, :version)")
    void insert(@BindMethods QueueItem item);

    /** Writes a new position; the caller has already taken the row with {@link #takeForDecision}. */
    @SqlUpdate("UPDATE queue_item SET queue_name = :queueName, stage = :stage, state = :state, outcome = :outcome, title = :title, "
            + "department = :department, attribute = :attribute, worst_severity = :worstSeverity, severity_rank = :severityRank, "
            + "important = :important, formed_on = :formedOn, publication_due = :publicationDue, entered_at = :enteredAt, "
            + "queue_due = :queueDue, due_on = :dueOn, claimant = :claimant, claimant_role = :claimantRole, claimed_at = :claimedAt, "
            + "lease_until = :leaseUntil, closed_at = :closedAt, version = :version WHERE document_id = :documentId")
    int update(@BindMethods QueueItem item);

    @SqlQuery("SELECT * FROM queue_item WHERE document_id = :id")
    Optional<QueueItem> find(@Bind("id") String documentId);

    @SqlQuery("SELECT * FROM queue_item WHERE queue_name = :q AND state = 'OPEN'" + URGENCY)
    List<QueueItem> open(@Bind("q") String queue);

    @SqlQuery("SELECT queue_name, COUNT(*) AS open_count, SUM(CASE WHEN due_on < :today THEN 1 ELSE 0 END) AS overdue_count FROM queue_item "
            + "WHERE state = 'OPEN' GROUP BY queue_name")
    List<QueueCount> counts(@Bind("today") LocalDate today);

    /**
     * Items nobody holds whose current stage the caller may decide, most urgent first: {@code free} stages for any
     * department, {@code bound} stages only for the caller's own department. Never the caller's own upload, and never
     * a document the caller has already decided on at any stage (the drafter does not review their own draft; one
     * person does not act at two levels of one document).
     */
    @SqlQuery("SELECT q.document_id, q.version FROM queue_item q JOIN document d ON d.id = q.document_id WHERE q.queue_name = :q "
            + "AND q.state = 'OPEN' AND (q.stage IN (<free>) OR (q.stage IN (<bound>) AND q.department = :dept)) "
            + "AND (q.claimant IS NULL OR q.lease_until < :now) AND d.uploaded_by <> :who AND NOT EXISTS (SELECT 1 FROM decision x "
            + "WHERE x.document_id = q.document_id AND x.actor = :who AND x.action <> 'RELEASE')"
            + " ORDER BY q.severity_rank, q.due_on, q.entered_at, q.document_id FETCH FIRST 8 ROWS ONLY")
    List<Candidate> claimable(@Bind("q") String queue, @BindList(value = "free", onEmpty = BindList.EmptyHandling.NULL_STRING) List<Integer> free,
                              @BindList(value = "bound", onEmpty = BindList.EmptyHandling.NULL_STRING) List<Integer> bound,
                              @Bind("dept") String department, @Bind("now") OffsetDateTime now, @Bind("who") String who);

    /** Claims an item nobody holds, if it is still at {@code version}; 1 when the caller now holds it. */
    @SqlUpdate("UPDATE queue_item SET claimant = :who, claimant_role = :role, claimed_at = :now, lease_until = :until, version = version + 1 "
            + "WHERE document_id = :id AND version = :v AND state = 'OPEN' AND (claimant IS NULL OR lease_until < :now)")
    int claim(@Bind("id") String documentId, @Bind("v") int version, @Bind("who") String who, @Bind("role") String role,
              @Bind("now") OffsetDateTime now, @Bind("until") OffsetDateTime until);

    /** Extends the caller's unexpired claim; does not change the version (nothing about the item changed). */
    @SqlUpdate("UPDATE queue_item SET lease_until = :until WHERE document_id = :id AND state = 'OPEN' AND claimant = :who AND lease_until >= :now")
    int renew(@Bind("id") String documentId, @Bind("who") String who, @Bind("now") OffsetDateTime now, @Bind("until") OffsetDateTime until);

    /**
     * Takes the row for a decision: the item must be open, at {@code version}, and not held by someone else.
     * Bumps the version, so any concurrent decision naming the same version fails.
     */
    @SqlUpdate("UPDATE queue_item SET version = version + 1 WHERE document_id = :id AND version = :v AND state = 'OPEN' "
            + "AND (claimant IS NULL OR lease_until < :now OR claimant = :who)")
    int takeForDecision(@Bind("id") String documentId, @Bind("v") int version, @Bind("who") String who, @Bind("now") OffsetDateTime now);

    /** Gives a claim back; the caller has checked who may. */
    @SqlUpdate("UPDATE queue_item SET claimant = NULL, claimant_role = NULL, claimed_at = NULL, lease_until = NULL, version = version + 1 "
            + "WHERE document_id = :id AND version = :v AND state = 'OPEN'")
    int release(@Bind("id") String documentId, @Bind("v") int version);

    @SqlQuery("SELECT COUNT(*) FROM queue_item WHERE queue_name = :q AND state = 'OPEN' AND entered_at >= :from AND entered_at < :to")
    int enteredBetween(@Bind("q") String queue, @Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to);
}
