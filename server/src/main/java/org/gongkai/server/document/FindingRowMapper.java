package org.gongkai.server.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.gongkai.server.pipeline.ReportedFinding;
import java.util.List;
import org.gongkai.spi.Category;
import org.gongkai.spi.Likelihood;
import org.gongkai.spi.Part;
import org.gongkai.spi.Severity;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps a {@code finding} row back to the reported form. */
public final class FindingRowMapper implements RowMapper<ReportedFinding> {
    @Override
    public ReportedFinding map(ResultSet rs, StatementContext ctx) throws SQLException {
        Category c = Category.valueOf(rs.getString("category"));
        int page = rs.getInt("page");
        Integer pageOrNull = rs.wasNull() ? null : page;
        String likelihood = rs.getString("likelihood");
        String rules = rs.getString("rules_fired");
        return new ReportedFinding(rs.getString("id"), c, c.chinese(), Severity.valueOf(rs.getString("severity")), rs.getString("matched_text"),
                Part.valueOf(rs.getString("part")), rs.getInt("start_offset"), rs.getInt("end_offset"), pageOrNull,
                rs.getString("source"), rs.getString("detector"), rs.getDouble("score"), rs.getString("basis"),
                rs.getString("explanation"), rs.getString("rule_version"), likelihood == null ? null : Likelihood.valueOf(likelihood),
                rules == null || rules.isEmpty() ? List.of() : List.of(rules.split("\n")), rs.getString("detail"), rs.getString("masked"));
    }
}
