package org.gongkai.personal;

import static org.gongkai.personal.Detect.none;
import static org.gongkai.personal.Detect.one;
import static org.gongkai.personal.Detect.only;
import static org.gongkai.personal.Detect.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hutool.core.util.PhoneUtil;
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

/** PHONE_NUMBER: a person's mobile or home number; never an office's 联系电话/监督电话/咨询电话/传真. */
class PhoneNumberDetectorTest {
    private final PhoneNumberDetector detector = Detect.configured(new PhoneNumberDetector());

    @Test
    void mobile_of_a_party_in_a_penalty_decision() {
        String text = "当事人：王建国，男，公民身份号码：500105195803124428，住址：江北区观音桥街道建新北路25号3单元502室，联系电话：13912345678。\n"
                + "  本局地址：江北县建设路18号，联系电话：023-67881234。";
        Finding f = only(run(detector, text), text, Category.PHONE_NUMBER, "13912345678", Severity.HIGH);
        assertTrue(f.score() > 0.9, "a party in the line raises the score");
        assertTrue(f.explanation().contains("139****5678"), "the explanation does not repeat the number: " + f.explanation());
    }

    @Test
    void mobile_without_context_is_a_finding() {
        String text = "如有疑问请拨打13667781234。";
        Finding f = only(run(detector, text), text, Category.PHONE_NUMBER, "13667781234", Severity.HIGH);
        assertTrue(f.score() >= 0.8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"139 1234 5678", "139-1234-5678", "+86 139 1234 5678", "+86-13912345678", "8613912345678", "１３９１２３４５６７８"})
    void mobile_formats(String mobile) {
        String text = "申请人手机：" + mobile + "。";
        only(run(detector, text), text, Category.PHONE_NUMBER, mobile, Severity.HIGH);
    }

    @Test
    void mobile_wrapped_at_a_pdf_line_end() {
        String text = "当事人对本决定有异议的，联系人手机15\n923087766，工作日9:00-17:00。";
        only(run(detector, text), text, Category.PHONE_NUMBER, "15\n923087766", Severity.HIGH);
    }

    @Test
    void mobiles_of_an_unmasked_public_list() {
        String text = """
                序号\t姓名\t身份证号\t联系电话\t救助金额（元）
                1\t杨光辉\t520322198511020023\t15823456789\t2000
                2\t吴小平\t440304197612301556\t13667781234\t1500
                3\t田秀兰\t330106199205200040\t18983215566\t3000
                """;
        List<Finding> found = run(detector, text);
        assertEquals(3, found.size(), Detect.describe(found));
        for (String m : new String[] {"15823456789", "13667781234", "18983215566"}) {
            one(found, text, Category.PHONE_NUMBER, m, Severity.HIGH);
        }
    }

    @Test
    void masked_numbers_are_not_findings() {
        none(run(detector, "当事人：王某，身份证号码：500105********4428，联系电话：139****5678。"));
        none(run(detector, "申请人：李*，手机：138*****678，家庭电话：0851-2822****。"));
    }

    @Test
    void office_contact_lines_of_a_notice_are_public() {
        String text = """
                江北县人民政府办公室关于做好2022年防汛抗旱工作的通知
                  三、加强值班值守。汛期实行24小时值班和领导带班制度。
                  联系电话：023-67881234（县应急管理局），监督电话：023-67885678，传真：023-67885679，电子邮箱：jbyjj@jiangbei.gov.cn。
                  咨询电话：0851-25221234；值班电话：(0851)25221235；举报电话：0851—25221236转8001。
                """;
        none(run(detector, text));
    }

    @Test
    void full_width_office_number_is_public() {
        none(run(detector, "请各单位于５月６日前报送活动总结。联系电话：０２３－７１４２３３５６（区卫生健康委职业健康科）。"));
    }

    @Test
    void hotline_12345_and_service_numbers_are_not_findings() {
        none(run(detector, "咨询电话：023-67821100（区交通运输局），投诉电话：12345。"));
        none(run(detector, "全国统一服务热线12345、12315、12369；客服电话400-860-8608、800-830-3811。"));
    }

    @Test
    void supervision_number_of_a_bureau_in_the_parties_paragraph_is_public() {
        String text = "当事人如对本决定不服，可在收到本决定书之日起六十日内申请行政复议，也可拨打县市场监督管理局监督电话0851-12345678反映。";
        none(run(detector, text));
        String sameParagraph = "当事人：李华，男，联系电话：13908512345。本局监督电话：0851-12345678，传真：0851-12345679。";
        List<Finding> found = run(detector, sameParagraph);
        only(found, sameParagraph, Category.PHONE_NUMBER, "13908512345", Severity.HIGH);
    }

    @Test
    void office_mobile_as_consultation_line_of_an_agency() {
        none(run(detector, "咨询电话：13908511234（县人力资源和社会保障局就业服务中心）。"));
    }

    @Test
    void contact_person_with_a_mobile_is_a_finding() {
        String text = "  联系人：王小明，联系电话：13985012345。";
        only(run(detector, text), text, Category.PHONE_NUMBER, "13985012345", Severity.HIGH);
    }

    @Test
    void office_landline_next_to_a_contact_person_is_public() {
        none(run(detector, "  联系人：王小明，联系电话：0851-22334455（县政务服务中心）。"));
        none(run(detector, "  联系人：县应急管理局办公室 王小明，电话：023-67881234。"));
    }

