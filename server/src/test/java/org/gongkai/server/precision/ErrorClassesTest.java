package org.gongkai.server.precision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.gongkai.server.App;
import org.gongkai.server.document.ReportAssembler;
import org.gongkai.server.pipeline.CheckResult;
import org.gongkai.server.pipeline.ReportedFinding;
import org.gongkai.spi.Category;
import org.gongkai.spi.Route;
import org.junit.jupiter.api.Test;
import org.ofdrw.core.basicStructure.ofd.docInfo.CT_DocInfo;
import org.ofdrw.core.basicStructure.ofd.docInfo.CustomDatas;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.PageLayout;
import org.ofdrw.layout.VirtualPage;
import org.ofdrw.layout.element.Paragraph;
import org.ofdrw.layout.element.Position;

/**
 * The classes of error seen on real published documents (issue 10), each through the whole pipeline on a real
 * DOCX or OFD file written here: metadata noise, dictionary terms without context (a budget, an annual report's
 * tally), an ID number inside an individual business's taxpayer number (also no issuer), a house-level address
 * with no label, names (a fragment around a function word, a household label, every field of a form), a phone
 * number wrapped over two lines of an OFD table cell, and internal affairs in an internal bulletin.
 */
class ErrorClassesTest extends CheckedFiles {

    @Test
    void only_properties_that_identify_a_person_or_hide_text_are_hidden_content() throws Exception {
        Path f = docx("properties.docx", d -> {
            var core = d.getProperties().getCoreProperties();
            core.setCreator("张伟");
            core.setLastModifiedByUser("Administrator");
            core.setTitle("关于开展燃气安全检查的通知");
            var custom = d.getProperties().getCustomProperties();
            custom.addProperty("OS", "Windows 10 Pro 10.0.19045");
            custom.addProperty("JavaVersion", "1.8.0_202");
            custom.addProperty("模板版本", "V2.3.1");
            custom.addProperty("审核人", "赵敏");
        }, "关于开展燃气安全检查的通知", "各街道办事处：", "  请于6月30日前完成辖区燃气安全检查。", "江北区应急管理局", "2023年6月1日", "（此件主动公开）");
        CheckResult r = check(f, DOCX);
        assertEquals(List.of("张伟", "赵敏"), of(r, Category.HIDDEN_CONTENT).stream().map(ReportedFinding::text).sorted().toList(), describe(r));
    }

    @Test
    void a_published_budget_never_goes_to_secrecy_review_by_a_dictionary_term() throws Exception {
        Path f = docx("budget.docx", "重庆市江北区保密局2023年部门预算", "一、部门主要职责",
                "  主要职责：负责全区保密工作、机要通信和密码管理，指导涉密载体管理。", "（三）机要通信和保密工作",
                "|支出科目|2023年预算数（万元）|2022年执行数（万元）", "|机要通信经费|3.20|2.80", "|涉密载体销毁|1.50|1.20", "|国防动员|2.00|2.00",
                "二、一般公共预算财政拨款收支情况", "  2023年一般公共预算财政拨款收入合计356.20万元，三公经费与上年持平。",
                "重庆市江北区保密局", "2023年2月10日", "（此件主动公开）");
        CheckResult r = check(f, DOCX);
        assertTrue(of(r, Category.SECRET_CONTENT).isEmpty() && of(r, Category.STABILITY).isEmpty(), describe(r));
        assertEquals(Route.PUBLICATION_REVIEW, r.route(), describe(r));
    }

    @Test
    void an_annual_reports_tally_of_withheld_classes_is_no_exempt_content() throws Exception {
        Path f = docx("annual.docx", "江北区2023年政府信息公开工作年度报告", "  根据《中华人民共和国政府信息公开条例》，现公布本机关2023年度政府信息公开工作情况。",
                "|不予公开的理由|件数", "|属于国家秘密|2", "|危及“三安全一稳定”|1", "|属于内部事务信息|3", "|属于过程性信息|4", "|属于行政执法案卷|0",
                "江北区人民政府办公室", "2024年1月20日", "（此件主动公开）");
        CheckResult r = check(f, DOCX);
        assertEquals(Route.PUBLICATION_REVIEW, r.route(), describe(r));
    }

    @Test
    void an_id_number_inside_a_taxpayer_number_is_personal_and_the_number_is_no_issuer() throws Exception {
        Path f = tmp.resolve("invoice.ofd");
        try (OFDDoc d = new OFDDoc(f)) {
            for (String s : new String[] {"电子发票（普通发票）", "发票号码：23502000000012345678", "购买方名称：重庆市江北区人民政府办公室",
                "统一社会信用代码/纳税人识别号：11500105768865765W", "销售方名称：重庆市江北区王建国副食店", "销售方统一社会信用代码/纳税人识别号：",
                "50010519580312442801", "2023年5月6日", "价税合计（小写）¥128.00", "开票人：刘小红"}) {
                d.add(new Paragraph(s, 4d));
            }
            CT_DocInfo info = d.getOfdDir().getOfd().getDocBody().getDocInfo();
            info.setCustomDatas(new CustomDatas().addCustomData("发票代码", "050001900111").addCustomData("合计金额", "128.00")
                    .addCustomData("开票人", "刘小红"));
        }
        CheckResult r = check(f, OFD);
        assertEquals(List.of("50010519580312442801"), of(r, Category.ID_NUMBER).stream().map(ReportedFinding::text).toList(), describe(r));
        assertNotEquals("50010519580312442801", r.elements().get("issuer"), r.elements().toString());
        assertTrue(of(r, Category.HIDDEN_CONTENT).isEmpty(), "invoice codes, amounts and the printed 开票人 are no hidden content: " + describe(r));
    }

