package org.gongkai.server.precision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gongkai.server.pipeline.CheckResult;
import org.gongkai.server.pipeline.ReportedFinding;
import org.gongkai.spi.Category;
import org.gongkai.spi.Route;
import org.junit.jupiter.api.Test;

/**
 * Whose contact it is (DOMAIN.md: an office's numbers are public, a private person's are not), on real files of the
 * kinds seen: an office's contact block in a notice (contact person in role, a landline without area code, a mailbox on
 * a public mail service, the office's address), an office mailbox whose label ends one PDF line and whose address
 * starts the next, an organisation's service lines, and an e-invoice whose page prints the parties' fields without
 * their labels. The same kinds of value of a private person are still found, and a value repeated is one finding.
 */
class WhoseContactTest extends CheckedFiles {

    @Test
    void an_offices_contact_block_is_public_and_a_private_applicants_is_not() throws Exception {
        Path notice = docx("office-contact.docx", "关于开展2024年度中医药适宜技术推广项目申报工作的通知", "各区卫生健康委、各有关单位：",
                "  请于5月31日前将申报材料报送至市中医药服务指导中心。", "  联 系 人：周晓岚    联系电话：62015533",
                "  电子邮箱：zyyzdzx@163.com    邮编：100044", "  地    址：西城区车公庄大街9号院5号楼302室",
                "市中医药服务指导中心", "2024年4月8日", "（此件主动公开）");
        CheckResult r = check(notice, DOCX);
        for (Category c : List.of(Category.PERSON_NAME, Category.EMAIL, Category.ADDRESS, Category.PHONE_NUMBER)) {
            assertTrue(of(r, c).isEmpty(), c + ": " + describe(r));
        }
        assertEquals(Route.PUBLICATION_REVIEW, r.route(), describe(r));

        Path form = docx("applicant-contact.docx", "政府信息公开申请表", "申请人姓名：杜文斌  联系电话：13907315566",
                "电子邮箱：duwenbin1979@163.com", "通讯地址：长沙市岳麓区枫林三路桃花苑小区6栋1单元803室", "所需信息：本小区加装电梯补贴的审批情况",
                "（此件依申请公开，理由：含个人信息）");
        CheckResult p = check(form, DOCX);
        assertEquals(List.of("杜文斌"), texts(p, Category.PERSON_NAME), describe(p));
        assertEquals(List.of("13907315566"), texts(p, Category.PHONE_NUMBER), describe(p));
        assertEquals(List.of("duwenbin1979@163.com"), texts(p, Category.EMAIL), describe(p));
        assertEquals(List.of("长沙市岳麓区枫林三路桃花苑小区6栋1单元803室"), texts(p, Category.ADDRESS), describe(p));
    }

    @Test
    void an_office_mailbox_whose_label_ends_the_pdf_line_above_is_public() throws Exception {
        Path f = pdf("annual-report.pdf", "江陵县人民政府2023年政府信息公开工作年度报告",
                "本报告由江陵县人民政府办公室编制。如对本报告有疑问，请与县政府办公室联系（地",
                "址：江陵县郝穴镇江汉路18号，邮编：434100，电话：0716-4761234，电子邮箱：",
                "jlxzwgk@126.com）。", "一、总体情况");
        CheckResult r = check(f, PDF);
        assertTrue(of(r, Category.EMAIL).isEmpty(), describe(r));
    }

    @Test
    void an_organisations_service_lines_are_public_and_a_named_persons_mobile_is_not() throws Exception {
        Path f = docx("recruitment.docx", "2024年湘乡市部分事业单位公开招聘工作人员公告", "  一、报名时间：2024年6月3日至6月7日。",
                "  报名咨询电话：0731-56781234，13907325678（工作日）", "  招聘咨询：15173225678", "  监督电话：0731-56785678",
                "  报名期间，考生谭志远（手机18973215566）反映的问题已由招聘办答复。", "湘乡市人力资源和社会保障局", "2024年5月20日");
        CheckResult r = check(f, DOCX);
        assertEquals(List.of("18973215566"), texts(r, Category.PHONE_NUMBER), describe(r));
    }

    @Test
    void an_e_invoice_prints_its_parties_business_details_and_its_clerks_names_without_labels() throws Exception {
        // the page of an e-invoice: values only, in the order of its fields; the labels are in its template
        Path f = ofd("invoice.ofd", "China Tax",
                Map.of("template-version", "1.0.20.0422", "发票代码", "043002300111", "合计金额", "9433.96", "销售方纳税人识别号", "43030219800516002601",
                        "os.name", "Windows 10", "java.vm.vendor", "Oracle Corporation"),
                Map.of("original_invoice.xml", "湖南增值税电子普通发票 湘潭星辰文化传媒有限公司 91430300MA4QJ8KD2X 雨湖区韶山西路2号宏达广场5栋1203室18973256677 "
                        + "中国工商银行湘潭分行6222021902001234562 雨湖区文彬印章刻制部 43030219800516002601 邓丽萍 邓丽萍 管理员"),
                "湖南增值税电子普通发票", "043002300111", "湘潭星辰文化传媒有限公司", "91430300MA4QJ8KD2X", "雨湖区文彬印章刻制部",
                "雨湖区韶山西路2号宏达广场5栋1203室18973256677", "中国工商银行湘潭分行6222021902001234562", "43030219800516002601",
                "¥", "9433.96", "¥", "566.04", "*印刷品*宣传册", "4716.98113207547", "2", "邓丽萍", "邓丽萍", "管理员");
        CheckResult r = check(f, OFD);
        assertEquals(List.of("43030219800516002601"), texts(r, Category.ID_NUMBER), "the seller's number embeds an ID number: " + describe(r));
        assertEquals(List.of("邓丽萍"), texts(r, Category.PERSON_NAME), "payee and reviewer, once: " + describe(r));
        for (Category c : List.of(Category.PHONE_NUMBER, Category.BANK_CARD, Category.ADDRESS, Category.HIDDEN_CONTENT)) {
            assertTrue(of(r, c).isEmpty(), c + " (a party's 地址、电话 and 开户行及账号, a unit price's decimals, data that repeats the page): " + describe(r));
        }
    }

    @Test
    void a_value_found_in_several_places_is_one_finding_naming_the_others() throws Exception {
        Path f = docx("roster.docx", "关于走访慰问困难群众情况的报告", "|序号|姓名|联系电话|住址", "|1|龚春兰|13807325544|雨湖区向阳小区2栋3单元401室",
                "  经核实，龚春兰（电话13807325544）已领取慰问金。", "雨湖区民政局", "2024年2月1日", "（此件依申请公开，理由：含个人信息）");
        CheckResult r = check(f, DOCX);
        List<ReportedFinding> phones = of(r, Category.PHONE_NUMBER);
        assertEquals(1, phones.size(), describe(r));
        assertTrue(phones.get(0).detail().contains("另见"), phones.get(0).detail());
        assertTrue(phones.get(0).explanation().contains("共出现2处"), phones.get(0).explanation());
        assertEquals(List.of("龚春兰"), texts(r, Category.PERSON_NAME), describe(r));
    }
}
