package org.gongkai.personal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongkai.spi.Block;
import org.gongkai.spi.Category;
import org.gongkai.spi.Detector;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.Finding;
import org.gongkai.spi.Part;
import org.gongkai.spi.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whole documents through every detector of the module, as the host runs them (ServiceLoader, configure once):
 * each document yields exactly the personal information a reviewer would mark, with the right category,
 * severity and offsets, and nothing from its public parts (office contact lines, company data, 文号, dates, amounts).
 * The texts follow the labelled set in fixtures/labelled-src.
 */
class PersonalDocumentsTest {
    private static List<Detector> detectors;

    @BeforeAll
    static void load() {
        detectors = new ArrayList<>();
        for (Detector d : ServiceLoader.load(Detector.class)) {
            detectors.add(Detect.configured(d));
        }
    }

    /** A finding expected in a document: category, its original text, severity. */
    private record Want(Category category, String text, Severity severity) {
    }

    private static Want want(Category c, String text, Severity s) {
        return new Want(c, text, s);
    }

    private static List<Finding> all(DocumentText doc) {
        List<Finding> found = new ArrayList<>();
        for (Detector d : detectors) {
            found.addAll(Detect.run(d, doc));
        }
        found.sort(Comparator.comparingInt(f -> f.span().start()));
        return found;
    }

    private static List<Finding> all(String text) {
        return all(DocumentText.of(List.of(Block.body(text))));
    }

    /** Exactly the wanted findings, each at the first occurrence of its text at or after the previous one. */
    private static void exactly(DocumentText doc, List<Finding> found, Want... wanted) {
        List<Finding> left = new ArrayList<>(found);
        for (Want w : wanted) {
            Finding f = left.stream().filter(x -> x.category() == w.category() && x.text().equals(w.text())).findFirst()
                    .orElseThrow(() -> new AssertionError("missing " + w + " in " + Detect.describe(found)));
            int start = doc.text().indexOf(w.text());
            assertEquals(start, f.span().start(), "offset of " + w.text());
            assertEquals(w.severity(), f.severity(), "severity of " + w.text());
            left.remove(f);
        }
        if (!left.isEmpty()) {
            fail("unexpected findings " + Detect.describe(left));
        }
    }

    private static DocumentText body(String text) {
        return DocumentText.of(text.lines().map(Block::body).collect(Collectors.toList()));
    }

    @Test
    void every_detector_is_registered() {
        Set<String> names = detectors.stream().map(Detector::name).collect(Collectors.toSet());
        assertEquals(Set.of("id-number", "phone-number", "bank-card", "email", "passport", "license-plate", "address", "person-name"), names);
        Set<Category> categories = detectors.stream().flatMap(d -> d.categories().stream()).collect(Collectors.toSet());
        assertEquals(Set.of(Category.ID_NUMBER, Category.PHONE_NUMBER, Category.BANK_CARD, Category.EMAIL, Category.PASSPORT,
                Category.LICENSE_PLATE, Category.ADDRESS, Category.PERSON_NAME), categories);
        for (Detector d : detectors) {
            assertTrue(d.categories().stream().allMatch(Category::exempt), d.name());
        }
    }

    @Test
    void penalty_decision_against_a_person() {
        DocumentText doc = body("""
                江北县市场监督管理局文件
                江北市监罚〔2022〕15号
                行政处罚决定书
                当事人：王建国，男，公民身份号码：500105195803124428，住址：江北区观音桥街道建新北路25号3单元502室，联系电话：13912345678。
                  2022年3月12日，本局执法人员对当事人经营的副食店进行检查，发现其销售超过保质期的食品共计12件，货值金额人民币1,260.50元。
                  当事人的上述行为违反了《中华人民共和国食品安全法》第三十四条第（十）项的规定。依据第一百二十四条，本局决定：没收违法所得，并处罚款人民币伍仟元整。
                  当事人应自收到本决定书之日起十五日内，将罚款缴至指定账户。户名：江北县财政局非税收入专户，账号：2201 0401 0400 1234 5。
                  如不服本处罚决定，可在收到本决定书之日起六十日内向江北县人民政府申请行政复议，也可拨打本局监督电话023-67885678反映。
                  本局地址：江北县建设路18号，邮编：401147，联系电话：023-67881234。
                江北县市场监督管理局
                2022年6月15日
                （此件主动公开）""");
        exactly(doc, all(doc),
                want(Category.PERSON_NAME, "王建国", Severity.MEDIUM),
                want(Category.ID_NUMBER, "500105195803124428", Severity.BLOCKER),
                want(Category.ADDRESS, "江北区观音桥街道建新北路25号3单元502室", Severity.HIGH),
                want(Category.PHONE_NUMBER, "13912345678", Severity.HIGH));
    }

