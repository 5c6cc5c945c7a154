package org.gongkai.server.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.http.ApiException;
import org.gongkai.spi.Attribute;
import org.gongkai.spi.Category;
import org.gongkai.spi.Route;
import org.gongkai.spi.Severity;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Annual-report statistics by attribute, route, department, category, decision and outcome, and their CSV. */
class StatisticsServiceTest {
    static final Actor OFFICE = DecisionServiceTest.HANDLER;

    @TempDir
    Path dir;

    static Stream<String> databases() {
        return Stream.of("h2", "postgresql");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void counts_per_period_and_department_with_csv_export(String kind) throws Exception {
        try (QueueFixture fx = QueueFixture.open(kind, dir)) {
            String pub = fx.document("公告", "财政局", Attribute.PUBLIC, Route.PUBLICATION_REVIEW, List.of());
            fx.document("请示", "财政局", Attribute.NOT_PUBLIC, Route.REGISTERED, List.of());
            fx.document("处罚决定", "市场监管局", Attribute.PARTIAL, Route.DISCLOSURE_REVIEW,
                    List.of(QueueFixture.finding(Category.PHONE_NUMBER, Severity.HIGH, "13912345678"),
                            QueueFixture.finding(Category.PHONE_NUMBER, Severity.HIGH, "13812345678"),
                            QueueFixture.finding(Category.FORMAT, Severity.INFO, "说明")));
            fx.decisions().decide(OFFICE, pub, new DecisionRequest("APPROVE", null, fx.queues().item(OFFICE, pub).version(), null, null));
            fx.clock.advance(Duration.ofDays(400)); // a document of the next year is outside the period
            fx.document("次年公告", "财政局", Attribute.PUBLIC, Route.PUBLICATION_REVIEW, List.of());

            LocalDate from = LocalDate.parse("2025-01-01");
            LocalDate to = LocalDate.parse("2025-12-31");
            StatisticsService.Statistics all = fx.review.statistics().statistics(OFFICE, from, to, null);
            assertEquals(3, all.documents());
            assertEquals(Map.of("PUBLIC", 1L, "NOT_PUBLIC", 1L, "PARTIAL", 1L), all.byAttribute());
            assertEquals(Map.of("PUBLICATION_REVIEW", 1L, "REGISTERED", 1L, "DISCLOSURE_REVIEW", 1L), all.byRoute());
            assertEquals(Map.of("财政局", 2L, "市场监管局", 1L), all.byDepartment());
            assertEquals(Map.of("PHONE_NUMBER", 2L), all.byCategory(), "INFO findings are not counted");
            assertEquals(Map.of("APPROVE", 1L), all.byDecision());

            StatisticsService.Statistics dept = fx.review.statistics().statistics(OFFICE, from, to, "财政局");
            assertEquals(2, dept.documents());
            assertEquals(Map.of(), dept.byCategory());

            String csv = fx.review.statistics().csv(all);
            assertTrue(csv.startsWith("\uFEFFdimension,key,name,count\r\n"), csv);
            assertTrue(csv.contains("attribute,PUBLIC,主动公开,1\r\n"), csv);
            assertTrue(csv.contains("route,REGISTERED,登记备案,1\r\n"), csv);
            assertTrue(csv.contains("category,PHONE_NUMBER,个人电话号码,2\r\n"), csv);
            assertTrue(csv.contains("decision,APPROVE,通过,1\r\n"), csv);
            assertTrue(csv.contains("period,2025-01-01/2025-12-31,全部单位,3\r\n"), csv);
            assertEquals(400, assertThrows(ApiException.class, () -> fx.review.statistics().statistics(OFFICE, to, from, null)).status());
        }
    }

    @org.junit.jupiter.api.Test
    void csv_cells_are_quoted_and_formulas_defused() {
        assertEquals("\"甲,乙\"", StatisticsService.cell("甲,乙"));
        assertEquals("\"说\"\"明\"", StatisticsService.cell("说\"明"));
        assertEquals("'=SUM(A1)", StatisticsService.cell("=SUM(A1)"));
    }
}
