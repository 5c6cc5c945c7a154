package org.gongkai.server.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.gongkai.server.auth.Actor;
import org.gongkai.spi.Attribute;
import org.gongkai.spi.Category;
import org.gongkai.spi.Route;
import org.gongkai.spi.Severity;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A document formed long before it reaches review (the 2023 samples, seen as overdue by −769 working days): its
 * publication deadline (条例第二十六条) had passed before anyone could act, so it is shown as lapsed and the queue's own
 * clock is the item's deadline; a publication deadline still ahead keeps driving the deadline as before.
 */
class LapsedPublicationDeadlineTest {
    static final Actor SECRECY = new Actor("li.wei", Actor.Role.SECRECY_REVIEWER, "办公室");

    @TempDir
    Path dir;

    static Stream<String> databases() {
        return Stream.of("h2", "postgresql");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void a_document_formed_years_ago_gets_the_queue_clock_and_a_lapsed_publication_deadline(String kind) throws Exception {
        try (QueueFixture fx = QueueFixture.open(kind, dir)) {
            String old = fx.document("2023 年的通知", "财政局", Attribute.PUBLIC, Route.SECRECY_REVIEW,
                    List.of(QueueFixture.finding(Category.SECRET_CONTENT, Severity.HIGH, "内部")), "2023年3月1日");
            ItemView v = fx.queues().item(SECRECY, old);
            assertEquals(LocalDate.parse("2023-03-01"), v.formedOn());
            assertTrue(v.publicationLapsed(), "the publication deadline had passed before review began");
            assertEquals(LocalDate.parse("2025-01-26"), v.deadline(), "the queue's five working days from 2025-01-20");
            assertEquals(5, v.workingDaysLeft());
            assertFalse(v.overdue());
            assertEquals(0, fx.queues().queues(SECRECY).stream().filter(q -> q.name().equals("SECRECY_REVIEW")).findFirst().orElseThrow().overdue());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void a_publication_deadline_still_ahead_is_the_deadline_when_nearer(String kind) throws Exception {
        try (QueueFixture fx = QueueFixture.open(kind, dir)) {
            // formed 2024-12-20: 20 working days end on 2025-01-20, the day it enters review
            String recent = fx.document("临期", "财政局", Attribute.PUBLIC, Route.SECRECY_REVIEW,
                    List.of(QueueFixture.finding(Category.SECRET_CONTENT, Severity.HIGH, "敏感")), "2024年12月20日");
            ItemView v = fx.queues().item(SECRECY, recent);
            assertFalse(v.publicationLapsed());
            assertEquals(v.publicationDue(), v.deadline());
        }
    }
}
