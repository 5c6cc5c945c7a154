package org.gongkai.personal;

import static org.gongkai.personal.Detect.none;
import static org.gongkai.personal.Detect.one;
import static org.gongkai.personal.Detect.only;
import static org.gongkai.personal.Detect.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gongkai.spi.Category;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.Finding;
import org.gongkai.spi.Severity;
import org.junit.jupiter.api.Test;

/** ADDRESS: a person's house-level address (路/街/巷 … 号, 栋/单元/室, 村 … 组 … 号); an agency's address is public. */
class AddressDetectorTest {
    private final AddressDetector detector = Detect.configured(new AddressDetector());

    @Test
    void home_address_of_a_party_down_to_the_flat() {
        String text = "当事人：王建国，男，公民身份号码：500105195803124428，住址：江北区观音桥街道建新北路25号3单元502室，联系电话：13912345678。\n"
                + "  本局地址：江北县建设路18号，联系电话：023-67881234。";
        List<Finding> found = run(detector, text);
        Finding f = only(found, text, Category.ADDRESS, "江北区观音桥街道建新北路25号3单元502室", Severity.HIGH);
        assertTrue(f.score() > 0.95, "住址 and a flat: " + f.score());
        assertTrue(f.explanation().contains("住址"));
    }

    @Test
    void registered_residence_with_a_building_annex_number() {
        String text = "当事人：李秀英，女，住所：渝中区解放西路66号附3号。";
        only(run(detector, text), text, Category.ADDRESS, "渝中区解放西路66号附3号", Severity.HIGH);
    }

    @Test
    void village_address_with_group_and_house_number() {
        String text = "申请人赵德明，家住凤冈县进化镇临江村3组15号，以其房屋被征收为由提出申请。";
        only(run(detector, text), text, Category.ADDRESS, "凤冈县进化镇临江村3组15号", Severity.HIGH);
    }

    @Test
    void flat_of_a_person_without_a_label() {
        String text = "经查，当事人在其租住的南岸区南坪西路28号5栋2单元1203室内存放烟花爆竹。";
        Finding f = only(run(detector, text), text, Category.ADDRESS, "南岸区南坪西路28号5栋2单元1203室", Severity.HIGH);
        assertTrue(f.explanation().contains("单元"));
    }

    @Test
    void address_column_of_a_docx_table() {
        DocumentText doc = Detect.table("城口县农业农村委员会关于发放2022年退耕还林补助资金的公示", new String[][] {
                {"序号", "户主", "家庭住址", "补助金额（元）"},
                {"1", "谭正国", "城口县葛城街道北大街12号2单元301室", "1200"},
                {"2", "冉小雪", "城口县修齐镇东河村5组8号", "800"}}, null);
        List<Finding> found = run(detector, doc);
        assertEquals(2, found.size(), Detect.describe(found));
        one(found, doc.text(), Category.ADDRESS, "城口县葛城街道北大街12号2单元301室", Severity.HIGH);
        Finding village = one(found, doc.text(), Category.ADDRESS, "城口县修齐镇东河村5组8号", Severity.HIGH);
        assertTrue(village.explanation().contains("住址列"), village.explanation());
    }

    @Test
    void row_of_a_pdf_table_is_cut_at_the_column_gap() {
        String text = "1 谭正国 城口县葛城街道北大街12号2单元301室 1200";
        only(run(detector, text), text, Category.ADDRESS, "城口县葛城街道北大街12号2单元301室", Severity.HIGH);
    }

    @Test
    void letter_spaced_pdf_line() {
        String text = "住 址 ： 江 北 区 建 新 北 路 2 5 号 3 单 元 5 0 2 室";
        only(run(detector, text), text, Category.ADDRESS, "江 北 区 建 新 北 路 2 5 号 3 单 元 5 0 2 室", Severity.HIGH);
    }

    @Test
    void agency_office_addresses_are_public() {
        none(run(detector, "  本局地址：江北县建设路18号，联系电话：023-67881234。"));
        none(run(detector, "  办公地址：贵阳市观山湖区长岭北路8号，邮编：550081。"));
        none(run(detector, "  受理地点：县政务服务中心（江北县建设路18号）一楼3号窗口。"));
        none(run(detector, "  联系单位：县应急管理局，地址：江北县建设路18号，邮编：401147，联系电话：023-67881234。"));
        none(run(detector, "  来信请寄：江北县建设路18号县信访局，邮政编码：401147。"));
    }

    @Test
    void agency_address_in_the_remedies_paragraph_of_a_decision() {
        none(run(detector, "当事人如要求听证，可在收到本告知书之日起五日内到本局（地址：江北县建设路18号）提出。"));
    }

    @Test
    void company_address_in_a_procurement_result_or_decision() {
        none(run(detector, "  二、中标供应商：重庆市康泰医疗器械有限公司，地址：重庆市渝北区金开大道68号，联系电话：023-67001234。"));
        none(run(detector, "当事人：重庆市荣昌区宏达商贸有限公司，住所：荣昌区昌州大道东段68号2栋3单元，法定代表人：李明。"));
    }

