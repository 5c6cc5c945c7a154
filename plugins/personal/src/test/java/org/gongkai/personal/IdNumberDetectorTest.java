package org.gongkai.personal;

import static org.gongkai.personal.Detect.none;
import static org.gongkai.personal.Detect.one;
import static org.gongkai.personal.Detect.only;
import static org.gongkai.personal.Detect.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gongkai.spi.Block;
import org.gongkai.spi.Category;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.Finding;
import org.gongkai.spi.Part;
import org.gongkai.spi.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ID_NUMBER: pattern → GB 11643 validation → context → score. */
class IdNumberDetectorTest {
    private final IdNumberDetector detector = Detect.configured(new IdNumberDetector());

    private static final String PENALTY = """
            江北县市场监督管理局文件
            江北市监罚〔2022〕15号
            行政处罚决定书
            当事人：王建国，男，公民身份号码：500105195803124428，住址：江北区观音桥街道建新北路25号3单元502室，联系电话：13912345678。
              2022年3月12日，本局执法人员对当事人经营的副食店进行检查，发现其销售超过保质期的食品共计12件，货值金额人民币1,260.50元。
              依据第一百二十四条，本局决定：没收违法所得，并处罚款人民币伍仟元整（¥5,000.00）。
              本局地址：江北县建设路18号，联系电话：023-67881234。
            江北县市场监督管理局
            2022年6月15日
            """;

    @Test
    void id_number_of_a_party_in_a_penalty_decision() {
        List<Finding> found = run(detector, PENALTY);
        Finding f = only(found, PENALTY, Category.ID_NUMBER, "500105195803124428", Severity.BLOCKER);
        assertEquals(0.99, f.score(), 1e-9, "公民身份号码 context raises the score");
        assertTrue(f.explanation().contains("校验位正确") && f.explanation().contains("500105") && f.explanation().contains("1958-03-12"),
                f.explanation());
        assertEquals("id-number", f.detector());
    }

    @Test
    void valid_number_without_context_is_still_a_finding_with_a_lower_score() {
        String text = "附表第3行：510102199007143215";
        Finding f = only(run(detector, text), text, Category.ID_NUMBER, "510102199007143215", Severity.BLOCKER);
        assertTrue(f.score() >= 0.9 && f.score() < 0.99, "score " + f.score());
    }

    @Test
    void full_width_digits_are_found_and_reported_as_written() {
        String text = "当事人：李秀英，女，身份证号：５１０１０２１９９００７１４３２１５，住所：渝中区解放西路66号附3号。";
        only(run(detector, text), text, Category.ID_NUMBER, "５１０１０２１９９００７１４３２１５", Severity.BLOCKER);
    }

    @Test
    void full_width_check_character_x() {
        String text = "身份证号码１１０１０５１９４９１２３１００２Ｘ。";
        only(run(detector, text), text, Category.ID_NUMBER, "１１０１０５１９４９１２３１００２Ｘ", Severity.BLOCKER);
    }

    @Test
    void lower_case_x_is_accepted() {
        String text = "申请人身份证号：11010519491231002x";
        only(run(detector, text), text, Category.ID_NUMBER, "11010519491231002x", Severity.BLOCKER);
    }

    @Test
    void number_wrapped_over_lines_of_a_table_cell() {
        DocumentText doc = DocumentText.of(List.of(
                new Block(Part.TABLE, "姓名", null, "表格1 第1行第1列"), new Block(Part.TABLE, "身份证号码", null, "表格1 第1行第2列"),
                new Block(Part.TABLE, "白云飞", null, "表格1 第2行第1列"), new Block(Part.TABLE, "50010519\n58031244\n28", null, "表格1 第2行第2列")));
        List<Finding> found = run(detector, doc);
        Finding f = only(found, doc.text(), Category.ID_NUMBER, "50010519\n58031244\n28", Severity.BLOCKER);
        assertEquals(doc.blockStart(3), f.span().start());
        assertEquals(doc.blockEnd(3), f.span().end());
    }

    @Test
    void numbers_wrapped_in_narrow_pdf_table_cells_row_after_row() {
        String pdf = "序号 姓名 身份证号码\n1 白云飞 37020219\n88111166\n18\n2 冉小雪 42010619\n70040135\n32";
        List<Finding> found = run(detector, pdf);
        assertEquals(2, found.size(), Detect.describe(found));
        one(found, pdf, Category.ID_NUMBER, "37020219\n88111166\n18", Severity.BLOCKER);
        one(found, pdf, Category.ID_NUMBER, "42010619\n70040135\n32", Severity.BLOCKER);
    }