    @Test
    void penalty_decision_from_a_pdf_with_full_width_digits_and_wrapped_lines() {
        // PDF lines of 30 characters: the mobile number breaks at a line end
        String text = """
                渝中区城市管理局
                行政处罚决定书
                渝中城管罚〔2022〕208号
                当事人：李秀英，女，身份证号：５１０１０２１９９００７１４３２１５，住所：渝中区解放西路66号附3号。
                  经查，当事人于2022年5月6日在渝中区较场口擅自占道经营，经责令改正拒不改正。本机关依据《重庆市市容环境卫生管理条例》
                  决定对当事人处以罚款人民币贰佰元整。当事人对本决定有异议的，联系人手机186
                23091234。
                渝中区城市管理局
                2022年6月2日
                （此件主动公开）""";
        DocumentText doc = DocumentText.of(List.of(Block.body(text)));
        exactly(doc, all(doc),
                want(Category.PERSON_NAME, "李秀英", Severity.MEDIUM),
                want(Category.ID_NUMBER, "５１０１０２１９９００７１４３２１５", Severity.BLOCKER),
                want(Category.ADDRESS, "渝中区解放西路66号附3号", Severity.HIGH),
                want(Category.PHONE_NUMBER, "186\n23091234", Severity.HIGH));
    }

    @Test
    void published_penalty_decision_with_masked_data_is_clean() {
        DocumentText doc = body("""
                大足区市场监督管理局
                行政处罚决定书（公开版）
                大足市监罚〔2022〕41号
                当事人：王某，身份证号码：500105********4428，联系电话：139****5678，住址：大足区龙岗街道******。
                  当事人销售不合格电线一批，违反《产品质量法》第三十九条，本局决定没收违法所得并处罚款三千元。
                大足区市场监督管理局
                2022年7月8日""");
        exactly(doc, all(doc));
    }

    @Test
    void penalty_decision_against_a_company_is_clean() {
        DocumentText doc = body("""
                荣昌区市场监督管理局
                行政处罚决定书
                荣昌市监罚〔2022〕77号
                当事人：重庆市荣昌区宏达商贸有限公司
                统一社会信用代码：91500105MA5U8KQ3XN
                住所：荣昌区昌州大道东段68号2栋3单元
                法定代表人职务：执行董事
                  经查，当事人于2022年4月经营标签不符合规定的预包装食品，批次编号500105195803124420。本局决定责令改正，并处罚款一万元。
                荣昌区市场监督管理局
                2022年8月3日""");
        exactly(doc, all(doc));
    }

    @Test
    void masked_public_list_is_clean() {
        DocumentText doc = Detect.table("黔江区民政局\n关于2022年第二季度城乡低保新增对象的公示\n  根据《社会救助暂行办法》，经个人申请、入户调查、民主评议，拟将以下人员纳入城乡最低生活保障，现予公示。",
                new String[][] {
                        {"序号", "姓名", "身份证号", "保障人数", "月保障金（元）"},
                        {"1", "张*明", "500239********2214", "3", "1260"},
                        {"2", "刘*芳", "500239********0027", "1", "590"},
                        {"3", "陈*", "500239********4816", "2", "880"}},
                "  公示期7天。如有异议，请向区民政局反映，监督电话：023-79223456。\n黔江区民政局\n2022年7月1日");
        exactly(doc, all(doc));
    }

    @Test
    void unmasked_public_list_from_a_docx_table() {
        DocumentText doc = Detect.table("秀山县民政局\n关于2022年度临时救助对象的公示", new String[][] {
                {"序号", "姓名", "身份证号", "联系电话", "救助金额（元）"},
                {"1", "杨光辉", "520322198511020023", "15823456789", "2000"},
                {"2", "吴小平", "440304197612301556", "13667781234", "1500"},
                {"3", "田秀兰", "330106199205200040", "18983215566", "3000"}}, "秀山县民政局\n2022年9月5日");
        List<Finding> found = all(doc);
        exactly(doc, found,
                want(Category.PERSON_NAME, "杨光辉", Severity.MEDIUM), want(Category.ID_NUMBER, "520322198511020023", Severity.BLOCKER),
                want(Category.PHONE_NUMBER, "15823456789", Severity.HIGH),
                want(Category.PERSON_NAME, "吴小平", Severity.MEDIUM), want(Category.ID_NUMBER, "440304197612301556", Severity.BLOCKER),
                want(Category.PHONE_NUMBER, "13667781234", Severity.HIGH),
                want(Category.PERSON_NAME, "田秀兰", Severity.MEDIUM), want(Category.ID_NUMBER, "330106199205200040", Severity.BLOCKER),
                want(Category.PHONE_NUMBER, "18983215566", Severity.HIGH));
        for (Finding f : found) {
            assertEquals(Part.TABLE, doc.blockAt(f.span().start()).part());
        }
    }