    @Test
    void roads_and_places_that_are_not_house_addresses() {
        none(run(detector, "因G210国道观音桥至两路段路面改造工程施工需要，对该路段实行半幅封闭施工，过往车辆请沿建设路、解放西路绕行。"));
        none(run(detector, "当事人于2022年5月6日在渝中区较场口擅自占道经营。"));
        none(run(detector, "申请人户籍地为凤冈县进化镇临江村。"));
        none(run(detector, "依据《中华人民共和国食品安全法》第一百二十四条第一款第（三）项、第三十四条第（十）项。"));
    }

    // ---- rural house addresses: a hamlet of a village and a house number (held-out finding 7) ----

    @Test
    void hamlet_of_a_village_with_a_house_number() {
        String text = "当事人：覃秋生，男，住址：石门县新关镇茶园村下寨17号，联系电话：13975012345。";
        only(run(detector, text), text, Category.ADDRESS, "石门县新关镇茶园村下寨17号", Severity.HIGH);
        String flat = "申请人家住慈利县零阳镇枫香村大湾坪8号，现租住县城。";
        only(run(detector, flat), flat, Category.ADDRESS, "慈利县零阳镇枫香村大湾坪8号", Severity.HIGH);
        String numeral = "户籍地：桃源县漳江镇青林村二屯6号。";
        only(run(detector, numeral), numeral, Category.ADDRESS, "桃源县漳江镇青林村二屯6号", Severity.HIGH);
        String plain = "住址：安乡县黄山头镇白鹤村石板沟23号";
        only(run(detector, plain), plain, Category.ADDRESS, "安乡县黄山头镇白鹤村石板沟23号", Severity.HIGH);
    }

    @Test
    void house_number_in_a_named_village_group() {
        String text = "姓名：罗建军，性别：男，住址：湖南省攸县谭桥街道东塔社区新屋组新屋027号。";
        only(run(detector, text), text, Category.ADDRESS, "湖南省攸县谭桥街道东塔社区新屋组新屋027号", Severity.HIGH);
        String plain = "户籍地：宁乡市回龙铺镇红旗村李家组5号";
        only(run(detector, plain), plain, Category.ADDRESS, "宁乡市回龙铺镇红旗村李家组5号", Severity.HIGH);
        // a named group with no house number, a date or a document after it is no house
        none(run(detector, "住址：红旗村李家组，该村李家组于5号召开村民会议，茶园村李家组12号令已废止，白衣村委会梅家小组原宅基地旁。"));
    }

    @Test
    void an_address_that_locates_premises_is_no_home() {
        none(run(detector, "当事人在佛冈县石角镇环城中路145号商铺后违法搭建铁棚，限当事人自行拆除。"));
        String home = "当事人王某某，家住佛冈县石角镇环城中路145号门面二楼。";
        only(run(detector, home), home, Category.ADDRESS, "佛冈县石角镇环城中路145号", Severity.HIGH);
    }

    @Test
    void document_numbers_and_village_words_are_not_addresses() {
        none(run(detector, "申请人住址所在村按照县委村级组织12号文件要求，落实村级组织12号文精神。"));
        none(run(detector, "依据县政府第3号文件，家住本村的农户均可申请；农村公路12号线已于5月通车。"));
        none(run(detector, "申请人居住的茶园村村委会3号楼正在维修，全村3号地块已流转。"));
        none(run(detector, "居民反映茶园村下寨组道路破损，茶园村2023年12号令已废止。"));
        // a date after the village: 村民 in the line must not make it a house
        none(run(detector, "茶园村在12号召开村民大会，该村于5号前完成村民信息核对，枫香村每月5号发放补贴。"));
    }

    @Test
    void hamlet_address_without_personal_context_is_not_reported() {
        none(run(detector, "茶园村下寨17号附近的机耕道已完成硬化。"));
    }

    // ---- 房屋坐落: a column header and a label of a person's house ----

    @Test
    void house_location_column_of_a_docx_table() {
        DocumentText doc = Detect.table("慈利县房屋征收事务中心关于零阳片区分户补偿情况的公告", new String[][] {
                {"序号", "被征收人", "房屋坐落", "补偿金额（元）"},
                {"1", "邓春生", "慈利县零阳镇迎宾路33号", "412000"},
                {"2", "韩桂英", "慈利县零阳镇迎宾路35号2单元201室", "398000"}}, null);
        List<Finding> found = run(detector, doc);
        assertEquals(2, found.size(), Detect.describe(found));
        Finding plain = one(found, doc.text(), Category.ADDRESS, "慈利县零阳镇迎宾路33号", Severity.HIGH);
        assertTrue(plain.explanation().contains("住址列"), plain.explanation());
        one(found, doc.text(), Category.ADDRESS, "慈利县零阳镇迎宾路35号2单元201室", Severity.HIGH);
    }

