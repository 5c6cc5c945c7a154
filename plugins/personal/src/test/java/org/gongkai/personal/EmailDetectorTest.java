package org.gongkai.personal;

import static org.gongkai.personal.Detect.none;
import static org.gongkai.personal.Detect.one;
import static org.gongkai.personal.Detect.only;
import static org.gongkai.personal.Detect.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gongkai.spi.Category;
import org.gongkai.spi.Finding;
import org.gongkai.spi.Severity;
import org.junit.jupiter.api.Test;

/** EMAIL: a person's address; an agency's official address in a contact line is public. */
class EmailDetectorTest {
    private final EmailDetector detector = Detect.configured(new EmailDetector());

    @Test
    void drivers_personal_mailbox_in_a_circular() {
        String text = "  第三季度，渝A·12345号重型货车多次超速，驾驶人张建军（联系邮箱zhangjianjun1988@163.com）已被依法处理。\n"
                + "  举报邮箱：jbjj@jiangbei.gov.cn。";
        Finding f = only(run(detector, text), text, Category.EMAIL, "zhangjianjun1988@163.com", Severity.MEDIUM);
        assertTrue(f.explanation().contains("163.com"));
    }

    @Test
    void applicants_mailbox() {
        String text = "申请人：李华，通讯地址：贵阳市云岩区中华北路1号，电子邮箱：lihua1990@qq.com。";
        Finding f = only(run(detector, text), text, Category.EMAIL, "lihua1990@qq.com", Severity.MEDIUM);
        assertTrue(f.score() >= 0.9, "a party in the line: " + f.score());
    }

    @Test
    void company_mailbox_of_a_named_person() {
        String text = "联系人：王敏，邮箱：wang.min@kangtai-med.com.cn";
        only(run(detector, text), text, Category.EMAIL, "wang.min@kangtai-med.com.cn", Severity.LOW);
    }

    @Test
    void government_addresses_are_public() {
        none(run(detector, "联系电话：023-67881234（县应急管理局），监督电话：023-67885678，电子邮箱：jbyjj@jiangbei.gov.cn。"));
        none(run(detector, "来信请寄 xxgk@GZ.GOV.CN 或 office@fenggang.gov.cn"));
    }

    @Test
    void agency_address_on_its_own_domain_in_a_contact_line() {
        none(run(detector, "  联系单位：县公共资源交易中心，联系电话：023-67890022，电子邮箱：jbggzy@jbggzy.com。"));
    }

    @Test
    void agency_address_on_a_mail_service_in_a_contact_line() {
        none(run(detector, "  联系电话：0851-25221234，电子邮箱：fgxzwgk@163.com（县政务公开办公室）。"));
        none(run(detector, "  县政务服务中心电子邮箱：jbzwfw@126.com，传真：0851-25221235。"));
    }

    @Test
    void agency_mailbox_named_as_the_agencys_next_to_a_contact_person() {
        none(run(detector, "  联系人：王小明，联系电话：023-67881234，电子邮箱：jbyjj@163.com（县应急管理局）。"));
        none(run(detector, "  县信访局电子邮箱：jbxfj@126.com；联系人：王小明。"));
        String text = "申请人：李华（县财政局职工），邮箱lihua@qq.com。";
        only(run(detector, text), text, Category.EMAIL, "lihua@qq.com", Severity.MEDIUM);
    }

    @Test
    void full_width_address_typed_in_a_chinese_input_method() {
        String text = "申请人电子邮箱：ｌｉｈｕａ１９９０＠ｑｑ．ｃｏｍ";
        only(run(detector, text), text, Category.EMAIL, "ｌｉｈｕａ１９９０＠ｑｑ．ｃｏｍ", Severity.MEDIUM);
    }

    @Test
    void several_addresses_in_a_list() {
        String text = "1\t杨光辉\tyangguanghui@qq.com\n2\t吴小平\twuxp@sina.com\n3\t田秀兰\ttianxl@gmail.com";
        List<Finding> found = run(detector, text);
        assertEquals(3, found.size(), Detect.describe(found));
        one(found, text, Category.EMAIL, "wuxp@sina.com", Severity.MEDIUM);
    }

    @Test
    void not_addresses() {
        none(run(detector, "请登录http://www.jiangbei.gov.cn查询，或关注@江北发布微博；版本号v1.2@2022；user@localhost"));
        none(run(detector, "电子邮箱：****@163.com；l***@qq.com"));
    }
}
