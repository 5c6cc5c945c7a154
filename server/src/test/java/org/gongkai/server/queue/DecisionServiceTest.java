package org.gongkai.server.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.document.Event;
import org.gongkai.server.document.EventDao;
import org.gongkai.server.http.ApiException;
import org.gongkai.server.pipeline.ReportedFinding;
import org.gongkai.spi.Attribute;
import org.gongkai.spi.Category;
import org.gongkai.spi.Route;
import org.gongkai.spi.Severity;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every decision's transitions and checks, on H2 and (when CI provides one) PostgreSQL. */
class DecisionServiceTest {
    static final Actor HANDLER = new Actor("wang.fang", Actor.Role.DOCUMENT_OFFICE, "办公室");
    static final Actor SECTION_HEAD = new Actor("chen.jun", Actor.Role.APPROVER, "办公室");
    static final Actor DEPUTY = new Actor("liu.qiang", Actor.Role.APPROVER, "办公室");
    static final Actor PRINCIPAL = new Actor("zhou.hua", Actor.Role.APPROVER, "办公室");
    static final Actor SECRECY = QueueServiceTest.SECRECY;

    @TempDir
    Path dir;

    static Stream<String> databases() {
        return Stream.of("h2", "postgresql");
    }

    private static ItemView decide(QueueFixture fx, Actor a, String id, String action, String comment, List<DecisionRequest.Verdict> v,
                                   Boolean important) {
        int version = fx.queues().item(a, id).version();
        return fx.decisions().decide(a, id, new DecisionRequest(action, comment, version, v, important));
    }

    private static ItemView approve(QueueFixture fx, Actor a, String id) {
        return decide(fx, a, id, "APPROVE", null, null, null);
    }