    @Test
    void number_wrapped_at_the_end_of_a_pdf_paragraph_line() {
        String text = "经查，当事人张某（身份证号码5001051958\n03124428）于2022年5月在本辖区无证经营。";
        only(run(detector, text), text, Category.ID_NUMBER, "5001051958\n03124428", Severity.BLOCKER);
    }

    @Test
    void letter_spaced_pdf_line() {
        String text = "身 份 证 号 ： 5 0 0 1 0 5 1 9 5 8 0 3 1 2 4 4 2 8";
        only(run(detector, text), text, Category.ID_NUMBER, "5 0 0 1 0 5 1 9 5 8 0 3 1 2 4 4 2 8", Severity.BLOCKER);
    }

    @Test
    void every_number_of_an_unmasked_public_list() {
        String text = """
                秀山县民政局
                关于2022年度临时救助对象的公示
                序号\t姓名\t身份证号\t联系电话\t救助金额（元）
                1\t杨光辉\t520322198511020023\t15823456789\t2000
                2\t吴小平\t440304197612301556\t13667781234\t1500
                3\t田秀兰\t330106199205200040\t18983215566\t3000
                公示期为2022年9月5日至2022年9月11日。
                """;
        List<Finding> found = run(detector, text);
        assertEquals(3, found.size(), Detect.describe(found));
        for (String id : new String[] {"520322198511020023", "440304197612301556", "330106199205200040"}) {
            one(found, text, Category.ID_NUMBER, id, Severity.BLOCKER);
        }
    }