    @Test
    void public_list_from_a_pdf_with_numbers_wrapped_in_narrow_cells() {
        DocumentText doc = body("酉阳县人力资源和社会保障局\n关于2022年公益性岗位补贴人员的公示\n序号 姓名 身份证号码");
        List<Block> blocks = new ArrayList<>(doc.blocks());
        blocks.add(Block.body("1 白云飞 37020219\n88111166\n18\n2 冉小雪 42010619\n70040135\n32"));
        blocks.add(Block.body("酉阳县人力资源和社会保障局"));
        doc = DocumentText.of(blocks);
        exactly(doc, all(doc),
                want(Category.PERSON_NAME, "白云飞", Severity.MEDIUM), want(Category.ID_NUMBER, "37020219\n88111166\n18", Severity.BLOCKER),
                want(Category.PERSON_NAME, "冉小雪", Severity.MEDIUM), want(Category.ID_NUMBER, "42010619\n70040135\n32", Severity.BLOCKER));
    }

    @Test
    void procurement_result_with_company_data_is_clean() {
        DocumentText doc = body("""
                江北县公共资源交易中心
                江北县第二人民医院医疗设备采购项目中标结果公告
                  一、项目编号：JBGGZY-2022-0318
                  二、中标供应商：重庆市康泰医疗器械有限公司，统一社会信用代码：91500105MA5U8KQ3XN，地址：重庆市渝北区金开大道68号，开户银行：中国建设银行渝北支行，账号：5000 1063 6000 5001 2345。
                  三、中标金额：人民币叁佰贰拾陆万元整（¥3,260,000.00）
                  四、评审专家名单：按规定在评审结束后公布。
                  采购人联系方式：江北县第二人民医院，地址：江北县人民路56号，联系电话：023-67890011。
                  代理机构联系方式：江北县公共资源交易中心，联系电话：023-67890022，传真：023-67890023，电子邮箱：jbggzy@jiangbei.gov.cn。
                江北县公共资源交易中心
                2022年8月12日
                （此件公开发布）""");
        exactly(doc, all(doc));
    }

    @Test
    void procurement_result_naming_a_suppliers_contact_person() {
        DocumentText doc = body("""
                  二、成交供应商：贵州黔丰农业科技有限公司，地址：贵阳市观山湖区长岭北路8号，联系人：杨德林，联系电话：13985012345，办公电话：0851-84112233。
                  采购人：凤冈县农业农村局，联系电话：0851-25221234。""");
        exactly(doc, all(doc),
                want(Category.PERSON_NAME, "杨德林", Severity.MEDIUM),
                want(Category.PHONE_NUMBER, "13985012345", Severity.HIGH));
    }

    @Test
    void notice_with_office_contacts_is_clean() {
        DocumentText doc = body("""
                江北县人民政府办公室文件
                江北府办发〔2022〕37号
                关于做好2022年防汛抗旱工作的通知
                各乡镇人民政府，县政府各部门：
                  为切实做好今年防汛抗旱工作，保障人民群众生命财产安全，经县政府同意，现就有关事项通知如下。
                  一、压实防汛责任。各乡镇、各部门要落实以行政首长负责制为核心的防汛责任制，明确责任人，层层签订责任书。
                  二、开展隐患排查。6月20日前完成辖区内山洪、地质灾害隐患点和病险水库排查，建立台账，逐一整改。
                  三、加强值班值守。汛期实行24小时值班和领导带班制度，严格执行灾情信息报送制度。
                  联系电话：023-67881234（县应急管理局），监督电话：023-67885678，电子邮箱：jbyjj@jiangbei.gov.cn。
                江北县人民政府办公室
                2022年6月15日
                （此件公开发布）
                抄送：县委办公室，县人大常委会办公室。
                江北县人民政府办公室  2022年6月16日印发""");
        exactly(doc, all(doc));
    }