    @Test
    void land_or_project_site_columns_are_not_address_columns() {
        DocumentText doc = Detect.table(null, new String[][] {{"序号", "宗地坐落", "项目地址"}, {"1", "慈利县零阳镇迎宾路33号", "慈利县零阳镇迎宾路35号"}}, null);
        none(run(detector, doc));
    }

    @Test
    void house_located_at_a_street_number() {
        String text = "经核实，被征收人邓春生的房屋坐落于慈利县零阳镇迎宾路33号，建筑面积86平方米。";
        only(run(detector, text), text, Category.ADDRESS, "慈利县零阳镇迎宾路33号", Severity.HIGH);
    }

    @Test
    void agency_company_and_project_sites_are_not_reported() {
        none(run(detector, "本局坐落于慈利县零阳镇迎宾路18号，办公地址：慈利县迎宾路18号，邮编：427200。"));
        none(run(detector, "该公司房屋坐落于慈利县工业园区兴业路8号，系租赁厂房。"));
        none(run(detector, "该项目坐落于慈利县零阳镇迎宾路88号，总投资3000万元。"));
        none(run(detector, "区政务服务中心（地址：慈利县迎宾路18号，邮政编码：427200）受理咨询。"));
    }

    // ---- held-out 2: numbered areas of a village or a quarter, postal addresses of a party, PDF line ends ----

    @Test
    void village_address_with_a_numbered_area_or_section() {
        String text = "当事人：覃秋生，男，住址：石门县新关镇茶园村三区9号，联系电话：13975012345。";
        only(run(detector, text), text, Category.ADDRESS, "石门县新关镇茶园村三区9号", Severity.HIGH);
        String section = "户籍地：慈利县零阳镇枫香村4片21号。";
        only(run(detector, section), section, Category.ADDRESS, "慈利县零阳镇枫香村4片21号", Severity.HIGH);
        String quarter = "申请人家住南岸区南坪街道南湖东里二区5号楼1单元202室。";
        only(run(detector, quarter), quarter, Category.ADDRESS, "南岸区南坪街道南湖东里二区5号楼1单元202室", Severity.HIGH);
    }

    @Test
    void numbered_areas_without_a_house_number_are_not_addresses() {
        none(run(detector, "住址所在的茶园村三区已完成改造，枫香村4片区的道路于12号通车。"));
        none(run(detector, "当事人居住的茶园村二区共有农户47户。"));
    }

    @Test
    void postal_address_of_a_natural_person_party() {
        String text = "申请人：陈秋萍\n身份证号：略\n通信地址：重庆市南岸区南坪街道南湖路18号\n联系电话：略";
        only(run(detector, text), text, Category.ADDRESS, "重庆市南岸区南坪街道南湖路18号", Severity.HIGH);
        String contact = "当事人：覃秋生，男，联系地址：石门县新关镇茶园村3组9号。";
        only(run(detector, contact), contact, Category.ADDRESS, "石门县新关镇茶园村3组9号", Severity.HIGH);
    }

    @Test
    void postal_address_of_an_organisation_or_an_agency_is_not_personal() {
        none(run(detector, "申请人：重庆市南岸区宏达商贸有限公司\n通信地址：重庆市南岸区南坪街道南湖路18号"));
        none(run(detector, "申请人：陈秋萍\n  本机关通信地址：重庆市南岸区南坪街道南湖路18号，邮编：400060。"));
        none(run(detector, "通信地址：重庆市南岸区南坪街道南湖路18号（区政务服务中心）"));
    }

    @Test
    void address_wrapped_at_a_pdf_line_end() {
        // one PDF block: lines wrap inside the street name's number, the place prefix or the flat number
        String street = "拟表彰人员：陈秋萍，女，汉族，1986年2月生，家住南岸区南坪街道南湖路\n18号楼2单元301室，现为社区志愿者。";
        only(run(detector, street), street, Category.ADDRESS, "南岸区南坪街道南湖路\n18号楼2单元301室", Severity.HIGH);
        String prefix = "当事人：覃秋生，男，1972年3月15日出生，住址：石门县新关\n镇茶园村三区9号，联系电话：13975012345。";
        only(run(detector, prefix), prefix, Category.ADDRESS, "石门县新关\n镇茶园村三区9号", Severity.HIGH);
        String flat = "通信地址：重庆市南岸区南坪街道南湖路18号楼2单元3\n01室\n";
        only(run(detector, "申请人：陈秋萍\n" + flat), "申请人：陈秋萍\n" + flat, Category.ADDRESS, "重庆市南岸区南坪街道南湖路18号楼2单元3\n01室", Severity.HIGH);
    }

    @Test
    void line_breaks_between_blocks_or_after_a_short_line_are_not_joined() {
        // a heading line and the body: no address runs across them
        none(run(detector, "南湖路\n18号文件精神传达会议纪要"));
        DocumentText doc = DocumentText.of(List.of(org.gongkai.spi.Block.body("当事人陈秋萍反映，南坪街道南湖路"), org.gongkai.spi.Block.body("18号楼已完成加装电梯。")));
        none(run(detector, doc));
    }
}
