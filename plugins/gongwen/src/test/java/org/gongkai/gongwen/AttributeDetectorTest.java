package org.gongkai.gongwen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.gongkai.spi.Attribute;
import org.gongkai.spi.Category;
import org.gongkai.spi.Finding;
import org.gongkai.spi.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttributeDetectorTest {
    private static final Map<String, String> WORDING = Map.of("PUBLIC", "（此件主动公开）", "ON_REQUEST", "（此件依申请公开）",
            "NOT_PUBLIC", "（此件不予公开）", "PARTIAL", "（此件部分公开）");
    private final AttributeDetector detector = new AttributeDetector();

    /** declared × annotated, no reasons given anywhere: the findings the document office would raise. */
    @ParameterizedTest(name = "declared {0}, annotated {1} → {2}")
    @CsvSource({
            "-, PUBLIC, -", "-, ON_REQUEST, REASON", "-, NOT_PUBLIC, REASON", "-, PARTIAL, REASON", "-, -, MISSING",
            "PUBLIC, PUBLIC, -", "PUBLIC, ON_REQUEST, MISMATCH", "PUBLIC, NOT_PUBLIC, MISMATCH", "PUBLIC, PARTIAL, MISMATCH", "PUBLIC, -, MISSING",
            "ON_REQUEST, PUBLIC, MISMATCH|REASON", "ON_REQUEST, ON_REQUEST, REASON", "ON_REQUEST, NOT_PUBLIC, MISMATCH|REASON",
            "ON_REQUEST, PARTIAL, MISMATCH|REASON", "ON_REQUEST, -, MISSING|REASON",
            "NOT_PUBLIC, PUBLIC, MISMATCH|REASON", "NOT_PUBLIC, ON_REQUEST, MISMATCH|REASON", "NOT_PUBLIC, NOT_PUBLIC, REASON",
            "NOT_PUBLIC, PARTIAL, MISMATCH|REASON", "NOT_PUBLIC, -, MISSING|REASON",
            "PARTIAL, PUBLIC, MISMATCH|REASON", "PARTIAL, ON_REQUEST, MISMATCH|REASON", "PARTIAL, NOT_PUBLIC, MISMATCH|REASON",
            "PARTIAL, PARTIAL, REASON", "PARTIAL, -, MISSING|REASON"
    })
    void declared_and_annotated_combinations_give_the_right_findings(String declared, String annotated, String expected) {
        Attribute d = declared.equals("-") ? null : Attribute.valueOf(declared);
        String text = Docs.notice("关于做好防汛工作的通知", annotated.equals("-") ? null : WORDING.get(annotated), null);
        List<Finding> fs = Docs.run(detector, text, d, null);
        TreeSet<String> got = new TreeSet<>();
        for (Finding f : fs) {
            // ATTRIBUTE_MISSING → MISSING, ATTRIBUTE_REASON_MISSING → REASON, ATTRIBUTE_MISMATCH → MISMATCH
            got.add(f.category() == Category.ATTRIBUTE_REASON_MISSING ? "REASON" : f.category().name().replace("ATTRIBUTE_", ""));
        }
        TreeSet<String> want = new TreeSet<>(expected.equals("-") ? List.of() : Arrays.asList(expected.split("\\|")));
        assertEquals(want, got);
    }

    @Test
    void missing_annotation_is_a_blocker_that_returns_the_draft() {
        Finding f = Docs.run(detector, Docs.notice("关于做好防汛工作的通知", null, null), null, null).get(0);
        assertEquals(Category.ATTRIBUTE_MISSING, f.category());
        assertEquals(Severity.BLOCKER, f.severity());
        assertTrue(f.explanation().contains("未标识公开属性的公文，应退回公文起草单位重新办理"));
        assertTrue(f.basis().contains("国办发〔2016〕80号"), "the national rule; an office's own rules come from config/basis: " + f.basis());
        assertFalse(f.basis().contains("凤冈"), "no county cited by the detector: " + f.basis());
    }

    @Test
    void declared_reason_satisfies_the_reason_rule() {
        String text = Docs.notice("关于机关车辆管理的通知", "（此件依申请公开）", null);
        assertEquals(List.of(), Docs.run(detector, text, Attribute.ON_REQUEST, "属机关内部管理事务"));
    }

    @Test
    void reason_in_annotation_satisfies_the_reason_rule() {
        String text = Docs.notice("关于机关车辆管理的通知", "（此件不予公开，理由：涉及工作秘密）", null);
        assertEquals(List.of(), Docs.run(detector, text, null, null));
    }

    @Test
    void partial_annotation_naming_its_parts_is_complete() {
        String text = Docs.notice("关于下达项目资金的通知", "（此件部分公开，其中附件2涉及个人信息不予公开）", null);
        assertEquals(List.of(), Docs.run(detector, text, null, null));
    }

    @Test
    void mismatch_points_at_the_annotation() {
        String text = Docs.notice("关于做好防汛工作的通知", "（此件主动公开）", null);
        Finding f = Docs.run(detector, text, Attribute.NOT_PUBLIC, "涉及工作秘密").get(0);
        assertEquals(Category.ATTRIBUTE_MISMATCH, f.category());
        assertEquals("（此件主动公开）", f.text());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "关于申请拨付防汛救灾资金的请示",
            "关于2022年上半年安全生产工作情况的报告",
            "关于对《凤冈县城区停车管理办法（征求意见稿）》征求意见的函",
            "凤冈县农村宅基地管理办法（征求意见稿）",
            "江北区老旧小区改造实施方案（讨论稿）"
    })
    void public_marking_on_a_not_public_type_is_a_conflict(String title) {
        List<Finding> fs = Docs.run(detector, Docs.notice(title, "（此件主动公开）", null), null, null);
        assertEquals(List.of(Category.ATTRIBUTE_CONFLICT), Docs.categories(fs));
        assertEquals(Severity.HIGH, fs.get(0).severity());
        assertTrue(fs.get(0).basis().contains("第十六条第二款"), fs.get(0).basis());
    }

    @Test
    void declared_public_on_a_request_is_a_conflict_too() {
        String text = Docs.notice("关于申请拨付防汛救灾资金的请示", "（此件不予公开，理由：请示属过程性信息）", null);
        List<Category> got = Docs.categories(Docs.run(detector, text, Attribute.PUBLIC, null));
        assertTrue(got.contains(Category.ATTRIBUTE_CONFLICT) && got.contains(Category.ATTRIBUTE_MISMATCH), got.toString());
    }

    @Test
    void minutes_recording_discussion_marked_public_is_a_conflict() {
        String text = "县政府第十二次常务会议纪要\n    2022年5月6日，县长主持召开县政府第十二次常务会议。\n    会议认为，城区停车难问题突出。与会人员发言踊跃。\n"
                + "县人民政府办公室\n2022年5月7日\n（此件主动公开）";
        assertEquals(List.of(Category.ATTRIBUTE_CONFLICT), Docs.categories(Docs.run(detector, text, null, null)));
    }

    @Test
    void public_notice_and_forwarding_notice_are_not_conflicts() {
        assertEquals(List.of(), Docs.run(detector, Docs.notice("关于做好防汛工作的通知", "（此件公开发布）", null), null, null));
        assertEquals(List.of(), Docs.run(detector, Docs.notice("关于转发《关于申请防汛资金的请示》批复的通知", "（此件主动公开）", null), null, null));
        assertEquals(List.of(), Docs.run(detector, Docs.notice("关于同意拨付防汛资金的批复", "（此件主动公开）", null), null, null));
    }
}