    @Test
    void notice_naming_the_offices_contact_person() {
        // the office's landline and address are public, and so is its contact person named beside the office line:
        // an official named in role (a 联系人 with a personal mobile stays reported, as "联系人王刚，手机…" in the labelled set)
        DocumentText doc = body("""
                  请各镇（街道）于2022年7月10日前将汇总表报送县应急管理局（地址：江北县建设路18号，邮编：401147）。
                  联系人：王小明，联系电话：023-67881234，传真：023-67881235，电子邮箱：jbyjj@163.com（县应急管理局）。""");
        exactly(doc, all(doc));
    }

    @Test
    void road_works_announcement_with_hotlines_is_clean() {
        DocumentText doc = body("""
                渝北区交通运输局
                关于G210国道部分路段封闭施工的通告
                  因G210国道观音桥至两路段路面改造工程施工需要，自2022年8月1日起至2022年9月30日止，对该路段实行半幅封闭施工。
                  施工期间，过往车辆请按现场交通标志绕行。由此带来的不便，敬请谅解。
                  咨询电话：023-67821100（区交通运输局），投诉电话：12345。
                渝北区交通运输局
                2022年7月20日""");
        exactly(doc, all(doc));
    }

    @Test
    void commendation_of_officials_is_clean() {
        DocumentText doc = body("""
                凤冈县人民政府办公室文件
                凤府办发〔2021〕52号
                关于表扬2021年度政务公开工作先进单位和先进个人的通报
                各乡镇人民政府，县政府各部门：
                  2021年，全县各级各部门认真贯彻政务公开工作部署，涌现出一批先进单位和先进个人。经研究，决定对县财政局等8个先进单位和张建华同志等10名先进个人予以通报表扬。
                  希望受表扬的单位和个人珍惜荣誉，再接再厉。县政务公开办主任刘明同志要求各单位学习先进经验。县长张三、副县长李四出席表彰会。
                凤冈县人民政府办公室
                2021年12月28日""");
        exactly(doc, all(doc));
    }

    @Test
    void traffic_circular_with_a_plate_and_a_personal_mailbox() {
        DocumentText doc = body("""
                江北县公安局交通巡逻警察大队
                关于2022年第三季度重点车辆违法情况的通报
                各运输企业：
                  第三季度，渝A·12345号重型货车多次超速，驾驶人张建军（联系邮箱zhangjianjun1988@163.com）已被依法处理。
                  举报邮箱：jbjj@jiangbei.gov.cn。""");
        exactly(doc, all(doc),
                want(Category.LICENSE_PLATE, "渝A·12345", Severity.MEDIUM),
                want(Category.EMAIL, "zhangjianjun1988@163.com", Severity.MEDIUM));
    }

    @Test
    void outbound_travel_filing_with_a_passport() {
        DocumentText doc = body("""
                江北县外事办公室
                关于2022年因公出国（境）人员备案情况的通知
                各有关单位：
                  经审核，同意刘海洋同志赴德国开展经贸交流，护照号码E12345678，出访时间为2022年11月。""");
        exactly(doc, all(doc), want(Category.PASSPORT, "E12345678", Severity.HIGH));
    }

    @Test
    void subsidy_notice_with_a_bank_card() {
        DocumentText doc = body("""
                城口县农业农村委员会
                关于发放2022年退耕还林补助资金的通知
                各乡镇人民政府：
                  经核实，补助资金通过“一卡通”发放至农户账户。其中：户主谭正国，银行卡号6222021001123456789，补助金额1200元。""");
        exactly(doc, all(doc),
                want(Category.PERSON_NAME, "谭正国", Severity.MEDIUM),
                want(Category.BANK_CARD, "6222021001123456789", Severity.BLOCKER));
    }

    @Test
    void petition_report_naming_persons_under_watch() {
        DocumentText doc = body("""
                江北县信访局
                关于近期重点信访人员稳控情况的报告
                县委、县政府：
                  近期，我县重点信访人员赵德明、孙桂芬等5人多次扬言赴省上访。我局已会同属地镇街落实包保稳控措施，实行“一人一策”。""");
        exactly(doc, all(doc),
                want(Category.PERSON_NAME, "赵德明", Severity.MEDIUM),
                want(Category.PERSON_NAME, "孙桂芬", Severity.MEDIUM));
    }