    @Test
    void masked_public_list_has_no_findings() {
        String text = """
                黔江区民政局关于2022年第二季度城乡低保新增对象的公示
                序号\t姓名\t身份证号\t保障人数\t月保障金（元）
                1\t张*明\t500239********2214\t3\t1260
                2\t刘*芳\t500239********0027\t1\t590
                3\t陈*\t5002391980******16\t2\t880
                4\t王某\t500239*****1020412\t1\t590
                5\t李**\t500239XXXXXXXX4816\t2\t880
                公示期7天。如有异议，请向区民政局反映，监督电话：023-79223456。
                """;
        none(run(detector, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"500105********4428", "500105195803****28", "5001**********4428", "500105 19580312 ****", "５００１０５＊＊＊＊＊＊＊＊４４２８"})
    void masked_forms_are_not_findings(String masked) {
        none(run(detector, "当事人：王某，身份证号码：" + masked + "，联系电话：139****5678。"));
    }

    @Test
    void eighteen_digits_failing_the_checksum_are_not_an_id_number() {
        none(run(detector, "经查，当事人于2022年4月经营标签不符合规定的预包装食品，批次编号500105195803124420。"));
        none(run(detector, "当事人身份证号：500105195803124427（与户籍信息不符）"));
    }

    @Test
    void area_and_birth_date_must_be_real() {
        none(run(detector, "身份证号：" + IdNumberTest.withCheck("99010519491231002")));
        none(run(detector, "身份证号：" + IdNumberTest.withCheck("52010219991301001")));
        none(run(detector, "身份证号：" + IdNumberTest.withCheck("52010218991231001")));
    }

    @Test
    void credit_codes_are_not_id_numbers() {
        none(run(detector, "当事人：重庆市荣昌区宏达商贸有限公司\n统一社会信用代码：91500105MA5U8KQ3XN\n法定代表人职务：执行董事"));
        // an all-digit code of a 事业单位 in 南川区 (500119) that also passes the GB 11643 check: the label decides
        String both = "125001197506150496";
        assertTrue(CreditCode.isValid(both) && IdNumber.isValid18(both));
        none(run(detector, "南川区疾病预防控制中心（统一社会信用代码：" + both + "）"));
        none(run(detector, "纳税人识别号 " + both));
    }

    @Test
    void order_case_and_contract_numbers_are_not_id_numbers() {
        none(run(detector, "订单号：202206151234567890，合同编号：JBCG-2022-0615-018，项目编号：JBGGZY-2022-0318"));
        // numbers made of an area code, a date and a serial have the shape of an ID and may even pass its check
        String contract = "520102202206150019";
        assertTrue(IdNumber.isValid18(contract));
        none(run(detector, "合同编号：" + contract + "，签订日期：2022年6月15日。"));
        none(run(detector, "案件编号 500103202303180028 已移送。"));
    }

    @Test
    void dates_document_numbers_amounts_and_phones_are_not_id_numbers() {
        String text = "江北府办发〔2022〕37号 2023年6月15日 20230615 20230615103045 ¥3,260,000.00 13912345678 023-67881234 "
                + "6222021001123456789 邮编401147";
        none(run(detector, text));
    }

    @Test
    void an_id_inside_a_longer_digit_run_is_not_reported() {
        none(run(detector, "流水号5001051958031244281"));
        none(run(detector, "流水号1500105195803124428"));
    }

    @Test
    void legacy_15_digit_number_needs_id_context() {
        String text = "申请人身份证号：150102880730303";
        Finding f = only(run(detector, text), text, Category.ID_NUMBER, "150102880730303", Severity.HIGH);
        assertTrue(f.explanation().contains("15位"));
        none(run(detector, "项目编号150102880730303"));
        none(run(detector, "身份证号：360198910283844"));
        none(run(detector, "身份证号：815727834224151"));
    }

    @Test
    void foreign_permanent_residence_id_card() {
        String text = "外国人永久居留身份证号码：932682198501010017";
        Finding f = only(run(detector, text), text, Category.ID_NUMBER, "932682198501010017", Severity.BLOCKER);
        assertTrue(!f.explanation().contains("null"), f.explanation());
    }

    @Test
    void hong_kong_macao_taiwan_residence_permits() {
        String text = "居住证号码：81000019980902013X、820000200009100032、830000200209060065";
        List<Finding> found = run(detector, text);
        assertEquals(3, found.size(), Detect.describe(found));
        one(found, text, Category.ID_NUMBER, "81000019980902013X", Severity.BLOCKER);
    }

    @Test
    void numbers_in_hidden_parts_are_found_too() {
        DocumentText doc = DocumentText.of(List.of(Block.body("关于2022年临时救助的通知"),
                new Block(Part.COMMENT, "核对：杨光辉 520322198511020023", null, "批注 作者：李小红"),
                Block.of(Part.TRACKED_DELETION, "吴小平440304197612301556")));
        List<Finding> found = run(detector, doc);
        one(found, doc.text(), Category.ID_NUMBER, "520322198511020023", Severity.BLOCKER);
        one(found, doc.text(), Category.ID_NUMBER, "440304197612301556", Severity.BLOCKER);
    }

    @Test
    void two_numbers_separated_by_punctuation() {
        String text = "当事人王建国（500105195803124428）、李秀英（510102199007143215）";
        List<Finding> found = run(detector, text);
        assertEquals(2, found.size());
        one(found, text, Category.ID_NUMBER, "510102199007143215", Severity.BLOCKER);
    }

    @Test
    void nothing_in_empty_or_odd_text() {
        none(run(detector, ""));
        none(run(detector, "\n\n\n"));
        none(run(detector, "１２３４５６７８９０".repeat(5)));
        none(run(detector, "0".repeat(10_000)));
    }

    // ---- 15-digit legacy numbers in an ID column (held-out finding 6) ----

    @Test
    void legacy_number_in_an_id_column_of_a_docx_table() {
        // the header cell is far from the numbers (more than 20 characters): only the column ties them together
        DocumentText doc = Detect.table("慈利县民政局关于2023年第二批特困供养人员的公示", new String[][] {
                {"序号", "姓名", "性别", "公民身份号码", "家庭住址", "供养方式", "供养标准（元/月）"},
                {"1", "邓春生", "男", "430726750918351", "零阳镇枫香村", "分散供养", "720"},
                {"2", "韩桂英", "女", "430726198804120023", "零阳镇青林村", "集中供养", "950"}}, null);
        List<Finding> found = run(detector, doc);
        assertEquals(2, found.size(), Detect.describe(found));
        Finding f = one(found, doc.text(), Category.ID_NUMBER, "430726750918351", Severity.HIGH);
        assertTrue(f.explanation().contains("15位") && f.explanation().contains("身份证号列"), f.explanation());
        one(found, doc.text(), Category.ID_NUMBER, "430726198804120023", Severity.BLOCKER);
    }

    @Test
    void legacy_number_in_other_columns_is_not_an_id() {
        DocumentText doc = Detect.table(null, new String[][] {
                {"序号", "企业名称", "注册号", "备注"},
                {"1", "慈利县永顺建材厂", "430726750918351", "430726750918351"}}, null);
        none(run(detector, doc));
        DocumentText noHeader = Detect.table(null, new String[][] {{"1", "邓春生", "430726750918351"}}, null);
        none(run(detector, noHeader));
    }

    @Test
    void legacy_number_in_a_row_of_a_pdf_text_table() {
        String text = "序号 姓名 身份证号码 金额\n1 邓春生 430726750918351 1200\n2 韩桂英 430726198804120023 800";
        List<Finding> found = run(detector, text);
        assertEquals(2, found.size(), Detect.describe(found));
        one(found, text, Category.ID_NUMBER, "430726750918351", Severity.HIGH);
        // a sentence between the header and the number: prose, not a table row
        none(run(detector, "序号 姓名 身份证号码 金额\n以上为表头样式，本表各栏填报说明如下：档案编号栏填写系统生成的号码，如430726750918351，不得涂改"));
    }
}
