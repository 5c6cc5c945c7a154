package org.gongkai.server.precision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gongkai.server.pipeline.CheckResult;
import org.gongkai.spi.Category;
import org.junit.jupiter.api.Test;

/**
 * Names, on real files of the kinds seen: lists published by design (a 表彰 公示, a 名单) name no private person
 * unless an ID number stands next to the name; contacts in role, written letter-spaced or padded as tables print
 * them, are public and read as whole names; role nouns modifying a noun and a word before a conjunction are no names;
 * private names in the fields of forms are found — a certificate's 权利人 separated by spaces, an e-invoice's lone
 * field values, an individual business's proprietor, the employee a personnel decision is about.
 */
class NamesInRoleAndOnFormsTest extends CheckedFiles {

    @Test
    void a_list_published_by_design_names_no_private_person_unless_an_id_number_stands_next_to_the_name() throws Exception {
        Path plain = docx("commendation.docx", "关于2023年度全县优秀乡村医生拟表彰人选的公示", "  经乡镇推荐、县级评审，现将拟表彰人选公示如下：",
                "|序号|姓名|工作单位", "|1|罗建平|白沙镇卫生院", "|2|谢小燕|梅溪乡卫生院", "  公示期为2023年12月1日至7日。", "县卫生健康局", "2023年11月30日");
        CheckResult r = check(plain, DOCX);
        assertTrue(of(r, Category.PERSON_NAME).isEmpty(), describe(r));

        Path withIds = docx("commendation-ids.docx", "关于2023年度全县优秀乡村医生拟表彰人选的公示", "|序号|姓名|公民身份号码",
                "|1|罗建平|430302198005160026", "县卫生健康局", "2023年11月30日");
        CheckResult i = check(withIds, DOCX);
        assertEquals(List.of("430302198005160026"), texts(i, Category.ID_NUMBER), describe(i));
        assertEquals(List.of("罗建平"), texts(i, Category.PERSON_NAME), "the name ties the ID number to the person: " + describe(i));
    }

    @Test
    void contacts_in_role_written_letter_spaced_or_padded_are_whole_names_and_public() throws Exception {
        Path f = pdf("cme-notice.pdf", "关于公布2024年度市级继续教育项目的通知", "各有关单位：", "    项目执行中如有问题，请与市继续教育办公室联系。",
                "    联 系 人：韩 冰      罗晓峰", "    联系电话：63015566   63017788", "    电子邮箱：sjjbgs@163.com",
                "    地    址：东城区东直门内南小街甲12号院3号楼205室", "市继续教育办公室", "2024年1月5日");
        CheckResult r = check(f, PDF);
        for (Category c : List.of(Category.PERSON_NAME, Category.EMAIL, Category.ADDRESS)) {
            assertTrue(of(r, c).isEmpty(), c + ": " + describe(r));
        }
    }

    @Test
    void a_role_noun_modifying_a_noun_and_a_word_before_a_conjunction_are_no_names() throws Exception {
        Path f = docx("fragments.docx", "关于做好出院患者随访工作的通知", "各医疗机构：",
                "  申请人应提交有效身份证明（居民身份证、港澳台居民居住证、外国人永久居留身份证）。",
                "  各医院要发布出院患者康复和护理指引，做好随访。", "县卫生健康局", "2024年3月1日", "（此件主动公开）");
        CheckResult r = check(f, DOCX);
        assertTrue(of(r, Category.PERSON_NAME).isEmpty(), describe(r));
    }

    @Test
    void private_names_in_the_fields_of_forms_are_found() throws Exception {
        Path certificate = ofd("certificate.ofd", "admin", Map.of("native-producer", "SuwellFormSDK"), Map.of(),
                "不动产登记证明", "湘（2023）湘潭市不动产证明第0031234号", "中国建设银行股份有限公司湘潭分行", "权利人 曾庆华 彭淑芬",
                "雨湖区韶山西路88号金湾花园小区7栋2单元1102室", "抵押方式：一般抵押");
        CheckResult c = check(certificate, OFD);
        assertEquals(List.of("彭淑芬", "曾庆华"), texts(c, Category.PERSON_NAME), describe(c));
        assertEquals(List.of("雨湖区韶山西路88号金湾花园小区7栋2单元1102室"), texts(c, Category.ADDRESS), describe(c));
        assertTrue(of(c, Category.HIDDEN_CONTENT).isEmpty(), "a system's placeholder author: " + describe(c));

        Path penalty = docx("proprietor.docx", "湘潭市雨湖区市场监督管理局行政处罚决定书", "湘雨市监罚〔2024〕8号",
                "  当事人：雨湖区易国强副食店，统一社会信用代码：92430302MA4L2Q8X5R。", "  经查，当事人销售超过保质期的食品。",
                "湘潭市雨湖区市场监督管理局", "2024年3月6日", "（此件主动公开）");
        CheckResult p = check(penalty, DOCX);
        assertEquals(List.of("易国强"), texts(p, Category.PERSON_NAME), "the proprietor inside the business's name: " + describe(p));
    }

    @Test
    void the_employee_a_personnel_decision_is_about_is_a_private_person_and_the_decision_is_internal_affairs() throws Exception {
        Path f = ofd("resignation.ofd", "iOFD® 2.1.1 ©2019-2020 example.cn", Map.of("user.name", "lixq", "os.name", "Windows 7", "java.version", "1.8.0_25"),
                Map.of(), "雨湖区卫生健康局文件", "雨卫发〔2023〕41号", "关于同意彭志刚同志辞职的批复", "区妇幼保健院：",
                "你院《关于彭志刚同志辞职的请示》收悉。", "彭志刚，男，1985年7月出生，籍贯湖南湘乡，2008年8月参加工作，系区妇幼保健院职工。",
                "该同志于2023年5月向单位递交辞职报告。经研究，同意彭志刚同志辞职。", "雨湖区卫生健康局", "2023年6月2日");
        CheckResult r = check(f, OFD);
        assertEquals(List.of("彭志刚"), texts(r, Category.PERSON_NAME), describe(r));
        assertFalse(of(r, Category.INTERNAL_AFFAIRS).isEmpty(), describe(r));
        assertEquals(List.of("lixq"), texts(r, Category.HIDDEN_CONTENT), "the user name, not the producer's strings: " + describe(r));
    }
}