    @Test
    void tracked_deletion_with_a_contact_is_found() {
        DocumentText doc = DocumentText.of(List.of(Block.body("江北县住房和城乡建设委员会"), Block.body("关于开展城镇燃气安全专项整治的通知"),
                Block.body("  为防范燃气安全事故，决定在全县开展城镇燃气安全专项整治。"),
                Block.of(Part.TRACKED_DELETION, "联系人王刚，手机13812345678。"),
                new Block(Part.COMMENT, "此处数字需核实——张科长", null, "批注 作者：张科长"),
                Block.body("  请于8月31日前报送整治情况。")));
        exactly(doc, all(doc),
                want(Category.PERSON_NAME, "王刚", Severity.MEDIUM),
                want(Category.PHONE_NUMBER, "13812345678", Severity.HIGH));
    }

    @Test
    void rule_text_about_privacy_is_clean() {
        DocumentText doc = body("""
                第五条 行政机关不得公开涉及商业秘密、个人隐私等公开后可能损害第三方合法权益的政府信息。个人隐私包括身份证号码、手机号码、银行卡号、家庭住址等。
                  公开前应当对姓名作部分遮盖处理（如“张某”“李*”），身份证号码应当隐去出生日期（如“500105********4428”），联系电话隐去中间四位（如“139****5678”）。
                  各单位应在规定时限内依规向社会公开，申请人向本机关提出申请的，本机关应当在20个工作日内予以答复。投诉举报电话：12345。""");
        exactly(doc, all(doc));
    }

    @Test
    void compensation_table_naming_householders_houses_and_accounts() {
        DocumentText doc = Detect.table("慈利县房屋征收事务中心\n关于零阳老城片区房屋征收分户补偿结果的公示\n  依据《国有土地上房屋征收与补偿条例》，现将已签约被征收人的分户补偿结果公示如下。",
                new String[][] {
                        {"序号", "被征收人", "房屋坐落", "补偿金额（元）", "开户行", "账号"},
                        {"1", "邓春生", "慈利县零阳镇迎宾路33号", "412000", "慈利农村商业银行", "6228480402564890018"},
                        {"2", "韩桂英", "慈利县零阳镇迎宾路35号2单元201室", "398000", "中国建设银行慈利支行", "6217003810234567892"},
                        {"3", "张*华", "慈利县零阳镇迎宾路37号", "356000", "中国银行慈利支行", "6230********3458"}},
                "  对公示内容有异议的，请于7日内向县房屋征收事务中心反映。\n  办公地址：慈利县迎宾路18号，联系电话：0744-3221234。\n慈利县房屋征收事务中心\n2023年9月1日");
        exactly(doc, all(doc),
                want(Category.PERSON_NAME, "邓春生", Severity.MEDIUM), want(Category.ADDRESS, "慈利县零阳镇迎宾路33号", Severity.HIGH),
                want(Category.BANK_CARD, "6228480402564890018", Severity.BLOCKER),
                want(Category.PERSON_NAME, "韩桂英", Severity.MEDIUM), want(Category.ADDRESS, "慈利县零阳镇迎宾路35号2单元201室", Severity.HIGH),
                want(Category.BANK_CARD, "6217003810234567892", Severity.BLOCKER),
                // the masked householder's house is still a house-level address in the 房屋坐落 column
                want(Category.ADDRESS, "慈利县零阳镇迎宾路37号", Severity.HIGH));
    }

    @Test
    void penalty_decision_against_a_company_names_its_legal_representative() {
        DocumentText doc = body("""
                慈利县应急管理局
                行政处罚决定书
                慈应急罚〔2023〕9号
                被处罚单位：慈利县永顺建筑劳务有限公司
                统一社会信用代码：91430726MA4L2B3C1X
                住所：慈利县工业园区兴业路8号
                法定代表人：樊志明（职务：执行董事）
                  2023年3月2日，该公司施工现场发生一起高处坠落事故，造成一名工人（卢某某）受伤。该公司未按规定对从业人员进行安全培训，本局决定给予罚款人民币叁万元整。
                  请于收到本决定书之日起15日内将罚款缴至：户名：慈利县财政局非税收入汇缴结算户，账号：1910 0420 0920 0123 456。
                慈利县应急管理局
                2023年4月3日
                （此件主动公开）""");
        exactly(doc, all(doc));
    }

