package org.gongkai.gongwen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gongkai.spi.Category;
import org.gongkai.spi.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProcessInfoDetectorTest {
    private final ProcessInfoDetector detector = new ProcessInfoDetector();

    private static String request(String closing) {
        return "凤冈县水务局文件\n凤水呈〔2022〕12号        签发人：李华\n关于申请拨付防汛救灾资金的请示\n县人民政府：\n"
                + "    今年入汛以来，我县遭受多轮强降雨，急需资金300万元。\n    " + closing + "\n凤冈县水务局\n2022年6月20日\n（此件不予公开，理由：请示属过程性信息）";
    }

    @ParameterizedTest
    @ValueSource(strings = {"妥否，请批示。", "当否，请批示。", "以上请示，请审示。", "妥否，请审批。"})
    void request_with_its_closing_is_process_information(String closing) {
        List<Finding> fs = Docs.run(detector, request(closing), null, null);
        assertEquals(List.of(Category.PROCESS_INFO), Docs.categories(fs));
        assertTrue(fs.get(0).basis().contains("第十六条第二款"));
    }

    @Test
    void minutes_recording_discussion_are_process_information() {
        String text = "县政府第十二次常务会议纪要\n    会议认为，城区停车难问题突出。与会人员发言：王局长提出……\n县人民政府办公室\n2022年5月7日";
        assertEquals(List.of(Category.PROCESS_INFO), Docs.categories(Docs.run(detector, text, null, null)));
    }

    @Test
    void minutes_recording_only_decisions_are_not_flagged() {
        String text = "县政府第十二次常务会议纪要\n    一、同意《凤冈县城区停车管理办法》，由县公安局印发实施。\n县人民政府办公室\n2022年5月7日";
        assertEquals(List.of(), Docs.run(detector, text, null, null));
    }

    @Test
    void draft_label_in_the_title_area_is_process_information() {
        String text = "凤冈县城区停车管理办法\n（征求意见稿）\n第一条 为规范城区停车秩序，制定本办法。\n第二条 本办法自发布之日起施行。";
        assertEquals(List.of(Category.PROCESS_INFO), Docs.categories(Docs.run(detector, text, null, null)));
    }

    @Test
    void letter_seeking_opinions_is_process_information() {
        String text = Docs.notice("关于征求《凤冈县城区停车管理办法》修改意见的函", "（此件不予公开，理由：征求意见的公文）", null);
        assertEquals(List.of(Category.PROCESS_INFO), Docs.categories(Docs.run(detector, text, null, null)));
    }

    @Test
    void rule_text_mentioning_requests_and_drafts_is_not_flagged() {
        String rule = "关于规范办文程序的通知\n各单位：\n"
                + "    部门上报的发文请示件没有明确公开属性建议的，予以退文。起草征求意见稿时应同步确定公开属性。\n"
                + "    请示应当一文一事，结尾写明“妥否，请批示”。\n县政府办公室\n2022年3月1日\n（此件主动公开）";
        assertEquals(List.of(), Docs.run(detector, rule, null, null));
    }

    @Test
    void ordinary_notice_is_not_flagged() {
        assertEquals(List.of(), Docs.run(detector, Docs.notice("关于做好防汛工作的通知", "（此件主动公开）", null), null, null));
    }

    @Test
    void minutes_introducing_decisions_with_huiyi_yiding_are_not_flagged() {
        String text = "市政府第五次常务会议纪要\n    会议研究了老旧小区改造工作。会议议定：一、由市住建局牵头制定改造计划。\n    会议强调，各部门要按时完成任务。\n市人民政府办公室\n2024年4月2日";
        assertEquals(List.of(), Docs.run(detector, text, null, null));
    }

    @Test
    void a_draft_put_out_for_public_comment_is_not_process_information() {
        String text = "关于公开征求《临河区农贸市场管理办法（征求意见稿）》意见的公告\n    为提高决策透明度，现将《临河区农贸市场管理办法（征求意见稿）》向社会公开征求意见，"
                + "请于2024年6月30日前反馈。\n临河区市场监督管理局\n2024年6月1日\n（此件主动公开）";
        assertEquals(List.of(), Docs.run(detector, text, null, null));
        assertEquals(List.of(), Docs.run(new InterpretationDetector(), text, null, null));
    }

    @Test
    void an_annual_report_on_government_information_is_published_by_law_but_a_report_upwards_is_not() {
        String annual = "临河区人民政府2023年政府信息公开工作年度报告\n    根据《中华人民共和国政府信息公开条例》，现公布本年度报告。\n临河区人民政府办公室\n2024年1月20日\n（此件主动公开）";
        assertEquals(List.of(), Docs.run(detector, annual, null, null));
        assertEquals(List.of(), Docs.run(new AttributeDetector(), annual, null, null));
        String upward = "关于2023年安全生产工作情况的报告\n市人民政府：\n    现将我区安全生产工作情况报告如下。\n临河区人民政府\n2024年1月20日\n（此件主动公开）";
        assertEquals(List.of(Category.ATTRIBUTE_CONFLICT), Docs.categories(Docs.run(new AttributeDetector(), upward, null, null)));
    }
}