    @Test
    void a_house_level_address_with_no_label_is_found() throws Exception {
        Path f = docx("address.docx", "关于燃气泄漏隐患整改情况的通报", "各社区：",
                "  经排查，阳光花园小区5栋1单元302室存在燃气泄漏隐患，已责令整改。", "江北区应急管理局", "2023年6月1日", "（此件主动公开）");
        CheckResult r = check(f, DOCX);
        List<ReportedFinding> a = of(r, Category.ADDRESS);
        assertEquals(List.of("阳光花园小区5栋1单元302室"), a.stream().map(ReportedFinding::text).toList(), describe(r));
        assertEquals(Route.DISCLOSURE_REVIEW, r.route());
        JsonNode report = App.objectMapper().valueToTree(ReportAssembler.fromCheck("x", "address.docx", "0", DOCX, 1, r));
        JsonNode finding = report.get("findings").get(0);
        for (String field : List.of("category", "severity", "text", "part", "start", "end", "detector", "score", "basis", "explanation",
                "likelihood", "rules", "detail", "masked")) {
            assertTrue(finding.has(field), "report field " + field + ": " + finding);
        }
        assertEquals("阳光花园小区*栋*单元***室", finding.get("masked").asText(), "the masking example masks this finding's own value");
        assertTrue(finding.get("explanation").asText().contains("阳光花园小区*栋*单元***室"), finding.get("explanation").asText());
    }

    @Test
    void a_fragment_around_a_function_word_is_no_name_and_causes_no_conflict() throws Exception {
        Path f = docx("fragments.docx", "关于做好燃气安全宣传工作的通知", "各社区：",
                "  请各社区将联系人和联系电话于月底前报送。居民于清晨发现险情的，应立即拨打119。户主及其家庭成员应当配合入户检查。",
                "江北区应急管理局", "2023年6月1日", "（此件主动公开）");
        CheckResult r = check(f, DOCX);
        assertTrue(of(r, Category.PERSON_NAME).isEmpty() && of(r, Category.ATTRIBUTE_CONFLICT).isEmpty(), describe(r));
        assertEquals(Route.PUBLICATION_REVIEW, r.route(), describe(r));
    }

    @Test
    void every_private_name_of_a_form_and_an_applicant_after_a_household_label_are_found() throws Exception {
        Path f = docx("form.docx", "城乡居民最低生活保障申请审批表",
                "|户主姓名|王建国|性别|男", "|配偶姓名|李秀英|性别|女", "|子女姓名|王小明|就读学校|江北区第一中学", "|经办人|张丽|审核人|陈刚",
                "  申请人家庭：刘长根（户主），家庭人口3人，人均月收入420元。", "（此件依申请公开，理由：涉及个人隐私）");
        CheckResult r = check(f, DOCX);
        assertEquals(List.of("刘长根", "李秀英", "王小明", "王建国"), of(r, Category.PERSON_NAME).stream().map(ReportedFinding::text).sorted().toList(),
                describe(r));
    }

    @Test
    void a_phone_number_wrapped_over_two_lines_of_an_ofd_table_cell_is_found() throws Exception {
        Path f = tmp.resolve("roster.ofd");
        // each cell line is a text object of its own, padded with spaces, as OFD producers write table cells
        String[][] cells = {{"序号", "姓名", "联系电话"}, {"1", "王建国", "1391234  ", "5678  "}};
        try (OFDDoc d = new OFDDoc(f)) {
            VirtualPage v = new VirtualPage(PageLayout.A4());
            double[] x = {20, 40, 80};
            for (int row = 0; row < cells.length; row++) {
                for (int c = 0; c < 3; c++) {
                    String[] parts = c == 2 && row == 1 ? new String[] {cells[1][2], cells[1][3]} : new String[] {cells[row][c]};
                    for (int k = 0; k < parts.length; k++) {
                        Paragraph p = new Paragraph(parts[k], 4d);
                        p.setPosition(Position.Absolute).setX(x[c]).setY(30d + row * 20 + k * 6).setWidth(35d);
                        v.add(p);
                    }
                }
            }
            d.addVPage(v);
        }
        CheckResult r = check(f, OFD);
        assertEquals(List.of("13912345678"), of(r, Category.PHONE_NUMBER).stream().map(p -> p.text().replaceAll("\\s", "")).toList(), describe(r));
    }

    @Test
    void personnel_logistics_and_internal_procedures_of_an_internal_bulletin_are_internal_affairs() throws Exception {
        Path f = docx("bulletin.docx", "城关区应急管理局机关工作简报", "（第3期）",
                "  一、人事调整。经局党组研究，办公室与应急指挥科开展轮岗交流，科室人员调整3人。",
                "  二、后勤保障。自4月起机关食堂就餐实行刷卡，办公用品领用须经科室负责人签字。",
                "  三、内部流程。公文流转一律通过OA系统办理，用印审批须填写用印单。",
                "城关区应急管理局办公室", "2023年4月3日", "（此件不予公开。理由：本机关内部事务信息）");
        CheckResult r = check(f, DOCX);
        assertFalse(of(r, Category.INTERNAL_AFFAIRS).isEmpty(), describe(r));
        assertEquals(Route.REGISTERED, r.route(), describe(r));
    }
}