    @Test
    void penalty_decision_against_a_villager_with_a_rural_address() {
        DocumentText doc = body("""
                慈利县自然资源局
                行政处罚决定书
                当事人：覃秋生，男，汉族，公民身份号码：430726197509183510，住址：慈利县零阳镇枫香村大湾坪8号，联系电话：13975012345。
                  经查，当事人未经批准占用耕地建房，违反《中华人民共和国土地管理法》第四十四条的规定。
                  本局地址：慈利县迎宾路18号，联系电话：0744-3221234。""");
        exactly(doc, all(doc),
                want(Category.PERSON_NAME, "覃秋生", Severity.MEDIUM),
                want(Category.ID_NUMBER, "430726197509183510", Severity.BLOCKER),
                want(Category.ADDRESS, "慈利县零阳镇枫香村大湾坪8号", Severity.HIGH),
                want(Category.PHONE_NUMBER, "13975012345", Severity.HIGH));
    }

    @Test
    void investigation_report_from_a_pdf_with_a_label_cut_at_the_line_end() {
        // PDF lines of about 30 characters in one block: the label 委托代理人 breaks over two lines
        DocumentText doc = DocumentText.of(List.of(Block.body("慈利县市场监督管理局"),
                Block.body("关于慈利县某茶叶有限公司涉嫌销售不合格商品案的调查终结报告\n  2023年6月12日，执法人员依法对当事人的经营场所进行检查，6月19日对当事人的委托代\n"
                        + "理人尹志勇进行询问，制作询问笔录一份。"),
                Block.body("慈利县市场监督管理局")));
        exactly(doc, all(doc), want(Category.PERSON_NAME, "尹志勇", Severity.MEDIUM));
    }

    @Test
    void incident_report_naming_organisers_and_officials() {
        DocumentText doc = body("""
                慈利县人民政府办公室
                关于零阳镇部分群众聚集事件处置情况的通报
                  2023年7月3日，零阳镇枫香村部分群众因征地补偿问题聚集到镇政府门前。县委副书记刘强同志立即带队赶赴现场，副县长王建华、县信访局局长陈明等人现场劝导。
                  经查，此次聚集由邱海林、包某某等人组织策划，目前已依法处理。
                慈利县人民政府办公室
                2023年7月5日""");
        exactly(doc, all(doc), want(Category.PERSON_NAME, "邱海林", Severity.MEDIUM));
    }

    @Test
    void detectors_never_throw_and_never_return_null() {
        Random r = new Random(15);
        String alphabet = "0123456789０１２３４５６７８９Xx＊*-— \n\t：:，。、（）()@＠.．号路栋单元室村组当事人申请人身份证手机卡号护照渝A贵张王李先生女士某局委";
        List<String> texts = new ArrayList<>(List.of("", " ", "\n", "号", "@", "@.", "a@b.c", "先生", "当事人", "当事人：", "1", "渝", "渝A",
                "\uD83D\uDE00张三先生\uD83D\uDE00", "\u0000\u0001", "\uD800", "１".repeat(30)));
        for (int i = 0; i < 300; i++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(120);
            for (int k = 0; k < len; k++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            texts.add(sb.toString());
        }
        for (String t : texts) {
            assertDoesNotThrow(() -> all(t), () -> "text: " + t);
        }
    }

    @Test
    void a_long_document_yields_only_the_party_at_its_end() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            sb.append("  各乡镇、各部门要依规落实防汛责任，6月20日前完成辖区内隐患排查，建立台账，逐一整改，联系电话：023-67881234（县应急管理局）。\n");
        }
        sb.append("当事人：王建国，男，公民身份号码：500105195803124428。");
        DocumentText doc = DocumentText.of(List.of(Block.body(sb.toString())));
        exactly(doc, all(doc), want(Category.PERSON_NAME, "王建国", Severity.MEDIUM), want(Category.ID_NUMBER, "500105195803124428", Severity.BLOCKER));
    }

    /** The real rule texts (DOMAIN.md seeds) talk about 个人隐私, 身份证号码, 联系电话 as concepts and list offices' numbers. */
    @Test
    void real_rule_texts_have_no_personal_information() throws Exception {
        Path seeds = Path.of("/work/shared/seeds");
        assumeTrue(Files.isDirectory(seeds), "seeds folder absent");
        List<Path> files;
        try (var s = Files.list(seeds)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assumeTrue(!files.isEmpty());
        for (Path file : files) {
            DocumentText doc = body(Files.readString(file));
            // one seed carries the footer of the web page it was copied from, with a QQ mailbox
            // ("请发送邮件至 3231169@qq.com 举报"): a mailbox on a personal service, rightly reported
            List<Finding> found = all(doc).stream()
                    .filter(f -> !(f.category() == Category.EMAIL && f.text().endsWith("@qq.com"))).toList();
            assertTrue(found.isEmpty(), file.getFileName() + ": " + Detect.describe(found));
        }
    }
}
