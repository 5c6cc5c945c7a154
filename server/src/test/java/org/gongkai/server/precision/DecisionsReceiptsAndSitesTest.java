package org.gongkai.server.precision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gongkai.server.pipeline.CheckResult;
import org.gongkai.spi.Category;
import org.junit.jupiter.api.Test;

/**
 * The classes of error of the third real-document set (fixtures/real3, issue 10 third round), each through the whole
 * pipeline on a real DOCX, PDF or OFD file written here: a published penalty decision naming its procedure and evidence
 * (not the case file) against an internal report that is the case file; a software library as a file's author; an
 * address that locates premises, and a house number in a named village group; a company's account on an invoice's
 * 备注 line and the clerks named there; an institution's work mailbox in its contact block; the payee of a bank receipt,
 * the party of a web-table penalty record and an agency's head as its representative; a new-energy plate a PDF spaces.
 */
class DecisionsReceiptsAndSitesTest extends CheckedFiles {

    @Test
    void a_published_penalty_decision_names_its_procedure_and_evidence_without_disclosing_the_case_file() throws Exception {
        Path decision = docx("penalty.docx", "江北区农业农村委员会", "行政处罚决定书", "江北农（渔业）罚〔2025〕8号",
                "当事人：江北区华达渔具有限公司，统一社会信用代码：91500105MA5U7XQ21K。",
                "  2025年2月17日，本机关依法立案。2月26日，执法人员对当事人进行调查询问，制作了《询问笔录》。",
                "  上述事实，主要有以下证据证明：",
                "  证据一：《询问笔录》1份4页，证明当事人在禁渔期使用禁用渔具捕捞的事实。",
                "  证据二：《证据先行登记保存通知书》1份2页，《先行登记保存物品处理通知书》1份2页，证明本机关程序合法。",
                "  2025年5月6日，本机关向当事人送达了《行政处罚事先告知书》及《送达回证》，案件已调查终结。",
                "江北区农业农村委员会", "2025年5月20日", "（此件主动公开）");
        CheckResult d = check(decision, DOCX);
        assertTrue(of(d, Category.ENFORCEMENT_CASE).isEmpty(), describe(d));

        Path report = docx("report.docx", "江北县生态环境局", "关于江北县某化工厂违法排污案的情况报告",
                "  本案案件编号JBHJ-2022-031。执法人员于2022年4月2日制作现场检查笔录，4月5日对当事人制作询问笔录，调取证据材料共计18份。",
                "  立案审批表、案卷材料已按规定归档，拟作出行政处罚决定书。", "江北县生态环境局", "2022年6月20日", "（此件不予公开）");
        CheckResult r = check(report, DOCX);
        assertFalse(of(r, Category.ENFORCEMENT_CASE).isEmpty(), "an internal report is the case file: " + describe(r));
    }

    @Test
    void a_software_library_as_author_is_no_hidden_content_but_a_person_is() throws Exception {
        Path f = docx("budget-sheet.docx", d -> {
            var core = d.getProperties().getCoreProperties();
            core.setCreator("Qt Xlsx Library");
            core.setLastModifiedByUser("刘晓燕");
        }, "江北区财政局2025年单位预算", "一、收支预算总表", "|项目|预算数", "|一般公共预算拨款|1250.30", "江北区财政局", "2025年2月1日", "（此件主动公开）");
        CheckResult r = check(f, DOCX);
        assertEquals(List.of("刘晓燕"), texts(r, Category.HIDDEN_CONTENT), describe(r));
    }

    @Test
    void a_private_drivers_plate_and_house_in_a_named_village_group_are_found_and_a_sites_address_is_not() throws Exception {
        Path f = pdf("ride-hail.pdf", "攸县交通运输局", "行政处罚决定书", "一、当事人基本情况",
                "姓名：罗建军，性别：男，民族：汉，身份证号码：43022319870929****，住址：湖南",
                "省攸县谭桥街道东塔社区新屋组新屋027号。",
                "  2025年11月28日，罗建军驾驶车牌湘 BF61234比亚迪牌小型轿车擅自从事网络预约出租汽车经营。",
                "攸县交通运输局", "2025年12月5日");
        CheckResult r = check(f, PDF);
        assertEquals(List.of("湘BF61234"), texts(r, Category.LICENSE_PLATE).stream().map(s -> s.replace(" ", "")).toList(), describe(r));
        assertTrue(texts(r, Category.ADDRESS).stream().anyMatch(a -> a.replaceAll("\\s", "").endsWith("新屋组新屋027号")), describe(r));

        Path site = docx("demolition.docx", "佛城管强拆公字〔2025〕第3号",
                "关于佛冈县石角镇环城中路88号商铺后的铁棚（建筑面积283.56平方米）未取得建设工程规划许可证建设案，经立案调查，当事人逾期未拆除。",
                "  限当事人在本公告公布之日起十日内自行拆除在佛冈县石角镇环城中路88号商铺后的违法建设。",
                "佛冈县城市管理和综合执法局", "2025年4月25日");
        CheckResult s = check(site, DOCX);
        assertTrue(of(s, Category.ADDRESS).isEmpty(), "the address locates the illegal structure: " + describe(s));
    }

