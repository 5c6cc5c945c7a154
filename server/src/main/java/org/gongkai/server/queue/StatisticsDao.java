package org.gongkai.server.queue;

import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Counts for the annual report (年度报告). Documents count by upload time, decisions by decision time, both in
 * {@code [from, to)}; {@code dept} null means every department.
 */
@RegisterConstructorMapper(StatisticsDao.Bucket.class)
public interface StatisticsDao {
    String DOCS = " FROM document d WHERE d.status = 'CHECKED' AND d.received_at >= :from AND d.received_at < :to "
            + "AND (CAST(:dept AS VARCHAR(200)) IS NULL OR d.department = :dept)";

    /** One count: a key of a dimension and how many. */
    record Bucket(String bucket, long total) {
    }

    @SqlQuery("SELECT COALESCE(d.effective_attribute, 'NONE') AS bucket, COUNT(*) AS total" + DOCS + " GROUP BY COALESCE(d.effective_attribute, 'NONE')")
    List<Bucket> byAttribute(@Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to, @Bind("dept") String dept);

    @SqlQuery("SELECT COALESCE(d.route, 'NONE') AS bucket, COUNT(*) AS total" + DOCS + " GROUP BY COALESCE(d.route, 'NONE')")
    List<Bucket> byRoute(@Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to, @Bind("dept") String dept);

    @SqlQuery("SELECT COALESCE(d.department, '') AS bucket, COUNT(*) AS total" + DOCS + " GROUP BY COALESCE(d.department, '')")
    List<Bucket> byDepartment(@Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to, @Bind("dept") String dept);

    @SqlQuery("SELECT f.category AS bucket, COUNT(*) AS total FROM finding f JOIN document d ON d.id = f.document_id "
            + "WHERE d.status = 'CHECKED' AND d.received_at >= :from AND d.received_at < :to "
            + "AND (CAST(:dept AS VARCHAR(200)) IS NULL OR d.department = :dept) AND f.severity <> 'INFO' GROUP BY f.category")
    List<Bucket> byCategory(@Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to, @Bind("dept") String dept);

    @SqlQuery("SELECT x.action AS bucket, COUNT(*) AS total FROM decision x JOIN document d ON d.id = x.document_id "
            + "WHERE x.decided_at >= :from AND x.decided_at < :to AND x.action <> 'RELEASE' "
            + "AND (CAST(:dept AS VARCHAR(200)) IS NULL OR d.department = :dept) GROUP BY x.action")
    List<Bucket> byDecision(@Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to, @Bind("dept") String dept);

    @SqlQuery("SELECT q.outcome AS bucket, COUNT(*) AS total FROM queue_item q WHERE q.state = 'CLOSED' "
            + "AND q.closed_at >= :from AND q.closed_at < :to AND (CAST(:dept AS VARCHAR(200)) IS NULL OR q.department = :dept) GROUP BY q.outcome")
    List<Bucket> byOutcome(@Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to, @Bind("dept") String dept);
}
