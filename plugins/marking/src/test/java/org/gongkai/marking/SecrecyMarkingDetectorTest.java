package org.gongkai.marking;

import static org.gongkai.marking.Docs.assertSpanPointsAtText;
import static org.gongkai.marking.Docs.of;
import static org.gongkai.marking.Docs.paragraphs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.spi.Block;
import org.gongkai.spi.Category;
import org.gongkai.spi.DetectionContext;
import org.gongkai.spi.DocumentStructure;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.Finding;
import org.gongkai.spi.NormalizedText;
import org.gongkai.spi.Part;
import org.gongkai.spi.Severity;
import org.gongkai.spi.Submission;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecrecyMarkingDetectorTest {
    private final SecrecyMarkingDetector detector = new SecrecyMarkingDetector();

    /** The body of a 通知 after its 版头. */
    private static final String[] BODY = {
        "重庆市江北区人民政府办公室文件",
        "江北府办发〔2022〕37号",
        "重庆市江北区人民政府办公室",
        "关于做好2022年防汛抗旱应急物资储备工作的通知",
        "各街道办事处、镇人民政府，区政府各部门，有关单位：",
        "为切实做好今年防汛抗旱工作，确保人民群众生命财产安全，经区政府同意，现就有关事项通知如下。",
        "一、各单位要按照防汛预案要求，于6月30日前完成应急物资储备。",
        "二、区应急局负责统筹调度全区防汛物资，各镇街要明确专人管理。",
        "重庆市江北区人民政府办公室",
        "2022年6月15日",
    };

    private static DetectionContext notice(String... head) {
        List<String> lines = new ArrayList<>(List.of(head));
        lines.addAll(List.of(BODY));
        return paragraphs(lines.toArray(String[]::new));
    }

    private List<Finding> markings(DetectionContext ctx) {
        return of(detector.detect(ctx), Category.SECRECY_MARKING);
    }

    @Test
    void nameAndCategory() {
        assertEquals("secrecy-marking", detector.name());
        assertEquals(java.util.Set.of(Category.SECRECY_MARKING), detector.categories());
    }

    @Test
    void markingWithStarPeriodAndCopyNumberInTheHeader() {
        DetectionContext ctx = notice("000123", "机密★1年", "特急");
        List<Finding> found = detector.detect(ctx);
        assertEquals(1, found.size(), found::toString);
        Finding f = found.get(0);
        assertEquals(Category.SECRECY_MARKING, f.category());
        assertEquals(Severity.BLOCKER, f.severity());
        assertEquals("机密★1年", f.text());
        assertSpanPointsAtText(ctx, f);
        assertEquals("000123\n".length(), f.span().start());
        assertTrue(f.explanation().contains("机密"), f.explanation());
        assertTrue(f.explanation().contains("1年"), f.explanation());
        assertTrue(f.explanation().contains("份号"), "the 份号 above the marking is noted: " + f.explanation());
        assertTrue(f.score() >= 0.95, "star, period and copy number: " + f.score());
        assertTrue(f.basis().contains("第十四条"), f.basis());
        assertEquals("secrecy-marking", f.detector());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "秘密★6个月", "绝密★长期", "机密★10年", "秘密★3个月", "绝密★30年",
        "秘密★2025年12月31日前", "机密★解密条件：工程竣工验收后", "机密★2023年6月30日前解密",
        "000015 机密★1年 特急", "份号：000015　秘密★3个月", "（机密★1年）", "绝密★启用前", "机密★一年", "秘密★六个月",
    })
    void wellFormedMarkingsAtTheTop(String marking) {
        DetectionContext ctx = notice(marking);
        List<Finding> found = markings(ctx);
        assertEquals(1, found.size(), marking + " → " + found);
        Finding f = found.get(0);
        assertEquals(Severity.BLOCKER, f.severity());
        assertEquals(marking, f.text());
        assertEquals(0, f.span().start());
        assertSpanPointsAtText(ctx, f);
        assertTrue(f.score() >= 0.8, marking + " score " + f.score());
    }

    @ParameterizedTest
    @ValueSource(strings = {"机密☆1年", "秘密*6个月", "秘密＊6个月", "绝密✩长期"})
    void malformedStarIsStillAMarking(String marking) {
        DetectionContext ctx = notice(marking);
        List<Finding> found = markings(ctx);
        assertEquals(1, found.size(), marking + " → " + found);
        Finding f = found.get(0);
        assertEquals(Severity.BLOCKER, f.severity());
        assertEquals(marking, f.text());
        assertTrue(f.explanation().contains("应为★"), "the wrong separator is named: " + f.explanation());
        assertSpanPointsAtText(ctx, f);
    }

    @ParameterizedTest
    @ValueSource(strings = {"机密1年", "秘密6个月", "绝密长期", "秘密 6个月"})
    void missingStarIsStillAMarking(String marking) {
        DetectionContext ctx = notice(marking);
        List<Finding> found = markings(ctx);
        assertEquals(1, found.size(), marking + " → " + found);
        assertEquals(Severity.BLOCKER, found.get(0).severity());
        assertTrue(found.get(0).explanation().contains("未用★"), found.get(0).explanation());
        assertSpanPointsAtText(ctx, found.get(0));
    }

    @Test
    void levelWithoutPeriodBelowACopyNumber() {
        DetectionContext ctx = notice("000042", "机密");
        List<Finding> found = markings(ctx);
        assertEquals(1, found.size(), found::toString);
        assertEquals("机密", found.get(0).text());
        assertTrue(found.get(0).explanation().contains("未标保密期限"), found.get(0).explanation());
    }

    @Test
    void fullWidthDigitsAndLetterSpacingAreNormalised() {
        DetectionContext ctx = notice("机密★１年");
        assertEquals(1, markings(ctx).size());
        DetectionContext spaced = notice("机 密 ★ 1 年");
        List<Finding> found = markings(spaced);
        assertEquals(1, found.size());
        assertEquals("机 密 ★ 1 年", found.get(0).text());
        assertSpanPointsAtText(spaced, found.get(0));
    }

    @Test
    void indentedMarkingSpanCoversTheOriginalLine() {
        DetectionContext ctx = notice("　　000123", "　　秘密★6个月");
        List<Finding> found = markings(ctx);
        assertEquals(1, found.size());
        Finding f = found.get(0);
        assertTrue(f.text().contains("秘密★6个月"), f.text());
        assertSpanPointsAtText(ctx, f);
    }

    @Test
    void markingInsideOneMultiLineBlock() {
        String text = "000123\n机密★1年\n特急\n" + String.join("\n", BODY);
        DetectionContext ctx = DetectionContext.of(text);
        List<Finding> found = markings(ctx);
        assertEquals(1, found.size());
        assertEquals("机密★1年", found.get(0).text());
        assertEquals(text.indexOf("机密★1年"), found.get(0).span().start());
    }

    @Test
    void markingInAPageHeaderFarDownTheDocument() {
        List<Block> blocks = new ArrayList<>();
        for (String l : BODY) {
            blocks.add(Block.body(l));
        }
        blocks.add(new Block(Part.HEADER, "秘密★6个月", null, "页眉"));
        DetectionContext ctx = Docs.context(blocks);
        List<Finding> found = markings(ctx);
        assertEquals(1, found.size(), found::toString);
        assertEquals("秘密★6个月", found.get(0).text());
        assertEquals(Part.HEADER, ctx.text().blockAt(found.get(0).span().start()).part());
        assertSpanPointsAtText(ctx, found.get(0));
    }

    @Test
    void markingAtTheTopOfALaterPage() {
        List<Block> blocks = new ArrayList<>();
        for (String l : BODY) {
            blocks.add(new Block(Part.BODY, l, 1, ""));
        }
        blocks.add(new Block(Part.BODY, "附件", 2, ""));
        blocks.add(new Block(Part.BODY, "机密★1年", 2, ""));
        blocks.add(new Block(Part.BODY, "江北区防汛物资储备库点及数量明细表", 2, ""));
        DetectionContext ctx = Docs.context(blocks);
        List<Finding> found = markings(ctx);
        assertEquals(1, found.size(), found::toString);
        assertEquals("机密★1年", found.get(0).text());
        assertSpanPointsAtText(ctx, found.get(0));
    }

    @Test
    void markingInAHeaderTableCell() {
        // many templates lay out 份号 and 密级 in a borderless table at the top left
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block(Part.TABLE, "000123", null, "表格1 第1行第1列"));
        blocks.add(new Block(Part.TABLE, "秘密★6个月", null, "表格1 第2行第1列"));
        for (String l : BODY) {
            blocks.add(Block.body(l));
        }
        DetectionContext ctx = Docs.context(blocks);
        List<Finding> found = markings(ctx);
        assertEquals(1, found.size(), found::toString);
        assertEquals("秘密★6个月", found.get(0).text());
        assertEquals(Part.TABLE, ctx.text().blockAt(found.get(0).span().start()).part());
        assertTrue(found.get(0).explanation().contains("份号"), found.get(0).explanation());
    }

    @Test
    void markingInTheHeaderPartOfAParsedStructure() {
        // a long 版头 (several issuers) pushes the marking below the first lines; the parsed header end still covers it
        List<String> head = List.of("重庆市江北区人民政府办公室", "重庆市江北区应急管理局", "重庆市江北区水利局", "重庆市江北区财政局",
                "重庆市江北区商务委员会", "重庆市江北区规划和自然资源局", "000123", "机密★1年");
        List<Block> blocks = new ArrayList<>();
        head.forEach(l -> blocks.add(Block.body(l)));
        for (String l : BODY) {
            blocks.add(Block.body(l));
        }
        DocumentText t = DocumentText.of(blocks);
        int headerEnd = t.blockEnd(head.size() - 1) + 1;
        DetectionContext ctx = new DetectionContext(t, NormalizedText.of(t),
                new DocumentStructure("通知", java.util.Map.of(), null, headerEnd), Submission.of("draft.docx"));
        List<Finding> found = markings(ctx);
        assertEquals(1, found.size(), found::toString);
        assertEquals("机密★1年", found.get(0).text());
    }

    // ---- near misses: the same words in prose, titles and rules ----

    @Test
    void quotedMarkingsInARuleTextAreNotMarkings() {
        DetectionContext ctx = paragraphs(
                "第十三条 下列涉及国家秘密、商业秘密、个人隐私的政府信息不得公开：",
                "（一）依照国家保密范围和定密规定，明确标识为“秘密”“机密”“绝密”的信息。",
                "（二）虽未标识，但内容涉及国家秘密、商业秘密、个人隐私的信息。",
                "国家秘密的标志为“★”，标志前标密级，标志后标保密期限，如“机密★1年”。",
                "“秘密★6个月”",
                "第十四条 拟公开的政府信息中含有部分涉密内容的，应当按照有关规定进行非密处理。");
        assertTrue(markings(ctx).isEmpty(), () -> markings(ctx).toString());
    }

    @Test
    void secrecyWordsInBodyProseAtTheTopAreNotMarkings() {
        DetectionContext ctx = paragraphs(
                "会议强调，各单位要严守国家秘密和工作秘密，秘密文件一律不得在互联网上传递。",
                "秘密载体的管理按照有关规定执行。",
                "区政府办公室秘书科",
                "秘书长：李明",
                "机密文件管理",
                "三、机密、秘密文件的收发和保管");
        assertTrue(markings(ctx).isEmpty(), () -> markings(ctx).toString());
    }

    @Test
    void secrecyLevelsInTheTitleOfALawAreNotMarkings() {
        DetectionContext ctx = paragraphs(
                "关于认真学习贯彻新修订的《中华人民共和国保守国家秘密法》的通知",
                "《国家秘密及其密级具体范围的规定》（绝密、机密、秘密）",
                "关于印发《江北区机密级文件管理办法》的通知",
                "各街道办事处、镇人民政府，区政府各部门：",
                "现将有关事项通知如下。");
        assertTrue(markings(ctx).isEmpty(), () -> markings(ctx).toString());
    }

    @Test
    void secrecyPeriodDiscussedInRulesIsNotAMarking() {
        DetectionContext ctx = paragraphs(
                "保密期限",
                "第八条 已确定为国家秘密但已超过保密期限并拟公开的政府信息，应在保密审查确认能够公开后，按保密规定办理解密手续。",
                "秘密级事项的保密期限一般不超过10年，机密级不超过20年，绝密级不超过30年。",
                "机密级1年以上的事项",
                "第九条 解密条件：保密期限已满的，自行解密。");
        assertTrue(markings(ctx).isEmpty(), () -> markings(ctx).toString());
    }

    @Test
    void exampleMarkingDeepInARuleTextIsNotTheDocumentsMarking() {
        List<String> lines = new ArrayList<>(List.of(BODY));
        lines.add("国家秘密标志的标注格式示例如下：");
        lines.add("机密★1年");
        lines.add("标注位置为公文首页左上角。");
        DetectionContext ctx = paragraphs(lines.toArray(String[]::new));
        assertTrue(markings(ctx).isEmpty(), () -> markings(ctx).toString());
    }

    @Test
    void commentsAreLeftToTheHiddenContentDetector() {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block(Part.COMMENT, "机密★1年", null, "批注 作者：张三"));
        blocks.add(new Block(Part.TRACKED_DELETION, "绝密★长期", null, "修订：删除"));
        for (String l : BODY) {
            blocks.add(Block.body(l));
        }
        assertTrue(markings(Docs.context(blocks)).isEmpty());
    }

    @Test
    void a_marking_kept_in_metadata_an_embedded_document_or_a_chart_is_a_marking_wherever_it_stands() {
        List<Block> blocks = new ArrayList<>();
        for (String l : BODY) {
            blocks.add(Block.body(l));
        }
        blocks.add(new Block(Part.METADATA, "秘密★6个月", null, "图片或图形的替代文字"));
        blocks.add(new Block(Part.ATTACHMENT, "某某文件", null, "嵌入对象 名单.docx"));
        blocks.add(new Block(Part.ATTACHMENT, "机密★1年", null, "嵌入对象 名单.docx"));
        blocks.add(new Block(Part.BODY, "绝密★长期\n销售额", null, "图表 /word/charts/chart1.xml"));
        assertEquals(3, markings(Docs.context(blocks)).size(), () -> markings(Docs.context(blocks)).toString());
    }

    @Test
    void a_marking_word_inside_a_metadata_sentence_is_not_a_marking() {
        List<Block> blocks = new ArrayList<>();
        for (String l : BODY) {
            blocks.add(Block.body(l));
        }
        blocks.add(new Block(Part.METADATA, "关于秘密★期限标注方法的说明", null, "dc:title 标题"));
        blocks.add(new Block(Part.ATTACHMENT, "涉及国家秘密的，按机密★1年标注", null, "嵌入对象 规定.docx"));
        assertTrue(markings(Docs.context(blocks)).isEmpty(), () -> markings(Docs.context(blocks)).toString());
    }

    @Test
    void emptyDocumentsGiveNothing() {
        assertTrue(detector.detect(Docs.context(List.of())).isEmpty());
        assertTrue(detector.detect(DetectionContext.of("")).isEmpty());
        assertTrue(detector.detect(DetectionContext.of("\n\n　\n")).isEmpty());
    }

    @Test
    void seedRuleTextsCarryNoSecrecyMarking() throws Exception {
        List<Path> seeds = Docs.seeds();
        Assumptions.assumeFalse(seeds.isEmpty(), "seed texts (../shared/seeds) not present");
        for (Path p : seeds) {
            String text = Docs.read(p);
            List<Finding> whole = markings(DetectionContext.of(text));
            assertTrue(whole.isEmpty(), p.getFileName() + " as one block: " + whole);
            List<Finding> perLine = markings(paragraphs(text.split("\n")));
            assertTrue(perLine.isEmpty(), p.getFileName() + " as paragraphs: " + perLine);
        }
    }

    @Test
    void seedRuleTextsWithTheirQuotedMarkingsLiftedToTheTopStillCarryNone() throws Exception {
        List<Path> seeds = Docs.seeds();
        Assumptions.assumeFalse(seeds.isEmpty(), "seed texts (../shared/seeds) not present");
        for (Path p : seeds) {
            // every line that mentions a secrecy level, placed where a marking would stand
            String[] lines = Docs.read(p).split("\n");
            List<String> mentions = new ArrayList<>();
            for (String l : lines) {
                if (l.contains("秘密") || l.contains("机密") || l.contains("绝密") || l.contains("保密期限")) {
                    mentions.add(l);
                }
            }
            for (String m : mentions) {
                List<Finding> found = markings(paragraphs(m, "关于做好政府信息公开保密审查工作的通知"));
                assertTrue(found.isEmpty(), p.getFileName() + ": " + m + " → " + found);
            }
        }
        assertNotNull(detector);
        assertFalse(seeds.isEmpty());
    }
}