    @Test
    void a_companys_account_on_an_invoices_remark_line_is_no_bank_card_and_its_clerks_are_named() throws Exception {
        // a 数电发票 prints its labels in the page template: the page text holds only the values
        Path f = ofd("invoice.ofd", "China Tax", Map.of(), Map.of(), "24322000000412345678", "2024年12月05日", "无锡市江北菜篮子工程有限公司",
                "91320200796112345W", "无锡市江北燃气设备有限公司", "91320211739512345X", "¥", "17699.12", "孙雅琴",
                "销方开户行：江苏银行无锡江北支行   账号：32010188000056789   行号：313302001234;", "复核人:朱丽萍;", "共1页 第1页");
        CheckResult r = check(f, OFD);
        assertTrue(of(r, Category.BANK_CARD).isEmpty(), describe(r));
        assertTrue(texts(r, Category.PERSON_NAME).containsAll(List.of("朱丽萍", "孙雅琴")), describe(r));
    }

    @Test
    void a_bank_receipts_payee_and_her_card_are_personal_and_the_payers_account_is_not() throws Exception {
        // the receipt prints 付款人 and 收款人 vertically, one character a line
        Path f = ofd("receipt.ofd", null, Map.of(), Map.of(), "中国建设银行单位客户专用回单", "付", "款", "人", "全 称", "重庆市江北区人民医院",
                "收", "款", "人", "全 称", "罗晓梅", "账 号", "50001083600050212345", "账 号", "6227001234567890121",
                "开户行", "中国建设银行股份有限公司重庆江北支行", "金额", "（小写）￥56.00", "用 途", "报销差旅费");
        CheckResult r = check(f, OFD);
        assertEquals(List.of("罗晓梅"), texts(r, Category.PERSON_NAME), describe(r));
        assertEquals(List.of("6227001234567890121"), texts(r, Category.BANK_CARD), describe(r));
    }

    @Test
    void an_institutions_work_mailbox_and_an_agencys_head_are_public_and_a_web_tables_party_is_not() throws Exception {
        Path gongshi = docx("gongshi.docx", "关于拟申报国家义务教育优质均衡发展县的公示", "  公示期间如有不同意见，请以电话、电子邮件等形式反映。",
                "江苏省教育厅", "监督举报电话：025-83331234", "电子邮箱：liuyang@jsjyt.edu.cn", "江苏省教育厅", "2025年3月13日");
        CheckResult g = check(gongshi, DOCX);
        assertTrue(of(g, Category.EMAIL).isEmpty(), describe(g));

        Path review = docx("review.docx", "平罗县人民政府", "行政复议决定书", "平府复决字〔2023〕30号", "申请人：***，女，汉族",
                "被申请人：平罗县人力资源和社会保障局", "住所地：平罗县政务服务中心14楼", "法定代表人：马建国，系该局局长",
                "第三人：平罗县公安局", "住所地：平罗县萧公大街19号", "法定代表人：张立新，系该局局长", "  申请人不服被申请人作出的不予认定工伤决定，申请行政复议。",
                "平罗县人民政府", "2023年9月1日");
        CheckResult v = check(review, DOCX);
        assertTrue(of(v, Category.PERSON_NAME).isEmpty(), describe(v));

        // a web page's table stored as text: each field's name, a line of "|", its value
        Path record = Files.writeString(tmp.resolve("record.txt"), String.join("\n", "南华县龙川镇人民政府行政处罚决定书-南龙政行处决字〔2024〕第36号",
                "行政相对人名称", "|", "赵桂兰", "|", "违法事实", "|", "当事人在原宅基地旁占用耕地新建彩钢瓦房，未办理建房审批手续。", "|", "处罚机关", "|",
                "南华县龙川镇人民政府"));
        CheckResult p = check(record, "text/plain");
        assertEquals(List.of("赵桂兰"), texts(p, Category.PERSON_NAME), describe(p));
    }
}
