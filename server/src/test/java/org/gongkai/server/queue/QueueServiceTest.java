package org.gongkai.server.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.document.EventDao;
import org.gongkai.server.http.ApiException;
import org.gongkai.spi.Attribute;
import org.gongkai.spi.Category;
import org.gongkai.spi.Route;
import org.gongkai.spi.Severity;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Queues, claims and leases on H2 and (when CI provides one) PostgreSQL. */
class QueueServiceTest {
    static final Actor SECRECY = new Actor("li.wei", Actor.Role.SECRECY_REVIEWER, "办公室");
    static final Actor SECRECY2 = new Actor("zhao.min", Actor.Role.SECRECY_REVIEWER, "办公室");
    static final Actor OFFICE = new Actor("wang.fang", Actor.Role.DOCUMENT_OFFICE, "办公室");

    @TempDir
    Path dir;

    static Stream<String> databases() {
        return Stream.of("h2", "postgresql");
    }

    private static String secrecyDoc(QueueFixture fx, String title, Severity s) {
        return fx.document(title, "财政局", Attribute.PUBLIC, Route.SECRECY_REVIEW, List.of(QueueFixture.finding(Category.SECRET_CONTENT, s, "内部敏感")));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void claim_hands_out_worst_severity_then_nearest_deadline_then_oldest(String kind) throws Exception {
        try (QueueFixture fx = QueueFixture.open(kind, dir)) {
            String medium = secrecyDoc(fx, "中等", Severity.MEDIUM);
            fx.clock.advance(Duration.ofMinutes(1));
            String highLater = secrecyDoc(fx, "高-较晚", Severity.HIGH);
            fx.clock.advance(Duration.ofMinutes(1));
            // formed 2024-12-20: its 20-working-day publication clock ends today, before the queue's 5 days
            String highUrgent = fx.document("高-临期", "财政局", Attribute.PUBLIC, Route.SECRECY_REVIEW,
                    List.of(QueueFixture.finding(Category.SECRET_CONTENT, Severity.HIGH, "敏感")), "2024年12月20日");
            String blocker = secrecyDoc(fx, "阻断", Severity.BLOCKER);

            List<String> order = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                order.add(fx.queues().claim(SECRECY, "SECRECY_REVIEW").orElseThrow().documentId());
            }
            assertEquals(List.of(blocker, highUrgent, highLater, medium), order);
            assertEquals(Optional.empty(), fx.queues().claim(SECRECY, "SECRECY_REVIEW"), "all claimed, even by the caller: nothing left");
            assertEquals(order, fx.queues().items(SECRECY, "SECRECY_REVIEW").stream().map(ItemView::documentId).toList(),
                    "listing uses the same urgency order");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void many_threads_never_claim_the_same_item(String kind) throws Exception {
        try (QueueFixture fx = QueueFixture.open(kind, dir)) {
            int items = 30;
            for (int i = 0; i < items; i++) {
                secrecyDoc(fx, "文件" + i, Severity.HIGH);
            }
            assertEquals(items, claimConcurrently(List.of(fx.queues()), 12, 5, items));
        }
    }

    /** Claims with {@code threads} threads spread over the services until none is left; returns distinct items claimed. */
    static int claimConcurrently(List<QueueService> services, int threads, int perThread, int expected) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Callable<List<String>>> jobs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            QueueService s = services.get(t % services.size());
            Actor a = new Actor("reviewer" + t, Actor.Role.SECRECY_REVIEWER, null);
            jobs.add(() -> {
                List<String> got = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    s.claim(a, "SECRECY_REVIEW").ifPresent(v -> got.add(v.documentId()));
                }
                return got;
            });
        }
        List<String> all = new ArrayList<>();
        for (Future<List<String>> f : pool.invokeAll(jobs)) {
            all.addAll(f.get());
        }
        pool.shutdown();
        Set<String> distinct = new HashSet<>(all);
        assertEquals(all.size(), distinct.size(), "an item was handed to two reviewers: " + all);
        assertEquals(expected, distinct.size(), "every item claimed exactly once");
        return distinct.size();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void an_expired_lease_frees_the_item_and_renewal_keeps_it(String kind) throws Exception {
        try (QueueFixture fx = QueueFixture.open(kind, dir)) {
            String a = secrecyDoc(fx, "甲", Severity.HIGH);
            String b = secrecyDoc(fx, "乙", Severity.MEDIUM);
            assertEquals(a, fx.queues().claim(SECRECY, "SECRECY_REVIEW").orElseThrow().documentId());
            assertEquals(b, fx.queues().claim(SECRECY2, "SECRECY_REVIEW").orElseThrow().documentId());

            fx.clock.advance(Duration.ofMinutes(20));
            ItemView renewed = fx.queues().renew(SECRECY, "SECRECY_REVIEW", a);
            assertEquals(fx.clock.instant().plus(Duration.ofMinutes(30)), renewed.leaseUntil().toInstant());
            assertThrows(ApiException.class, () -> fx.queues().renew(SECRECY2, "SECRECY_REVIEW", a), "only the holder renews");

            fx.clock.advance(Duration.ofMinutes(15)); // a renewed (20+15 < 50), b expired (35 > 30)
            ItemView taken = fx.queues().claim(SECRECY, "SECRECY_REVIEW").orElseThrow();
            assertEquals(b, taken.documentId(), "the expired claim is free again");
            ApiException late = assertThrows(ApiException.class, () -> fx.queues().renew(SECRECY2, "SECRECY_REVIEW", b));
            assertEquals(409, late.status());
            assertEquals("CLAIMED_BY_OTHER", late.code());

            fx.clock.advance(Duration.ofMinutes(31));
            ApiException expired = assertThrows(ApiException.class, () -> fx.queues().renew(SECRECY, "SECRECY_REVIEW", a));
            assertEquals("CLAIM_EXPIRED", expired.code());
            assertNull(fx.queues().item(SECRECY, a).claimant(), "an expired claim is not shown as held");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void claim_only_gives_items_whose_stage_the_role_may_decide(String kind) throws Exception {
        try (QueueFixture fx = QueueFixture.open(kind, dir)) {
            fx.clean("公告");
            Actor approver = new Actor("chen.jun", Actor.Role.APPROVER, "办公室");
            assertTrue(fx.queues().claim(approver, "PUBLICATION_REVIEW").isEmpty(), "stage 经办人 is not an approver's");
            assertTrue(fx.queues().claim(OFFICE, "PUBLICATION_REVIEW").isPresent());
            ApiException e = assertThrows(ApiException.class, () -> fx.queues().claim(OFFICE, "SECRECY_REVIEW"));
            assertEquals(403, e.status());
            assertEquals(404, assertThrows(ApiException.class, () -> fx.queues().claim(OFFICE, "NO_SUCH_QUEUE")).status());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void overdue_items_are_flagged_and_counted(String kind) throws Exception {
        try (QueueFixture fx = QueueFixture.open(kind, dir)) {
            String id = secrecyDoc(fx, "保密审查件", Severity.HIGH);
            ItemView v = fx.queues().item(SECRECY, id);
            // entered Monday 2025-01-20; 5 working days: 1/21-1/24 and Sunday 1/26 (调休)
            assertEquals(LocalDate.parse("2025-01-26"), v.deadline());
            assertEquals(5, v.workingDaysLeft());
            assertFalse(v.overdue());
            assertEquals(LocalDate.parse("2025-02-21"), v.publicationDue(), "条例第二十六条: 20 working days from 2025-01-20");

            fx.clock.set(java.time.OffsetDateTime.parse("2025-02-05T09:00:00+08:00").toInstant());
            ItemView late = fx.queues().item(SECRECY, id);
            assertTrue(late.overdue());
            assertEquals(-2, late.workingDaysLeft(), "1/27 and 2/5 worked since; 春节 does not count");
            QueueService.QueueSummary s = fx.queues().queues(SECRECY).stream().filter(q -> q.name().equals("SECRECY_REVIEW")).findFirst().orElseThrow();
            assertEquals(1, s.open());
            assertEquals(1, s.overdue());
            assertEquals(List.of("SECRECY_REVIEW", "DISCLOSURE_REVIEW", "MANUAL_REVIEW", "AUTHORITY_REVIEW"),
                    fx.queues().queues(SECRECY).stream().map(QueueService.QueueSummary::name).toList(),
                    "every queue the secrecy reviewer works is listed, empty ones too, and no other");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void digest_reports_overdue_due_soon_new_and_decided_items(String kind) throws Exception {
        try (QueueFixture fx = QueueFixture.open(kind, dir)) {
            String old = secrecyDoc(fx, "旧件", Severity.HIGH);
            fx.clock.set(java.time.OffsetDateTime.parse("2025-02-06T09:00:00+08:00").toInstant());
            String fresh = secrecyDoc(fx, "新件", Severity.HIGH);
            String decided = secrecyDoc(fx, "已定", Severity.LOW);
            ItemView d = fx.queues().item(SECRECY, decided);
            fx.decisions().decide(SECRECY, decided, new DecisionRequest("REGISTER", "涉及内部事务，不予公开", d.version(), null, null));

            QueueService.Digest g = fx.queues().digest(SECRECY, "SECRECY_REVIEW", null);
            assertEquals(LocalDate.parse("2025-02-06"), g.date());
            assertEquals(2, g.open());
            assertEquals(1, g.overdue());
            assertEquals(old, g.overdueItems().get(0).documentId());
            assertEquals(1, g.newOnDate(), "only the new item still open entered today");
            assertEquals(java.util.Map.of("REGISTER", 1), g.decisions());
            assertEquals(2, g.unclaimed());
            assertTrue(g.dueSoon().isEmpty(), "the fresh item has 5 working days");
            assertEquals(fresh, fx.queues().items(SECRECY, "SECRECY_REVIEW").get(1).documentId());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void queueing_and_claims_are_in_the_audit_trail(String kind) throws Exception {
        try (QueueFixture fx = QueueFixture.open(kind, dir)) {
            String id = secrecyDoc(fx, "审计", Severity.HIGH);
            fx.queues().claim(SECRECY, "SECRECY_REVIEW");
            var events = fx.db.jdbi().withExtension(EventDao.class, e -> e.forDocument(id));
            assertEquals(List.of("QUEUED", "CLAIMED"), events.stream().map(org.gongkai.server.document.Event::action).toList());
            assertEquals("SECRECY_REVIEW/1", events.get(0).toState());
            assertEquals("li.wei", events.get(1).actor());
            assertEquals("SECRECY_REVIEWER", events.get(1).actorRole());
        }
    }
}
