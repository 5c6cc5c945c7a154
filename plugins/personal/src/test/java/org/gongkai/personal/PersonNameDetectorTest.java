package org.gongkai.personal;

import static org.gongkai.personal.Detect.none;
import static org.gongkai.personal.Detect.noneOf;
import static org.gongkai.personal.Detect.one;
import static org.gongkai.personal.Detect.only;
import static org.gongkai.personal.Detect.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    // ---- party roles beyond 当事人/申请人 (held-out finding 1) ----

    @ParameterizedTest
    @ValueSource(strings = {"被征收人：邓春生", "被拆迁人 韩桂英", "被执行人钱立伟", "受害人：卢晓东", "犯罪嫌疑人：严国强", "救助对象：龚小兰",
            "户名：秦玉珍", "证人：欧小芳"})
    void party_roles(String labelled) {
        String name = labelled.substring(labelled.length() - 3);
        String text = labelled + "，2023年8月已签收相关文书。";
        only(run(detector, text), text, Category.PERSON_NAME, name, Severity.MEDIUM);
    }

    @Test
    void villager_named_in_a_report() {
        String text = "经镇政府核实，青山村村民蒋德福在自家承包地上违规建房，已责令其停止施工。";
        only(run(detector, text), text, Category.PERSON_NAME, "蒋德福", Severity.MEDIUM);
    }

    @Test
    void role_words_in_prose_are_not_names() {
        none(run(detector, "  被征收人应当在补偿协议约定的期限内完成搬迁，被征收人对补偿决定不服的，可以依法申请行政复议。"));
        none(run(detector, "  村民委员会应当召开村民代表大会讨论，村民小组长负责通知到户，村民和居民均可参加。"));
        none(run(detector, "  受害人家属可向公安机关反映情况；救助对象应当如实申报家庭收入。户名：石门县城关镇财政所，账号：4301 0000 1234 5678 901。"));
        none(run(detector, "  本市居民身份证换领工作由公安机关负责，证人证言应当当庭质证。"));
    }

    // ---- a name followed by （ and an ID, or next to a bank card or account ----

    @Test
    void name_followed_by_a_bracket_and_an_id_number() {
        String text = "经核查，石门村村民付秋菊（身份证号码430726198804120023）虚报种植面积2.5亩，已责令退回补贴资金。";
        Finding f = only(run(detector, text), text, Category.PERSON_NAME, "付秋菊", Severity.MEDIUM);
        assertTrue(f.score() >= 0.8);
        String bare = "虚报面积的农户有：杜长春（430726197509183510）。";
        only(run(detector, bare), bare, Category.PERSON_NAME, "杜长春", Severity.MEDIUM);
    }

    @Test
    void name_next_to_a_bank_card_or_an_account() {
        String text = "补助资金已拨付至蒙秀英6228480402564890018，请注意查收。";
        only(run(detector, text), text, Category.PERSON_NAME, "蒙秀英", Severity.MEDIUM);
        String account = "请将赔偿款转入邹明亮，开户行：湖南石门农村商业银行城关支行，账号：6217003810234567892。";
        only(run(detector, account), account, Category.PERSON_NAME, "邹明亮", Severity.MEDIUM);
    }

    @Test
    void bank_names_and_agency_accounts_next_to_an_account_are_not_names() {
        none(run(detector, "缴款账户：户名：石门县财政局，开户行：中国农业银行石门支行，账号：6228481198765432100。"));
        none(run(detector, "开户银行：农业银行，账号：6228481198765432100。"));
    }

    // ---- names HanLP splits, accepted with strong context (held-out finding 2) ----

    @Test
    void name_hanlp_cuts_short_is_taken_whole_with_a_label() {
        // HanLP reads 黄小/nr 玲/nz and 王晓/nr 玲/nz
        String text = "户主黄小玲，家庭人口3人；申请人王晓玲，于2023年5月提出申请。";
        List<Finding> found = run(detector, text);
        assertEquals(2, found.size(), Detect.describe(found));
        one(found, text, Category.PERSON_NAME, "黄小玲", Severity.MEDIUM);
        one(found, text, Category.PERSON_NAME, "王晓玲", Severity.MEDIUM);
    }

    @Test
    void name_hanlp_splits_is_taken_next_to_a_mobile() {
        // HanLP reads 石/… 秀玲 or 石秀/nr 玲/nz; the mobile right after the cell is the context
        DocumentText doc = Detect.table(null, new String[][] {{"序号", "片区", "网格员", "手机"}, {"1", "城东片区", "石秀玲", "13975012345"}}, null);
        one(run(detector, doc), doc.text(), Category.PERSON_NAME, "石秀玲", Severity.MEDIUM);
        String text = "村民周美玲（身份证号码362102198106305274）";
        only(run(detector, text), text, Category.PERSON_NAME, "周美玲", Severity.MEDIUM);
    }

    @Test
    void split_name_guards_still_hold() {
        // prose after a label, place names and everyday words next to a number are not names
        none(run(detector, "当事人应当配合调查。当事人陈述申辩的，本局应当听取。申请人和孩子，申请人向本机关提交材料。"));
        none(run(detector, "石门县13975012345"));
        none(run(detector, "金额13975012345"));
    }

    // ---- a label cut by a PDF line end (held-out finding 3) ----

    @Test
    void label_cut_by_a_line_break() {
        String text = "5月8日，执法人员对当事人的委托代\n理人尹志勇进行询问，制作询问笔录一份。";
        DocumentText doc = DocumentText.of(List.of(Block.body(text)));
        Finding f = only(run(detector, doc), text, Category.PERSON_NAME, "尹志勇", Severity.MEDIUM);
        assertTrue(f.explanation().contains("委托代理人"), f.explanation());
    }

    @Test
    void label_printed_one_character_a_line() {
        // a bank receipt prints 付款人 and 收款人 vertically beside their boxes
        String text = "付\n款\n人\n全 称\n重庆市江北区人民医院\n收\n款\n人\n全 称\n罗晓梅\n账 号\n6227001234567890121";
        DocumentText doc = DocumentText.of(List.of(Block.body(text)));
        only(run(detector, doc), text, Category.PERSON_NAME, "罗晓梅", Severity.MEDIUM);
        // short lines that spell no label join nothing
        String table = "序\n号\n金\n额\n罗晓梅";
        none(run(detector, DocumentText.of(List.of(Block.body(table)))));
    }

    @Test
    void name_cut_by_a_line_break_right_after_its_label() {
        String text = "经审查，本机关认为申请人龚\n建华提交的材料齐全，符合受理条件，予以受理。";
        Finding f = only(run(detector, text), text, Category.PERSON_NAME, "龚\n建华", Severity.MEDIUM);
        assertEquals("龚\n建华", f.text());
    }

    @Test
    void prose_wrapped_after_a_label_is_still_no_name() {
        none(run(detector, "各单位应督促当事人应\n当配合调查，申请人向\n本机关提交申请材料。"));
    }

    @Test
    void break_between_blocks_is_not_joined() {
        // a table cell "受害" followed by a cell "人数": no label across cells
        DocumentText doc = Detect.table(null, new String[][] {{"受害", "人张明"}}, null);
        none(run(detector, doc));
    }

    // ---- names listed before 等人 with what they did (held-out finding 4) ----

    @Test
    void organisers_listed_before_a_group_word() {
        String text = "经调查，此次阻工事件由邱海林、包某某等人纠集策划，蒋立春和孔德明等6人多次到市政府门前聚集。";
        List<Finding> found = run(detector, text);
        assertEquals(3, found.size(), Detect.describe(found));
        one(found, text, Category.PERSON_NAME, "邱海林", Severity.MEDIUM);
        one(found, text, Category.PERSON_NAME, "蒋立春", Severity.MEDIUM);
        one(found, text, Category.PERSON_NAME, "孔德明", Severity.MEDIUM);
        noneOf(found, "包某某");
    }

    @Test
    void officials_and_ordinary_work_before_a_group_word_are_not_names() {
        none(run(detector, "县长张三、副县长李四等人到现场指导抢险救灾工作。"));
        none(run(detector, "由王立新、陈红等同志组成督查组，由李明、王芳等人组织专家评审。"));
        none(run(detector, "会议由县委书记刘强主持，县委副书记赵刚等人参加。"));
    }

    // ---- 法定代表人 of an organisation party (held-out finding 5) ----

    @Test
    void legal_representative_of_a_penalised_company_is_not_reported() {
        none(run(detector, "被处罚单位：石门县永顺建筑劳务有限公司\n统一社会信用代码：91430726MA4L2B3C1X\n地址：石门县楚江街道宝峰路8号\n法定代表人：樊志明（职务：总经理）"));
        none(run(detector, "当事人：石门县丰源柑橘专业合作社，法定代表人：曹德江，联系电话：13975012345。"));
        none(run(detector, "被申请人：石门县宏达商贸有限公司\n负责人：樊志明，13975012345\n法人代表：曹德江"));
        none(run(detector, "项目负责人：李文华，联系电话：0736-5321234。"));
    }

    @Test
    void natural_person_party_and_others_are_still_reported() {
        String text = "当事人：严春林，男，汉族，公民身份号码：430726197509183510，住址：石门县楚江街道。";
        only(run(detector, text), text, Category.PERSON_NAME, "严春林", Severity.MEDIUM);
        // a 法定代表人 with no organisation in sight is reported, to be safe
        String lone = "法定代表人：卢永刚，联系电话：13975012345。";
        only(run(detector, lone), lone, Category.PERSON_NAME, "卢永刚", Severity.MEDIUM);
        // the company's victim stays private
        String victim = "当事人：石门县永顺建筑劳务有限公司\n法定代表人：樊志明\n受害人：卢晓东，男，在施工中受伤。";
        only(run(detector, victim), victim, Category.PERSON_NAME, "卢晓东", Severity.MEDIUM);
    }

    // ---- name columns with other headers (held-out finding 1) ----

    @Test
    void name_columns_under_party_headers() {
        DocumentText doc = Detect.table("石门县房屋征收事务中心关于楚江片区房屋征收补偿的公示", new String[][] {
                {"序号", "被征收人", "房屋坐落", "补偿金额（元）"},
                {"1", "邓春生", "石门县楚江街道宝峰路12号", "412000"},
                {"2", "张*华", "石门县楚江街道宝峰路14号", "398000"},
                {"3", "合计", "", "810000"}}, null);
        DocumentText relief = Detect.table(null, new String[][] {{"救助对象", "户主姓名", "申请人"}, {"龚小兰", "韩桂英", "钱立伟"}}, null);
        List<Finding> found = run(detector, doc);
        only(found, doc.text(), Category.PERSON_NAME, "邓春生", Severity.MEDIUM);
        assertTrue(found.get(0).explanation().contains("被征收人"), found.get(0).explanation());
        List<Finding> more = run(detector, relief);
        assertEquals(3, more.size(), Detect.describe(more));
        one(more, relief.text(), Category.PERSON_NAME, "龚小兰", Severity.MEDIUM);
        one(more, relief.text(), Category.PERSON_NAME, "韩桂英", Severity.MEDIUM);
        one(more, relief.text(), Category.PERSON_NAME, "钱立伟", Severity.MEDIUM);
    }

    @Test
    void other_columns_and_non_names_in_name_columns_are_not_reported() {
        DocumentText doc = Detect.table(null, new String[][] {{"序号", "申请人", "项目名称", "责任单位"},
                {"1", "石门县", "宋家湾水库除险加固", "县水利局"},
                {"2", "永兴木材厂", "林下经济示范基地", "县林业局"},
                {"3", "无", "陈家巷道路硬化", "楚江街道"}}, null);
        none(run(detector, doc));
    }

    @Test
    void name_column_of_a_pdf_text_table() {
        // PDF text: a header line, then rows with running serial numbers; wrapped cells give extra lines
        String text = "石门县2023年公开招聘社区工作者拟聘用人员名单\n序号 姓名 性别 身份证号码 岗位\n1 严国强 男 43072619 社区综合\n75091835 岗\n10\n"
                + "2 欧小芳 女 43012119 社区综合\n69020328 岗\n16\n  公示期间如有异议，请与县民政局联系，联系电话：0736-5321234。";
        List<Finding> found = run(detector, DocumentText.of(List.of(Block.body(text))));
        assertEquals(2, found.size(), Detect.describe(found));
        one(found, text, Category.PERSON_NAME, "严国强", Severity.MEDIUM);
        one(found, text, Category.PERSON_NAME, "欧小芳", Severity.MEDIUM);
    }

    @Test
    void pdf_text_table_needs_a_name_header_and_running_serials() {
        none(run(detector, "序号 项目 单位 金额\n1 宋家湾 水利局 3000\n2 石门县 林业局 2000"));
        none(run(detector, "序号 姓名 职责\n3 严国强 组长\n7 欧小芳 成员"));
    }

    @Test
    void office_contact_person_beside_an_office_landline_is_named_in_role() {
        // a reply or letter from an agency: its 联系人 next to the office landline is an official contact, not private
        none(run(detector, "  三、关于补助标准，请按附件执行。\n  联系人：郑晓燕，联系电话：0851-86512345。\n贵阳市民政局"));
        none(run(detector, "  联系人：韩立军  电话：(023)67881234\n"));
        // the office line on the line before, the contact on a line of its own
        none(run(detector, "  联系单位及电话：区民政局社会救助科，0898-66523344\n  联系人：钱晓峰\n海口市龙华区民政局"));
        // the office's phone first, the contact after it on the next line
        none(run(detector, "  咨询电话：0731-84561234（市教育局学生资助中心）\n  联系人：易丽华"));
    }

    @Test
    void contact_person_with_a_personal_mobile_stays_reported() {
        String text = "  联系人：郑晓燕，联系电话：13985012345；办公电话：0851-86512345。";
        only(run(detector, text), text, Category.PERSON_NAME, "郑晓燕", Severity.MEDIUM);
        String mobileNextLine = "  联系人：钱晓峰\n  手机：15808512345";
        only(run(detector, mobileNextLine), mobileNextLine, Category.PERSON_NAME, "钱晓峰", Severity.MEDIUM);
        // no telephone at all: nothing says the contact is an office's
        String bare = "  如有疑问，请与联系人：钱晓峰联系。";
        only(run(detector, bare), bare, Category.PERSON_NAME, "钱晓峰", Severity.MEDIUM);
    }

    @Test
    void contact_person_of_a_private_party_with_a_landline_stays_reported() {
        String text = "申请人：周某某，其联系人：易丽华，联系电话：0731-84561234。";
        only(run(detector, text), text, Category.PERSON_NAME, "易丽华", Severity.MEDIUM);
    }

    @Test
    void two_contacts_on_one_line_are_judged_each_by_its_own_number() {
        String text = "采购人联系人：韩立军，联系电话：023-67881234；供应商联系人：郑晓燕，联系电话：13985012345。";
        only(run(detector, text), text, Category.PERSON_NAME, "郑晓燕", Severity.MEDIUM);
    }

    @Test
    void duty_roster_staff_are_officials_on_duty() {
        DocumentText doc = Detect.table("关于2024年国庆假期值班安排的通知", new String[][] {
                {"日期", "带班领导", "值班人员", "联系电话"},
                {"10月1日", "罗志平", "孙丽娟", "13908910123"},
                {"10月2日", "罗志平", "欧阳春燕", "18089012345"}}, "值班电话：0851-6321234。");
        none(run(detector, doc));
        // PDF or plain text: a header line with a duty column, then rows
        none(run(detector, "日期 带班领导 值班人员 手机\n10月1日 罗志平 孙丽娟 13908910123\n10月2日 龚建华 欧阳春燕 18089012345\n"
                + "  值班人员须严格执行24小时值班和领导带班制度，不得脱岗，确保信息畅通。"));
    }

    @Test
    void a_table_of_beneficiaries_is_no_duty_roster() {
        DocumentText doc = Detect.table("2024年第三季度临时救助名单", new String[][] {
                {"序号", "姓名", "联系电话"},
                {"1", "孙丽娟", "13908910123"}}, null);
        only(run(detector, doc), doc.text(), Category.PERSON_NAME, "孙丽娟", Severity.MEDIUM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"联系人：刘工，联系电话：13985012345。", "代理机构联系人：谭女士，联系电话：023-58334567。", "联系人：王先生 13912345678",
            "当事人：李经理，电话13912345678", "经核实，张科长已到现场。", "申请人：陈主任", "联系人：欧阳女士，手机13985012345", "请与黄老师联系（13985012345）"})
    void surname_with_a_title_is_no_name(String text) {
        none(run(detector, text));
    }

    @Test
    void full_name_before_a_title_or_a_given_name_like_a_title_is_still_a_name() {
        String text = "联系人：刘工农，联系电话：13985012345。";
        only(run(detector, text), text, Category.PERSON_NAME, "刘工农", Severity.MEDIUM);
        String lady = "经核实，李秀兰女士的申请已受理。";
        only(run(detector, lady), lady, Category.PERSON_NAME, "李秀兰", Severity.MEDIUM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"当事人：巴特尔图雅，女，住址：略。", "申请人：德吉卓玛，联系电话：13985012345。", "被征收人：阿不都热合曼，男。",
            "姓名：吐尔逊古丽", "申请人：买买提·吐尔逊，男。", "投诉人：阿依夏木·麦麦提依明"})
    void transliterated_minority_names_after_a_label_are_taken_whole(String text) {
        String name = text.substring(text.indexOf('：') + 1, text.length() - (text.indexOf('，') > 0 ? text.length() - text.indexOf('，') : 0));
        List<Finding> found = run(detector, text);
        only(found, text, Category.PERSON_NAME, name, Severity.MEDIUM);
    }

    @Test
    void a_piece_of_a_transliterated_name_is_never_reported() {
        // no label: the mobile alone gives context, and the 2-character tail 卓玛 must not be reported as a name of its own
        String text = "  经核实，索朗德吉卓玛 13985012345 已于3月领取补助。";
        List<Finding> found = run(detector, text);
        assertTrue(found.stream().noneMatch(f -> f.text().equals("卓玛")), Detect.describe(found));
    }

    @Test
    void transliterated_name_described_by_sex_ethnic_group_and_an_id_number() {
        // the ID number wraps at a PDF line end; the name has no Han surname and no label
        String text = "  拟确认以下人员为见义勇为人员：\n  苏日娜图雅，女，蒙古族，1990年5月生，身份证号码1502\n03199005143689，现为社区居民。";
        only(run(detector, DocumentText.of(List.of(Block.body(text)))), text, Category.PERSON_NAME, "苏日娜图雅", Severity.MEDIUM);
    }

    @Test
    void transliteration_characters_in_prose_are_no_name() {
        none(run(detector, "当事人多次不提交材料，申请人阿拉善盟分局已受理。"));
        none(run(detector, "  巴特尔，男，蒙古族，1970年5月生，中共党员，现任旗人民政府副旗长。"));
    }

    @Test
    void works_before_configure_is_called() {
        PersonNameDetector fresh = new PersonNameDetector();
        String text = "当事人：王建国，男。";
        only(run(fresh, text), text, Category.PERSON_NAME, "王建国", Severity.MEDIUM);
    }

    @org.junit.jupiter.api.Test
    void administrative_words_after_a_label_inside_a_title_cell_are_not_names() {
        java.util.List<org.gongkai.spi.Block> bs = java.util.List.of(
                new org.gongkai.spi.Block(org.gongkai.spi.Part.TABLE, "城乡低保对象公示", null, "表格1 第1行第1列"),
                new org.gongkai.spi.Block(org.gongkai.spi.Part.TABLE, "申请人花名册", null, "表格1 第2行第1列"),
                org.gongkai.spi.Block.body("经审核，救助对象公示如下，公示时间为5个工作日。"));
        org.gongkai.spi.DocumentText t = org.gongkai.spi.DocumentText.of(bs);
        org.gongkai.spi.NormalizedText n = org.gongkai.spi.NormalizedText.of(t);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), Detect.configured(new PersonNameDetector()).detect(
                new org.gongkai.spi.DetectionContext(t, n, org.gongkai.spi.DocumentStructure.empty(), org.gongkai.spi.Submission.of("a.docx"))));
    }

    // ---- classes of error seen on real documents (issue 10) ----

    @ParameterizedTest
    @ValueSource(strings = {"联系人和联系电话请于月底前报送。", "居民于清晨在小区内发现险情。", "申请人与其配偶共同提出申请。", "当事人对此无异议。",
            "户主及其家庭成员的收入情况如下。", "村民为了扩建房屋占用耕地。", "被申请人在法定期限内作出答复。"})
    void a_fragment_cut_around_a_function_word_is_no_name(String text) {
        none(run(detector, text));
    }

    @Test
    void a_name_whose_surname_is_a_function_word_is_still_a_name() {
        String text = "申请人：于明，男；联系人：和志强，电话13985012345。";
        List<Finding> found = run(detector, text);
        one(found, text, Category.PERSON_NAME, "于明", Severity.MEDIUM);
        one(found, text, Category.PERSON_NAME, "和志强", Severity.MEDIUM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"申请人家庭：王建国", "申请人（户主）：王建国", "家庭成员：王建国", "户主姓名：王建国", "共同申请人王建国", "配偶姓名：王建国"})
    void an_applicant_after_a_household_label_is_found(String labelled) {
        String text = labelled + "，家庭人口3人，人均月收入420元。";
        only(run(detector, text), text, Category.PERSON_NAME, "王建国", Severity.MEDIUM);
    }

    @Test
    void every_private_name_in_the_labelled_fields_of_a_form_is_found() {
        // a 申请表 laid out as a table: the label stands in the cell left of its value
        DocumentText form = Detect.table("城乡居民最低生活保障申请审批表", new String[][] {
                {"户主姓名", "王建国", "性别", "男", "身份证号码", "500105195803124428"},
                {"配偶姓名", "李秀英", "性别", "女", "联系电话", "13912345678"},
                {"子女姓名", "王小明", "就读学校", "江北区第一中学", "家庭人口", "3"},
                {"村（居）委会经办人", "张丽", "审核人", "陈刚", "审核日期", "2023年5月6日"}}, null);
        List<Finding> found = run(detector, form);
        for (String name : new String[] {"王建国", "李秀英", "王小明"}) {
            Finding f = one(found, form.text(), Category.PERSON_NAME, name, Severity.MEDIUM);
            assertTrue(f.explanation().contains("姓名"), f.explanation());
        }
        assertEquals(3, found.size(), "the officials who handled the form are named in role: " + Detect.describe(found));
    }

    @Test
    void a_name_column_headed_with_a_qualifier_is_a_name_column() {
        DocumentText doc = Detect.table(null, new String[][] {{"序号", "户主（申请人）", "补助金额（元）"}, {"1", "谭正国", "1200"}, {"2", "冉小雪", "800"}}, null);
        List<Finding> found = run(detector, doc);
        assertEquals(2, found.size(), Detect.describe(found));
        one(found, doc.text(), Category.PERSON_NAME, "谭正国", Severity.MEDIUM);
    }

    @Test
    void the_masking_example_masks_the_findings_own_value() {
        String text = "当事人：欧阳明月，女。";
        Finding f = only(run(detector, text), text, Category.PERSON_NAME, "欧阳明月", Severity.MEDIUM);
        assertEquals("欧阳某某", f.masked());
        assertTrue(f.explanation().contains("“欧阳某某”"), f.explanation());
        assertTrue(f.rules().stream().anyMatch(r -> r.endsWith(" name.label")), f.rules().toString());
        assertFalse(f.explanation().contains("personal.rules") || f.explanation().contains("0.9"), "no file or score in the sentence: " + f.explanation());
    }
}
