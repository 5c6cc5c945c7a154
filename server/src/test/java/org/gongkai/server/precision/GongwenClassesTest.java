package org.gongkai.server.precision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.gongkai.server.pipeline.CheckResult;
import org.gongkai.spi.Attribute;
import org.gongkai.spi.Category;
import org.gongkai.spi.Route;
import org.junit.jupiter.api.Test;

/**
 * The 公文 classes seen on real documents, on real files: the 附注 closing a notice whose text is one paragraph;
 * process-information terms in a list of duties and in a work report's account of drafting done (a labelled draft
 * still counts); internal affairs in an internal data-reporting notice; and the interpretation check giving one
 * published 实施方案 the same answer as another.
 */
class GongwenClassesTest extends CheckedFiles {

    @Test
    void the_annotation_closing_a_notice_flattened_into_one_paragraph_is_found() throws Exception {
        Path f = docx("flattened.docx", "关于调整市农业农村局领导班子成员工作分工的通知",
                "局机关各处室、局属各单位：经研究，现将局领导班子成员工作分工通知如下：一、谭国栋局长：主持局全面工作。二、许丽副局长：负责种植业、农业机械化工作。"
                        + "市农业农村局 2023年7月21日（此件主动公开）");
        CheckResult r = check(f, DOCX);
        assertEquals(Attribute.PUBLIC, r.detected(), describe(r));
        assertTrue(of(r, Category.ATTRIBUTE_MISSING).isEmpty(), describe(r));
        assertFalse(of(r, Category.FORMAT).isEmpty(), "the annotation belongs on a line of its own: " + describe(r));
    }

    @Test
    void process_terms_in_a_list_of_duties_or_an_account_of_drafting_done_are_no_process_information() throws Exception {
        Path budget = pdf("budget.pdf", "湘潭市雨湖区人民政府办公室2024年部门预算", "一、部门主要职能",
                "    雨湖区人民政府办公室是协助区政府领导处理日常工作的工作部门。主要职能包括：", "    1.组织起草或审核以区政府名义发布的文件。",
                "    2.研究审核各部门向区政府请示的事项，提出拟办意见报区政府领导审批。", "    3.负责区政府会议的准备工作。");
        CheckResult b = check(budget, PDF);
        assertTrue(of(b, Category.PROCESS_INFO).isEmpty(), describe(b));

        Path report = docx("rule-of-law.docx", "湘潭市司法局2023年度法治政府建设情况报告",
                "  一年来，我局牵头起草《湘潭市养犬管理条例》，在调研基础上完成草案初稿，先后形成12个版本并公开征求意见。",
                "湘潭市司法局", "2024年1月15日");
        CheckResult w = check(report, DOCX);
        assertTrue(of(w, Category.PROCESS_INFO).isEmpty(), describe(w));

        Path draft = docx("draft.docx", "湘潭市养犬管理办法", "（讨论稿）", "  第一条 为规范养犬行为，制定本办法。", "  本稿为讨论稿，尚未定稿，请各单位提出修改意见。");
        CheckResult d = check(draft, DOCX);
        assertFalse(of(d, Category.PROCESS_INFO).isEmpty(), "a draft labelled as such still is: " + describe(d));
    }

    @Test
    void an_internal_data_reporting_notice_to_the_agencys_own_sections_is_internal_affairs() throws Exception {
        Path f = docx("reporting.docx", "关于进一步规范统计报表报送流程的通知", "局机关各科室、局属各单位：",
                "  一、各科室每月5日前将上月统计报表报送办公室，由办公室内部审核后统一报送。", "  二、统计报表实行台账管理，报送时限以办公室签收时间为准。",
                "县农业农村局办公室", "2023年3月1日", "（此件不予公开，理由：本机关内部工作流程）");
        CheckResult r = check(f, DOCX);
        assertFalse(of(r, Category.INTERNAL_AFFAIRS).isEmpty(), describe(r));
        assertEquals(Route.REGISTERED, r.route(), describe(r));

        Path published = docx("reporting-public.docx", "关于进一步规范统计报表报送流程的通知", "各乡镇人民政府，县直各单位：",
                "  各单位每月5日前将上月统计报表报送县统计局，按报送流程办理。", "县统计局", "2023年3月1日", "（此件主动公开）");
        CheckResult p = check(published, DOCX);
        assertTrue(of(p, Category.INTERNAL_AFFAIRS).isEmpty(), "addressed to other bodies, not internal: " + describe(p));
    }

    @Test
    void one_published_implementation_plan_gets_the_same_answer_as_another() throws Exception {
        Path plain = docx("plan.docx", "关于印发《雨湖区推进中医药传承创新发展实施方案》的通知", "各街道、区直各单位：",
                "  现将《雨湖区推进中医药传承创新发展实施方案》印发给你们，请认真贯彻执行。", "雨湖区人民政府办公室", "2024年3月1日", "（此件主动公开）");
        Path told = docx("plan-web.docx", "首页 > 政务公开 > 政策文件", "关于印发《雨湖区推进中医药传承创新发展实施方案》的通知", "各街道、区直各单位：",
                "  本方案在形成草案后向社会公开征求意见，现将《雨湖区推进中医药传承创新发展实施方案》印发给你们，请认真贯彻执行。",
                "雨湖区人民政府办公室", "2024年3月1日", "（此件主动公开）");
        Path consultation = docx("plan-draft.docx", "雨湖区推进中医药传承创新发展实施方案", "（征求意见稿）",
                "  为广泛听取意见，现向社会公开征求意见。", "雨湖区人民政府办公室", "2024年1月5日", "（此件主动公开）");
        for (Path p : new Path[] {plain, told}) {
            CheckResult r = check(p, DOCX);
            assertFalse(of(r, Category.INTERPRETATION_MISSING).isEmpty(), p.getFileName() + ": " + describe(r));
        }
        CheckResult c = check(consultation, DOCX);
        assertTrue(of(c, Category.INTERPRETATION_MISSING).isEmpty(), "a draft out for comment: " + describe(c));
    }
}
