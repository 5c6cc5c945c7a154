package org.gongkai.server.document;

import java.util.List;
import org.gongkai.server.pipeline.ReportedFinding;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;

/** SQL for findings. */
@RegisterRowMapper(FindingRowMapper.class)
public interface FindingDao {

    @SqlUpdate("DELETE FROM finding WHERE document_id = :id")
    void deleteFor(@Bind("id") String documentId);

    @SqlUpdate("INSERT INTO finding (id, document_id, seq, category, severity, part, start_offset, end_offset, page, source, matched_text, "
            + "detector, score, basis, explanation, rule_version, likelihood, rules_fired, detail, masked) VALUES (:f.id, :documentId, :seq, "
            + ":f.category, :f.severity, :f.part, :f.start, :f.end, :f.page, :f.source, :text, :f.detector, :f.score, :basis, :explanation, "
            + ":f.version, :f.likelihood, :f.rulesText, :f.detail, :f.masked)")
    void insert(@Bind("documentId") String documentId, @Bind("seq") int seq, @BindMethods("f") ReportedFinding f,
                @Bind("text") String text, @Bind("basis") String basis, @Bind("explanation") String explanation);

    @SqlQuery("SELECT * FROM finding WHERE document_id = :id ORDER BY seq")
    List<ReportedFinding> forDocument(@Bind("id") String documentId);
}
