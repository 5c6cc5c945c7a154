package org.gongkai.gongwen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gongkai.spi.Attribute;
import org.gongkai.spi.AttributeAnnotation;
import org.gongkai.spi.DocumentStructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnnotationTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "（此件公开发布）, PUBLIC",
            "（此件主动公开）, PUBLIC",
            "（此件依申请公开）, ON_REQUEST",
            "（此件不予公开）, NOT_PUBLIC",
            "（此件不公开）, NOT_PUBLIC",
            "（此件免予公开）, NOT_PUBLIC",
            "（此件部分公开）, PARTIAL",
            "(此件主动公开), PUBLIC",
            "（ 此件 主动公开 ）, PUBLIC"
    })
    void every_annotation_wording_is_recognised(String wording, Attribute expected) {
        DocumentStructure s = Docs.parse(Docs.notice("关于做好防汛工作的通知", wording, null));
        assertEquals(expected, s.detectedAttribute());
        assertEquals(wording, s.annotation().wording());
        assertEquals(wording, s.elements().get("annotation"));
    }

    @Test
    void reason_after_comma_is_extracted() {
        AttributeAnnotation a = Docs.parse(Docs.notice("关于调整干部职务的通知", "（此件不予公开，理由：涉及个人隐私）", null)).annotation();
        assertEquals(Attribute.NOT_PUBLIC, a.attribute());
        assertEquals("涉及个人隐私", a.reason());
    }

    @Test
    void reason_after_full_stop_is_extracted() {
        AttributeAnnotation a = Docs.parse(Docs.notice("关于机关食堂管理的通知", "（此件依申请公开。理由：属机关内部管理事务）", null)).annotation();
        assertEquals(Attribute.ON_REQUEST, a.attribute());
        assertEquals("属机关内部管理事务", a.reason());
    }

    @Test
    void partial_annotation_names_the_non_public_part() {
        AttributeAnnotation a = Docs.parse(Docs.notice("关于下达2022年项目资金的通知", "（此件部分公开，其中附件2不予公开）", null)).annotation();
        assertEquals(Attribute.PARTIAL, a.attribute());
        assertEquals("附件2", a.nonPublicPart());
    }

    @Test
    void quoted_marking_in_a_rule_sentence_is_not_an_annotation() {
        String rule = "关于规范公文公开属性标注的通知\n各单位：\n"
                + "    公文成文后，应在公文“附注”位置标注“此件公开发布”或“此件依申请公开”，不予公开的标注（此件不予公开）并说明理由。\n"
                + "    起草时应当标注“（此件主动公开）”。\n"
                + "县政府办公室\n2022年3月1日";
        assertNull(Docs.parse(rule).annotation());
    }

    @Test
    void annotation_before_attachments_is_found_mid_document() {
        String tail = "附件1\n工作任务分解表\n序号  任务  责任单位\n附件2\n联系人名单\n";
        DocumentStructure s = Docs.parse(Docs.notice("关于开展专项整治的通知", "（此件主动公开）", tail));
        assertEquals(Attribute.PUBLIC, s.detectedAttribute());
        assertEquals("2", s.elements().get("attachments"));
        assertTrue(s.annotation().span().start() < Docs.notice("关于开展专项整治的通知", "（此件主动公开）", tail).indexOf("附件1\n"));
    }

    @Test
    void annotation_after_date_wins_over_one_inside_an_attachment() {
        String tail = "附件1\n样表\n（此件不予公开）\n";
        DocumentStructure s = Docs.parse(Docs.notice("关于开展专项整治的通知", "（此件主动公开）", tail));
        assertEquals(Attribute.PUBLIC, s.detectedAttribute());
    }

    @Test
    void annotation_without_date_is_accepted_in_the_last_part() {
        DocumentStructure s = Docs.parse("关于开展专项整治的通知\n各单位：\n    请认真落实。\n（此件依申请公开，理由：内部工作安排）");
        assertEquals(Attribute.ON_REQUEST, s.detectedAttribute());
    }

    @Test
    void annotation_at_the_top_is_accepted() {
        DocumentStructure s = Docs.parse("（此件主动公开）\n关于开展专项整治的通知\n各单位：\n    请认真落实。\n县政府办公室\n2022年5月1日");
        assertEquals(Attribute.PUBLIC, s.detectedAttribute());
    }

    @Test
    void pdf_letter_spaced_annotation_is_recognised() {
        DocumentStructure s = Docs.parse("关 于 开 展 专 项 整 治 的 通 知\n各 单 位 ：\n    请 认 真 落 实 。\n县 政 府 办 公 室\n2 0 2 2 年 5 月 1 日\n        （ 此 件 依 申 请 公 开 ）");
        assertEquals(Attribute.ON_REQUEST, s.detectedAttribute());
    }

    @Test
    void sentence_in_parentheses_is_not_an_annotation() {
        DocumentStructure s = Docs.parse(Docs.notice("关于开展专项整治的通知", "（联系人：王芳，电话：023-67851234）", null));
        assertNull(s.annotation());
    }
}