    private static ApiException fails(Runnable r) {
        return assertThrows(ApiException.class, r::run);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void publication_review_runs_handler_section_head_deputy_lead_then_publishes(String kind) throws Exception {
        try (QueueFixture fx = QueueFixture.open(kind, dir)) {
            String id = fx.clean("关于开展春季植树活动的通知");
            ItemView v = fx.queues().item(HANDLER, id);
            assertEquals("HANDLER", v.stage());
            assertEquals(3, v.stageCount());
            assertEquals(403, fails(() -> approve(fx, SECTION_HEAD, id)).status(), "经办人 stage is not an approver's");

            v = approve(fx, HANDLER, id);
            assertEquals("SECTION_HEAD", v.stage());
            assertEquals("科室负责人", v.stageName());
            assertEquals(2, v.stageNumber());
            v = approve(fx, SECTION_HEAD, id);
            assertEquals("DEPUTY_LEAD", v.stage());
            assertEquals(403, fails(() -> approve(fx, HANDLER, id)).status(), "分管领导 stage requires APPROVER");
            v = approve(fx, DEPUTY, id);
            assertEquals("CLOSED", v.state());
            assertEquals("PUBLISHED", v.outcome());
            assertEquals(409, fails(() -> approve(fx, DEPUTY, id)).status(), "review has ended");

            List<Event> trail = fx.db.jdbi().withExtension(EventDao.class, e -> e.forDocument(id));
            List<String> moves = trail.stream().filter(e -> e.action().equals("APPROVE")).map(e -> e.fromState() + "->" + e.toState()).toList();
            assertEquals(List.of("PUBLICATION_REVIEW/1->PUBLICATION_REVIEW/2", "PUBLICATION_REVIEW/2->PUBLICATION_REVIEW/3",
                    "PUBLICATION_REVIEW/3->PUBLISHED"), moves);
            Event last = trail.get(trail.size() - 1);
            assertEquals("liu.qiang", last.actor());
            assertEquals("APPROVER", last.actorRole());
            assertTrue(last.detail().contains("分管领导") && last.detail().contains("版本"), last.detail());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void one_person_cannot_approve_two_levels_and_is_not_handed_the_next_one(String kind) throws Exception {
        try (QueueFixture fx = QueueFixture.open(kind, dir)) {
            String id = fx.clean("关于印发工作要点的通知");
            approve(fx, HANDLER, id);
            approve(fx, SECTION_HEAD, id);
            ApiException e = fails(() -> approve(fx, SECTION_HEAD, id));
            assertEquals(403, e.status());
            assertEquals("SAME_PERSON_TWO_LEVELS", e.code());
            assertTrue(fx.queues().claim(SECTION_HEAD, "PUBLICATION_REVIEW").isEmpty(), "the 分管领导 level is left to someone else");
            assertEquals(id, fx.queues().claim(DEPUTY, "PUBLICATION_REVIEW").orElseThrow().documentId());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void a_document_marked_important_also_goes_to_the_principal_lead(String kind) throws Exception {
        try (QueueFixture fx = QueueFixture.open(kind, dir)) {
            String id = fx.clean("关于调整城区交通管制措施的通告");
            ItemView v = decide(fx, HANDLER, id, "APPROVE", "涉及群众切身利益，属重要信息", null, true);
            assertTrue(v.important());
            assertEquals(4, v.stageCount());
            approve(fx, SECTION_HEAD, id);
            v = approve(fx, DEPUTY, id);
            assertEquals("PRINCIPAL_LEAD", v.stage());
            assertEquals("主要领导", v.stageName());
            assertEquals(4, v.stageNumber());
            assertEquals("PUBLISHED", approve(fx, PRINCIPAL, id).outcome());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void secrecy_approval_sends_the_document_on_to_publication_review(String kind) throws Exception {
        try (QueueFixture fx = QueueFixture.open(kind, dir)) {
            String id = fx.document("统计公报", "统计局", Attribute.PUBLIC, Route.SECRECY_REVIEW,
                    List.of(QueueFixture.finding(Category.SECRET_CONTENT, Severity.MEDIUM, "内部数据")));
            assertTrue(fx.queues().item(SECRECY, id).important(), "疑似涉密 marks the document important");
            ItemView v = approve(fx, SECRECY, id);
            assertEquals("PUBLICATION_REVIEW", v.queue());
            assertEquals("HANDLER", v.stage());
            assertEquals(4, v.stageCount(), "important documents pass the 主要领导 stage too");
            assertNull(v.claimant());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void stale_version_and_someone_elses_claim_give_409(String kind) throws Exception {
        try (QueueFixture fx = QueueFixture.open(kind, dir)) {
            String id = fx.clean("通知");
            int v0 = fx.queues().item(HANDLER, id).version();
            Actor other = new Actor("sun.li", Actor.Role.DOCUMENT_OFFICE, "办公室");
            ItemView claimed = fx.queues().claim(other, "PUBLICATION_REVIEW").orElseThrow();
            ApiException held = fails(() -> fx.decisions().decide(HANDLER, id, new DecisionRequest("APPROVE", null, claimed.version(), null, null)));
            assertEquals(409, held.status());
            assertEquals("CLAIMED_BY_OTHER", held.code());
            ApiException stale = fails(() -> fx.decisions().decide(other, id, new DecisionRequest("APPROVE", null, v0, null, null)));
            assertEquals(409, stale.status());
            assertEquals("STALE_VERSION", stale.code());
            assertEquals("SECTION_HEAD", fx.decisions().decide(other, id, new DecisionRequest("APPROVE", null, claimed.version(), null, null)).stage());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void of_many_concurrent_decisions_on_one_version_exactly_one_wins(String kind) throws Exception {
        try (QueueFixture fx = QueueFixture.open(kind, dir)) {
            String id = fx.clean("通知");
            int version = fx.queues().item(HANDLER, id).version();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Callable<Integer>> jobs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Actor a = new Actor("office" + i, Actor.Role.DOCUMENT_OFFICE, null);
                jobs.add(() -> {
                    try {
                        fx.decisions().decide(a, id, new DecisionRequest("APPROVE", null, version, null, null));
                        return 1;
                    } catch (ApiException e) {
                        assertEquals(409, e.status());
                        return 0;
                    }
                });
            }
            int won = 0;
            for (Future<Integer> f : pool.invokeAll(jobs)) {
                won += f.get();
            }
            pool.shutdown();
            assertEquals(1, won);
            assertEquals("SECTION_HEAD", fx.queues().item(HANDLER, id).stage(), "approved once, not twice");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void escalate_requires_a_note_and_goes_to_the_higher_authority(String kind) throws Exception {
        try (QueueFixture fx = QueueFixture.open(kind, dir)) {
            String id = fx.document("专项整治方案", "公安局", Attribute.PUBLIC, Route.SECRECY_REVIEW,
                    List.of(QueueFixture.finding(Category.STABILITY, Severity.HIGH, "稳控")));
            ApiException e = fails(() -> decide(fx, SECRECY, id, "ESCALATE", "  ", null, null));
            assertEquals(400, e.status());
            assertEquals("COMMENT_REQUIRED", e.code());
            ItemView v = decide(fx, SECRECY, id, "ESCALATE", "涉及维稳信息，不能判断是否涉密，报区保密局", null, null);
            assertEquals("AUTHORITY_REVIEW", v.queue());
            assertTrue(v.important());
            String reg = fx.document("登记件", "公安局", Attribute.NOT_PUBLIC, Route.REGISTERED, List.of());
            Actor office = new Actor("wang.fang", Actor.Role.DOCUMENT_OFFICE, "办公室");
            assertEquals("NO_ESCALATION", fails(() -> decide(fx, office, reg, "ESCALATE", "报审", null, null)).code());
            assertEquals("REGISTERED", fx.queues().item(office, reg).queue(), "a refused decision changes nothing");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void register_requires_a_reason_and_ends_review_unpublished(String kind) throws Exception {
        try (QueueFixture fx = QueueFixture.open(kind, dir)) {
            String id = fx.document("关于某某同志的任免请示", "组织部", Attribute.NOT_PUBLIC, Route.REGISTERED, List.of());
            assertEquals("COMMENT_REQUIRED", fails(() -> decide(fx, HANDLER, id, "REGISTER", null, null, null)).code());
            ItemView v = decide(fx, HANDLER, id, "REGISTER", "请示类公文，属过程性信息（条例第十六条），登记建档", null, null);
            assertEquals("CLOSED", v.state());
            assertEquals("REGISTERED", v.outcome());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void redact_turns_confirmed_findings_into_redactions(String kind) throws Exception {
        try (QueueFixture fx = QueueFixture.open(kind, dir)) {
            ReportedFinding phone = QueueFixture.finding(Category.PHONE_NUMBER, Severity.HIGH, "13912345678");
            ReportedFinding name = QueueFixture.finding(Category.PERSON_NAME, Severity.MEDIUM, "张三");
            String id = fx.document("行政处罚决定书", "市场监管局", Attribute.PARTIAL, Route.DISCLOSURE_REVIEW, List.of(phone, name));
            assertEquals("NO_CONFIRMED_FINDINGS", fails(() -> decide(fx, SECRECY, id, "REDACT", null, null, null)).code());
            ItemView v = decide(fx, SECRECY, id, "REDACT", "当事人手机号不予公开", List.of(new DecisionRequest.Verdict(phone.id(), "CONFIRMED", null),
                    new DecisionRequest.Verdict(name.id(), "DISMISSED", "企业法定代表人姓名依法公开")), null);
            assertEquals("PUBLICATION_REVIEW", v.queue());
            assertEquals("PARTIAL", v.attribute());
            List<Redaction> r = fx.decisions().redactions(SECRECY, id);
            assertEquals(1, r.size());
            assertEquals("13912345678", r.get(0).matchedText());
            assertEquals("PHONE_NUMBER", r.get(0).category());
            assertEquals(phone.start(), r.get(0).startOffset());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void return_produces_a_notice_with_reasons_and_the_findings_still_standing(String kind) throws Exception {
        try (QueueFixture fx = QueueFixture.open(kind, dir)) {
            ReportedFinding missing = QueueFixture.finding(Category.ATTRIBUTE_MISSING, Severity.HIGH, "未标注公开属性");
            ReportedFinding format = QueueFixture.finding(Category.FORMAT, Severity.LOW, "[2022]");
            String id = fx.document("关于加强安全生产工作的通知", "应急管理局", Attribute.NONE, Route.RETURNED, List.of(missing, format));
            assertEquals("COMMENT_REQUIRED", fails(() -> decide(fx, HANDLER, id, "RETURN", "", null, null)).code());
            ItemView v = decide(fx, HANDLER, id, "RETURN", "未标注公开属性，请在附注处注明", List.of(new DecisionRequest.Verdict(format.id(), "DISMISSED", "格式问题不影响公开")), null);
            assertEquals("RETURNED", v.outcome());
            String notice = fx.decisions().returnNotice(HANDLER, id).noticeText();
            assertTrue(notice.contains("退回通知") && notice.contains("应急管理局") && notice.contains("未标注公开属性，请在附注处注明"), notice);
            assertTrue(notice.contains("【未标注公开属性】"), notice);
            assertFalse(notice.contains("[2022]"), "a dismissed finding is not asked to be fixed");
            assertTrue(notice.contains("supersedes = " + id), notice);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void verdicts_are_checked_and_a_bad_one_changes_nothing(String kind) throws Exception {
        try (QueueFixture fx = QueueFixture.open(kind, dir)) {
            ReportedFinding f = QueueFixture.finding(Category.PERSON_NAME, Severity.MEDIUM, "依规");
            String id = fx.document("通知", "办公室", Attribute.PUBLIC, Route.DISCLOSURE_REVIEW, List.of(f));
            int v = fx.queues().item(SECRECY, id).version();
            assertEquals("REASON_REQUIRED", fails(() -> fx.decisions().decide(SECRECY, id,
                    new DecisionRequest("APPROVE", null, v, List.of(new DecisionRequest.Verdict(f.id(), "DISMISSED", null)), null))).code());
            assertEquals("BAD_VERDICT", fails(() -> fx.decisions().decide(SECRECY, id,
                    new DecisionRequest("APPROVE", null, v, List.of(new DecisionRequest.Verdict(f.id(), "MAYBE", null)), null))).code());
            assertEquals("UNKNOWN_FINDING", fails(() -> fx.decisions().decide(SECRECY, id,
                    new DecisionRequest("APPROVE", null, v, List.of(new DecisionRequest.Verdict("no-such-finding", "CONFIRMED", null)), null))).code());
            ItemView after = fx.queues().item(SECRECY, id);
            assertEquals(v, after.version(), "the failed decision was rolled back");
            assertEquals("DISCLOSURE_REVIEW", after.queue());
            assertEquals("BAD_ACTION", fails(() -> fx.decisions().decide(SECRECY, id, new DecisionRequest("PUBLISH", null, v, null, null))).code());
            assertEquals("VERSION_REQUIRED", fails(() -> fx.decisions().decide(SECRECY, id, new DecisionRequest("APPROVE", null, null, null, null))).code());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void dismissed_findings_become_allow_list_suggestions(String kind) throws Exception {
        try (QueueFixture fx = QueueFixture.open(kind, dir)) {
            for (int i = 0; i < 2; i++) {
                ReportedFinding f = QueueFixture.finding(Category.PERSON_NAME, Severity.MEDIUM, "向社会");
                ReportedFinding real = QueueFixture.finding(Category.PERSON_NAME, Severity.MEDIUM, "李明");
                String id = fx.document("公告" + i, "办公室", Attribute.PUBLIC, Route.DISCLOSURE_REVIEW, List.of(f, real));
                decide(fx, SECRECY, id, "APPROVE", null, List.of(new DecisionRequest.Verdict(f.id(), "DISMISSED", "“向社会”不是人名"),
                        new DecisionRequest.Verdict(real.id(), "CONFIRMED", null)), null);
            }
            List<StatisticsService.Suggestion> s = fx.review.statistics().suggestions(SECRECY, 1);
            assertEquals(1, s.size(), "confirmed findings are not suggested: " + s);
            assertEquals("向社会", s.get(0).text());
            assertEquals(2, s.get(0).dismissed());
            assertEquals(2, s.get(0).documents());
            assertEquals(List.of("“向社会”不是人名"), s.get(0).reasons());
            assertTrue(s.get(0).advice().contains("允许列表"));
            assertTrue(fx.review.statistics().suggestions(SECRECY, 3).isEmpty(), "below the minimum");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void release_gives_the_claim_back_only_to_its_holder(String kind) throws Exception {
        try (QueueFixture fx = QueueFixture.open(kind, dir)) {
            String id = fx.clean("通知");
            assertEquals("NOT_CLAIMED", fails(() -> decide(fx, HANDLER, id, "RELEASE", null, null, null)).code());
            ItemView c = fx.queues().claim(HANDLER, "PUBLICATION_REVIEW").orElseThrow();
            Actor other = new Actor("sun.li", Actor.Role.DOCUMENT_OFFICE, "办公室");
            assertEquals("CLAIMED_BY_OTHER", fails(() -> fx.decisions().decide(other, id, new DecisionRequest("RELEASE", null, c.version(), null, null))).code());
            ItemView r = fx.decisions().decide(HANDLER, id, new DecisionRequest("RELEASE", null, c.version(), null, null));
            assertNull(r.claimant());
            assertEquals("HANDLER", r.stage());
            assertEquals(c.version() + 1, r.version());
            assertEquals(id, fx.queues().claim(other, "PUBLICATION_REVIEW").orElseThrow().documentId(), "free for the next reviewer");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void bulk_decisions_pass_the_same_checks_one_by_one(String kind) throws Exception {
        try (QueueFixture fx = QueueFixture.open(kind, dir)) {
            String a = fx.clean("甲");
            String b = fx.clean("乙");
            int va = fx.queues().item(HANDLER, a).version();
            List<DecisionService.BulkResult> res = fx.decisions().bulk(HANDLER, List.of(
                    new DecisionService.BulkItem(a, new DecisionRequest("APPROVE", null, va, null, null)),
                    new DecisionService.BulkItem(b, new DecisionRequest("APPROVE", null, 99, null, null)),
                    new DecisionService.BulkItem("missing", new DecisionRequest("APPROVE", null, 0, null, null)),
                    new DecisionService.BulkItem(b, new DecisionRequest("REGISTER", null, 0, null, null))));
            assertEquals(List.of(200, 409, 404, 400), res.stream().map(DecisionService.BulkResult::status).toList());
            assertEquals("SECTION_HEAD", res.get(0).item().stage());
            assertEquals("STALE_VERSION", res.get(1).error().get("code"));
            assertEquals("HANDLER", fx.queues().item(HANDLER, b).stage());
        }
    }
}