    @Test
    void company_contacts_in_a_procurement_result() {
        String text = """
                江北县第二人民医院医疗设备采购项目中标结果公告
                  一、项目编号：JBGGZY-2022-0318
                  二、中标供应商：重庆市康泰医疗器械有限公司，统一社会信用代码：91500105MA5U8KQ3XN，地址：重庆市渝北区金开大道68号，联系电话：023-67001234。
                  三、中标金额：人民币叁佰贰拾陆万元整（¥3,260,000.00）
                  采购人联系方式：江北县第二人民医院，联系电话：023-67890011。
                  代理机构联系方式：江北县公共资源交易中心，联系电话：023-67890022，传真：023-67890023。
                """;
        none(run(detector, text));
    }

    @Test
    void private_landlines() {
        String text = "申请人：李华，家庭电话：0851-28221234，住宅电话（0851）28225678。";
        List<Finding> found = run(detector, text);
        assertEquals(2, found.size(), Detect.describe(found));
        Finding home = one(found, text, Category.PHONE_NUMBER, "0851-28221234", Severity.MEDIUM);
        assertTrue(home.explanation().contains("固定电话"));
        one(found, text, Category.PHONE_NUMBER, "（0851）28225678", Severity.MEDIUM);
    }

    @Test
    void landline_of_a_petitioner() {
        String text = "信访人赵德明，联系电话023-67123456，反映其房屋征收补偿问题。";
        only(run(detector, text), text, Category.PHONE_NUMBER, "023-67123456", Severity.MEDIUM);
    }

    @Test
    void landline_without_any_context_is_not_reported() {
        none(run(detector, "电话：0851-12345678"));
        none(run(detector, "0851-12345678"));
    }

    @Test
    void numbers_that_are_not_phones() {
        String text = "江北府办发〔2022〕37号，2022年6月15日，20230615103045，身份证号500105195803124428，卡号6222021001123456789，"
                + "统一社会信用代码91500105MA5U8KQ3XN，金额13,912,345.67元，12312345678，136123456781，邮编401147。";
        none(run(detector, text));
    }

    @Test
    void numbers_in_hidden_parts_are_found() {
        DocumentText doc = DocumentText.of(List.of(Block.body("为防范燃气安全事故，决定在全县开展城镇燃气安全专项整治。"),
                Block.of(Part.TRACKED_DELETION, "联系人王刚，手机13812345678。")));
        only(run(detector, doc), doc.text(), Category.PHONE_NUMBER, "13812345678", Severity.HIGH);
    }

    /**
     * Hutool's {@code PhoneUtilTest} (dromara/hutool, hutool-core/src/test/java/cn/hutool/core/util/PhoneUtilTest.java:
     * testCheck, testTel, testNewTel, isTel400800Test), through the detector: a valid number in a personal line is
     * found as exactly that number; an invalid one is not found.
     */
    @Test
    void hutool_phone_util_test_vectors() {
        for (String mobile : new String[] {"13612345678", "13619887123"}) {
            assertTrue(PhoneUtil.isMobile(mobile));
            String text = "申请人手机 " + mobile + "；";
            Finding f = only(run(detector, text), text, Category.PHONE_NUMBER, mobile, Severity.HIGH);
            assertTrue(f.explanation().contains("手机号码"), "13619887123 is an err-tel of Hutool because it is a mobile");
        }
        for (String tel : new String[] {"010-88993108", "010-12345678", "020-9999999", "0755-7654321", "01012345678", "0209999999", "07557654321"}) {
            assertTrue(PhoneUtil.isTel(tel), tel);
            String text = "申请人家庭电话 " + tel + "；";
            Finding f = only(run(detector, text), text, Category.PHONE_NUMBER, tel, Severity.MEDIUM);
            assertTrue(f.explanation().contains("固定电话"), f.explanation());
        }
        for (String err : new String[] {"136123456781", "010-889931081", "A20-9999999", "0755-7654.321"}) {
            assertFalse(PhoneUtil.isPhone(err), err);
            none(run(detector, "申请人家庭电话 " + err + "；"));
        }
        // Hutool's isTel also rejects "010 12345678" (a space for the dash). A scanner of extracted text keeps it:
        // PDF and OFD extraction often turn the dash into a space, and a person's home number must not slip through.
        String spaced = "申请人家庭电话 010 12345678；";
        only(run(detector, spaced), spaced, Category.PHONE_NUMBER, "010 12345678", Severity.MEDIUM);
        // 400/800 service numbers are companies' lines
        for (String service : new String[] {"400-860-8608", "400-8608608"}) {
            assertTrue(PhoneUtil.isTel400800(service));
            none(run(detector, "申请人家庭电话 " + service + "；"));
        }
    }

    @Test
    void landline_next_to_a_bare_surname_and_honorific_is_no_private_number() {
        // 谭女士 / 王先生 is how an agency's contact is addressed too: it identifies no one and makes no number private
        none(run(detector, "代理机构联系人：谭女士，联系电话：023-58334567。"));
        none(run(detector, "如有疑问请联系王先生，电话：0851-86512345。"));
    }

    @Test
    void landline_after_a_full_name_with_honorific_stays_private() {
        String text = "经核实，市民王建国先生，电话：023-58334567，反映的问题属实。";
        only(run(detector, text), text, Category.PHONE_NUMBER, "023-58334567", Severity.MEDIUM);
    }
}
