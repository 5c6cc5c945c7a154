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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PERSON_NAME: a name counts only with context — a label (当事人、申请人、户主、联系人 …), a 称谓, a 姓名 column, or an
 * adjacent ID or mobile number. Officials named in their role and masked names are not findings.
 */
class PersonNameDetectorTest {
    private static PersonNameDetector detector;

    @BeforeAll
    static void load() {
        detector = Detect.configured(new PersonNameDetector());
    }

    @Test
    void party_of_a_penalty_decision() {
        String text = "当事人：王建国，男，公民身份号码：500105195803124428，住址：江北区观音桥街道建新北路25号3单元502室，联系电话：13912345678。";
        Finding f = only(run(detector, text), text, Category.PERSON_NAME, "王建国", Severity.MEDIUM);
        assertTrue(f.explanation().contains("当事人"), f.explanation());
        assertTrue(f.score() >= 0.9);
    }

    @Test
    void party_with_full_width_id() {
        String text = "当事人：李秀英，女，身份证号：５１０１０２１９９００７１４３２１５，住所：渝中区解放西路66号附3号。";
        only(run(detector, text), text, Category.PERSON_NAME, "李秀英", Severity.MEDIUM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"申请人：赵志刚", "被申请人 孙丽", "户主谭正国", "投诉人：欧阳明月", "举报人：司马光明", "姓名：冉小雪", "信访人：田秀兰"})
    void labels(String labelled) {
        String name = labelled.replaceFirst("^[^：\\s]*?(人|主|名)[：\\s]*", "");
        String text = labelled + "，于2022年3月提出申请。";
        only(run(detector, text), text, Category.PERSON_NAME, name, Severity.MEDIUM);
    }

    @Test
    void name_followed_by_more_text() {
        String text = "当事人王建国于2022年3月12日在其经营的副食店内销售过期食品。";
        only(run(detector, text), text, Category.PERSON_NAME, "王建国", Severity.MEDIUM);
    }

    @Test
    void name_that_hanlp_does_not_recognise_ends_before_a_label_word() {
        String text = "联系人王小明电话13985012345";
        only(run(detector, text), text, Category.PERSON_NAME, "王小明", Severity.MEDIUM);
    }

    @Test
    void surname_that_is_also_an_everyday_word() {
        String text = "申请人：向东，男，于2022年5月提出申请；申请人向本机关提交了申请表。";
        only(run(detector, text), text, Category.PERSON_NAME, "向东", Severity.MEDIUM);
    }

    @Test
    void household_head_in_a_subsidy_notice() {
        String text = "经核实，补助资金通过“一卡通”发放至农户账户。其中：户主谭正国，银行卡号6222021001123456789，补助金额1200元。";
        only(run(detector, text), text, Category.PERSON_NAME, "谭正国", Severity.MEDIUM);
    }

    @Test
    void listed_after_a_label() {
        String text = "  近期，我县重点信访人员赵德明、孙桂芬等5人多次扬言赴省上访。";
        List<Finding> found = run(detector, text);
        assertEquals(2, found.size(), Detect.describe(found));
        one(found, text, Category.PERSON_NAME, "赵德明", Severity.MEDIUM);
        one(found, text, Category.PERSON_NAME, "孙桂芬", Severity.MEDIUM);
    }

    @Test
    void contact_person_with_a_mobile() {
        DocumentText doc = DocumentText.of(List.of(Block.body("为防范燃气安全事故，决定在全县开展城镇燃气安全专项整治。"),
                Block.of(Part.TRACKED_DELETION, "联系人王刚，手机13812345678。")));
        only(run(detector, doc), doc.text(), Category.PERSON_NAME, "王刚", Severity.MEDIUM);
    }

