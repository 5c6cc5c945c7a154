package org.gongkai.gongwen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gongkai.spi.Attribute;
import org.gongkai.spi.Category;
import org.gongkai.spi.Finding;
import org.gongkai.spi.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InterpretationDetectorTest {
    private final InterpretationDetector detector = new InterpretationDetector();

    private List<Finding> run(String title, String annotation, Attribute declared, boolean interpretation) {
        return detector.detect(Docs.ctx(Docs.notice(title, annotation, null), declared, null, interpretation));
    }

    @ParameterizedTest
    @ValueSource(strings = {"关于印发《凤冈县农村宅基地管理办法》的通知", "关于加快发展现代农业的实施意见", "江北区城区停车管理规定",
            "凤冈县城乡低保实施细则", "关于印发江北区老旧小区改造实施方案的通知"})
    void public_policy_without_interpretation_is_flagged(String title) {
        List<Finding> fs = run(title, "（此件主动公开）", null, false);
        assertEquals(List.of(Category.INTERPRETATION_MISSING), Docs.categories(fs), title);
        assertEquals(Severity.MEDIUM, fs.get(0).severity());
        assertTrue(fs.get(0).basis().contains("同步审签"), fs.get(0).basis());
    }

    @Test
    void policy_with_interpretation_attached_is_fine() {
        assertEquals(List.of(), run("关于印发《凤冈县农村宅基地管理办法》的通知", "（此件主动公开）", null, true));
    }

    @Test
    void non_public_policy_needs_no_interpretation() {
        assertEquals(List.of(), run("关于印发《凤冈县农村宅基地管理办法》的通知", "（此件依申请公开，理由：试行阶段）", null, false));
        assertEquals(List.of(), run("关于印发《凤冈县农村宅基地管理办法》的通知", "（此件主动公开）", Attribute.NOT_PUBLIC, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"关于召开农村宅基地管理办法培训会议的通知", "关于做好防汛工作的通知", "关于2022年春节放假安排的通知"})
    void ordinary_notice_is_not_a_policy(String title) {
        assertEquals(List.of(), run(title, "（此件主动公开）", null, false));
    }
}
