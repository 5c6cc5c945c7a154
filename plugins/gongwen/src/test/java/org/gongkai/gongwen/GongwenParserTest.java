package org.gongkai.gongwen;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.gongkai.spi.Attribute;
import org.gongkai.spi.Block;
import org.gongkai.spi.DocumentStructure;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.NormalizedText;
import org.gongkai.spi.Part;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GongwenParserTest {

    private static final String FULL = """
            000123
            机密★1年
            特急
            江北区人民政府文件
            江北府发〔2022〕37号            签发人：张  明
            关于进一步加强政务公开工作的
            通知
            各街道办事处，区政府各部门：
                为深入贯彻《中华人民共和国政府信息公开条例》，现就有关事项通知如下。
                一、加强组织领导。
                附件：1. 政务公开工作任务分解表
                      2. 联系人名单
            江北区人民政府
            2022年6月15日
                （此件不予公开，理由：涉及工作秘密）
            附件1
            政务公开工作任务分解表
            附件2
            联系人名单
            抄送：区委办公室，区人大常委会办公室。
            江北区人民政府办公室            2022年6月16日印发
            """;

    @Test
    void full_document_yields_every_element() {
        DocumentStructure s = Docs.parse(FULL);
        var el = s.elements();
        assertEquals("000123", el.get("copyNumber"));
        assertEquals("机密★1年", el.get("secrecy"));
        assertEquals("特急", el.get("urgency"));
        assertEquals("江北区人民政府", el.get("issuer"));
        assertEquals("江北府发〔2022〕37号", el.get("docNumber"));
        assertEquals("张明", el.get("signer"));
        assertEquals("关于进一步加强政务公开工作的通知", el.get("title"));
        assertEquals("各街道办事处，区政府各部门", el.get("recipients"));
        assertTrue(el.get("attachmentNote").startsWith("附件：1."));
        assertEquals("江北区人民政府", el.get("signature"));
        assertEquals("2022年6月15日", el.get("date"));
        assertEquals("2", el.get("attachments"));
        assertEquals("区委办公室，区人大常委会办公室。", el.get("cc"));
        assertEquals("江北区人民政府办公室", el.get("printer"));
        assertEquals("2022年6月16日", el.get("printDate"));
        assertEquals("通知", s.docType());
        assertEquals(FULL.indexOf("张  明") + "张  明".length(), s.headerEnd());
        assertEquals(Attribute.NOT_PUBLIC, s.detectedAttribute());
        assertEquals("涉及工作秘密", s.annotation().reason());
    }

    @Test
    void chinese_numeral_date_is_recognised() {
        DocumentStructure s = Docs.parse("关于调整议事协调机构的通知\n各乡镇：\n    现通知如下。\n凤冈县人民政府\n二〇二二年六月十五日\n（此件主动公开）");
        assertEquals("二〇二二年六月十五日", s.elements().get("date"));
        assertEquals(Attribute.PUBLIC, s.detectedAttribute());
        assertEquals(0, s.headerEnd());
    }

    @Test
    void document_without_header_has_header_end_zero() {
        DocumentStructure s = Docs.parse("关于报送2022年工作总结的函\n各单位：\n    请于6月30日前报送。\n县政府办\n2022年6月1日");
        assertEquals(0, s.headerEnd());
        assertEquals("函", s.docType());
        assertNull(s.annotation());
    }

    @Test
    void hidden_parts_are_not_read_for_structure() {
        DocumentText t = DocumentText.of(List.of(Block.body("关于开展安全检查的通知\n各单位：\n    现通知如下。\n县应急局\n2022年3月1日"),
                Block.of(Part.COMMENT, "（此件主动公开）"), Block.of(Part.TRACKED_DELETION, "（此件不予公开）")));
        DocumentStructure s = new GongwenParser().parse(t, NormalizedText.of(t));
        assertNull(s.annotation());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "关于进一步加强政务公开工作的通知, 通知",
            "关于转发《贵州省政府信息公开办法》的通知, 通知",
            "关于转发市政府办公室关于加强安全生产工作意见的通知, 通知",
            "关于对《江北区物业管理办法（征求意见稿）》征求意见的函, 函",
            "关于申请拨付防汛经费的请示, 请示",
            "关于2022年上半年工作情况的报告, 报告",
            "关于同意设立凤冈县城市管理局的批复, 批复",
            "县政府第十二次常务会议纪要, 纪要",
            "县政府专题会议会议纪要, 纪要",
            "关于表彰2021年度先进集体的决定, 决定",
            "行政处罚决定书, 决定书",
            "江北区人民政府令, 令",
            "关于禁止燃放烟花爆竹的通告, 通告",
            "关于2022年度考试录用公务员的公告, 公告",
            "关于加快发展现代农业的实施意见, 意见",
            "关于对违规发放津补贴问题的通报, 通报",
            "中共凤冈县委第十次全会公报, 公报",
            "关于提请审议预算调整方案的议案, 议案",
            "关于县人大常委会工作报告的决议, 决议",
            "关于拟任职干部的公示, 公示",
            "政务公开工作简报, 简报",
            "江北区老旧小区改造实施方案, 方案",
            "凤冈县农村宅基地管理办法, 办法",
            "江北区政府信息公开保密审查规定, 规定",
            "凤冈县城乡低保实施细则, 细则",
            "江北区国民经济和社会发展第十四个五年规划, 规划",
            "2022年政务公开工作要点, 要点",
            "关于印发《凤冈县农村宅基地管理办法》的通知, 通知",
            "关于商请协助做好人口普查工作的函, 函",
            "凤冈县人民政府关于授予荣誉称号的命令, 命令",
            "凤冈县城区停车管理办法（征求意见稿）, 办法"
    })
    void doc_type_is_inferred_from_title(String title, String type) {
        assertEquals(type, DocTypes.infer(title));
    }

    @Test
    void forwarding_title_is_recognised() {
        assertTrue(DocTypes.forwarding("关于转发《贵州省政府信息公开办法》的通知"));
        assertTrue(!DocTypes.forwarding("关于印发《凤冈县农村宅基地管理办法》的通知"));
    }

    @Test
    void odd_input_never_throws() {
        GongwenParser p = new GongwenParser();
        assertDoesNotThrow(() -> Docs.parse(""));
        assertDoesNotThrow(() -> Docs.parse("\n\n\n"));
        String big = "关于".repeat(500_000);
        long t0 = System.nanoTime();
        assertNotNull(Docs.parse(big));
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "1 MB single line parses quickly");
        Random r = new Random(7);
        StringBuilder junk = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            junk.append((char) r.nextInt(0xFFFF));
        }
        assertDoesNotThrow(() -> Docs.parse(junk.toString()));
        assertEquals(DocumentStructure.empty(), p.parse(DocumentText.of(List.of()), NormalizedText.of(DocumentText.of(List.of()))));
    }

    @Test
    void decisionTitleAboveTheDocNumberIsTheTitleAndABodySentenceIsNot() {
        DocumentStructure s = Docs.parse("""
                松溪县市场监督管理局
                行政处罚决定书
                松市监罚〔2024〕9号
                当事人：松溪县某某食品店，统一社会信用代码：92350724MA2XXXXX1K。
                经查，当事人销售过期食品。依据《食品安全法》第一百二十四条，本局决定：
                没收违法所得，并处罚款。
                松溪县市场监督管理局
                2024年5月8日
                （此件主动公开）
                """);
        assertEquals("行政处罚决定书", s.elements().get("title"));
        assertEquals("决定书", s.docType());
        assertEquals("松市监罚〔2024〕9号", s.elements().get("docNumber"));
    }

    @Test
    void aSentenceEndingInADocTypeWordIsNeverTheTitle() {
        DocumentStructure s = Docs.parse("""
                各乡镇人民政府：
                经研究，现将有关事项通知如下：
                一、按时报送材料。
                县农业农村局
                2024年5月8日
                """);
        assertTrue(s.elements().get("title") == null || !s.elements().get("title").contains("："), String.valueOf(s.elements()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "50010519580312442801|an individual business's taxpayer number (an ID number and two digits)",
        "纳税人识别号：500105195803124428|a labelled taxpayer number",
        "91500105MA5U8KQ3XN|a credit code",
        "价税合计 ¥1,280.00|an amount",
        "开票人 刘小红|a form's label and a name",
    })
    void a_number_or_form_field_above_the_date_is_no_issuer(String above, String what) {
        String text = "重庆市增值税普通发票\n购买方名称 重庆市江北区张三副食店\n" + above + "\n2023年5月6日";
        DocumentStructure s = new GongwenParser().parse(DocumentText.of(text.lines().map(Block::body).toList()),
                NormalizedText.of(DocumentText.of(text.lines().map(Block::body).toList())));
        assertNull(s.elements().get("issuer"), what + ": " + s.elements());
        assertNull(s.elements().get("signature"), what + ": " + s.elements());
    }

    @Test
    void an_organ_above_the_date_is_still_the_issuer() {
        String text = "关于做好防汛工作的通知\n各乡镇：\n  现将有关事项通知如下。\n重庆市江北区第二人民医院\n2023年5月6日";
        DocumentText d = DocumentText.of(text.lines().map(Block::body).toList());
        assertEquals("重庆市江北区第二人民医院", new GongwenParser().parse(d, NormalizedText.of(d)).elements().get("issuer"));
    }
}