    @Test
    void honorifics() {
        String text = "经核实，市民王强先生反映的问题属实；李秀兰女士的申请已受理。";
        List<Finding> found = run(detector, text);
        assertEquals(2, found.size(), Detect.describe(found));
        one(found, text, Category.PERSON_NAME, "王强", Severity.MEDIUM);
        one(found, text, Category.PERSON_NAME, "李秀兰", Severity.MEDIUM);
    }

    @Test
    void name_next_to_an_id_number_or_a_mobile() {
        String text = "1 白云飞 370202198811116618\n2 冉小雪 42010619\n70040135\n32\n联系人及电话：刘洋 13985012345";
        List<Finding> found = run(detector, text);
        assertEquals(3, found.size(), Detect.describe(found));
        one(found, text, Category.PERSON_NAME, "白云飞", Severity.MEDIUM);
        one(found, text, Category.PERSON_NAME, "冉小雪", Severity.MEDIUM);
        one(found, text, Category.PERSON_NAME, "刘洋", Severity.MEDIUM);
    }

    @Test
    void name_column_of_a_docx_table() {
        DocumentText doc = Detect.table("秀山县民政局关于2022年度临时救助对象的公示", new String[][] {
                {"序号", "姓名", "救助金额（元）"},
                {"1", "杨光辉", "2000"},
                {"2", "吴小平", "1500"},
                {"3", "田秀兰", "3000"}}, "秀山县民政局\n2022年9月5日");
        List<Finding> found = run(detector, doc);
        assertEquals(3, found.size(), Detect.describe(found));
        for (String name : new String[] {"杨光辉", "吴小平", "田秀兰"}) {
            Finding f = one(found, doc.text(), Category.PERSON_NAME, name, Severity.MEDIUM);
            assertTrue(f.explanation().contains("姓名"), f.explanation());
        }
    }

    @Test
    void masked_names_are_not_findings() {
        none(run(detector, "当事人：王某，身份证号码：500105********4428，联系电话：139****5678。"));
        none(run(detector, "申请人：张某某；投诉人：李*；举报人：陈**；户主：刘×芳；信访人：赵＊明"));
        DocumentText doc = Detect.table(null, new String[][] {{"序号", "姓名", "身份证号"}, {"1", "张*明", "500239********2214"},
                {"2", "刘*芳", "500239********0027"}, {"3", "陈*", "500239********4816"}, {"4", "王某", "500239********1020"}}, null);
        none(run(detector, doc));
    }

    @Test
    void officials_named_in_their_role_are_public() {
        none(run(detector, "  经研究，决定对县财政局等8个先进单位和张建华同志等10名先进个人予以通报表扬。县政务公开办主任刘明同志要求各单位学习先进经验。"));
        none(run(detector, "县长张三主持会议，副县长李四、县政府办主任王五出席。"));
        none(run(detector, "签发人：李明\n审核人：王芳\n经办人：赵强"));
        none(run(detector, "  经审核，同意刘海洋同志赴德国开展经贸交流。"));
    }

    @Test
    void administrative_prose_is_not_read_as_names() {
        String text = "  各乡镇、各部门要依规落实责任，应在规定时限内向社会公开，当事人应当配合调查。当事人陈述申辩的，本局应当听取。"
                + "申请人向本机关提出申请，申请人申请公开的信息涉及第三方的，应当书面征求第三方意见。当事人对本决定不服的，可申请复议。"
                + "申请人申请于2022年5月6日受理；当事人高度重视，当事人全部改正。经营者应当在10日内整改。";
        none(run(detector, text));
    }

    @Test
    void company_party_is_not_a_person() {
        none(run(detector, "当事人：重庆市荣昌区宏达商贸有限公司\n统一社会信用代码：91500105MA5U8KQ3XN\n法定代表人职务：执行董事"));
    }

    @Test
    void works_before_configure_is_called() {
        PersonNameDetector fresh = new PersonNameDetector();
        String text = "当事人：王建国，男。";
        only(run(fresh, text), text, Category.PERSON_NAME, "王建国", Severity.MEDIUM);
    }
}
