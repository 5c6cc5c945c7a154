package org.gongkai.marking;

import static org.gongkai.marking.Docs.assertSpanPointsAtText;
import static org.gongkai.marking.Docs.of;
import static org.gongkai.marking.Docs.paragraphs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.spi.Block;
import org.gongkai.spi.Category;
import org.gongkai.spi.DetectionContext;
import org.gongkai.spi.Finding;
import org.gongkai.spi.Part;
import org.gongkai.spi.Severity;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InternalMarkingDetectorTest {
    private final InternalMarkingDetector detector = new InternalMarkingDetector();

    private static final String[] MINUTES = {
        "江北区人民政府常务会议纪要",
        "〔2023〕5号",
        "江北区人民政府办公室　　　　　　2023年3月8日",
        "3月6日，区长王强主持召开区政府第5次常务会议，研究老旧小区改造资金安排等事项。纪要如下：",
        "一、会议听取了区住房城乡建委关于老旧小区改造项目进展情况的汇报。",
        "二、会议原则同意2023年老旧小区改造资金安排方案，由区财政局按程序拨付。",
        "出席：王强、李华、张伟",
        "列席：区府办、区财政局、区住房城乡建委负责同志",
    };

    private static DetectionContext minutes(String... head) {
        List<String> lines = new ArrayList<>(List.of(head));
        lines.addAll(List.of(MINUTES));
        return paragraphs(lines.toArray(String[]::new));
    }

    private List<Finding> markings(DetectionContext ctx) {
        return of(detector.detect(ctx), Category.INTERNAL_MARKING);
    }

    @Test
    void nameAndCategory() {
        assertEquals("internal-marking", detector.name());
        assertEquals(java.util.Set.of(Category.INTERNAL_MARKING), detector.categories());
    }

    @ParameterizedTest
    @ValueSource(strings = {"工作秘密", "内部资料（注意保存）", "内部资料　注意保存", "内部资料 注意保密", "内部资料，注意保存", "内部使用", "不得外传",
        "【内部资料】", "内部资料 不得外传", "内部资料　严禁外传", "内部使用　不得外传", "000123 内部资料", "仅供内部参考", "内部资料　请勿外传", "请勿外传", "严禁扩散", "内部传阅　切勿外泄", "限内部使用"})
    void markingLineAtTheTop(String marking) {
        DetectionContext ctx = minutes(marking);
        List<Finding> found = markings(ctx);
        assertEquals(1, found.size(), marking + " → " + found);
        Finding f = found.get(0);
        assertEquals(Category.INTERNAL_MARKING, f.category());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals(marking, f.text());
        assertEquals(0, f.span().start());
        assertSpanPointsAtText(ctx, f);
        assertTrue(f.basis().contains("第十六条"), f.basis());
        assertEquals("internal-marking", f.detector());
    }

    @Test
    void markingBelowTheTitleLines() {
        DetectionContext ctx = paragraphs("江北区人民政府常务会议纪要", "〔2023〕5号", "工作秘密", MINUTES[3], MINUTES[4]);
        List<Finding> found = markings(ctx);
        assertEquals(1, found.size(), found::toString);
        assertEquals("工作秘密", found.get(0).text());
        assertTrue(found.get(0).explanation().contains("工作秘密"), found.get(0).explanation());
        assertSpanPointsAtText(ctx, found.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023年一季度全区信访形势分析（内部参考）", "江北区防汛值班人员通讯录（内部使用）", "区政府党组会议纪要（工作秘密）"})
    void parenthesisedLabelClosingTheTitle(String title) {
        DetectionContext ctx = paragraphs(title, "各街道办事处、镇人民政府，区政府各部门：", "现将有关情况通报如下。");
        List<Finding> found = markings(ctx);
        assertEquals(1, found.size(), title + " → " + found);
        assertEquals(title, found.get(0).text());
        assertEquals(Severity.HIGH, found.get(0).severity());
        assertSpanPointsAtText(ctx, found.get(0));
    }

    @Test
    void pageHeaderAndFooterLabels() {
        List<Block> blocks = new ArrayList<>();
        for (String l : MINUTES) {
            blocks.add(Block.body(l));
        }
        blocks.add(new Block(Part.HEADER, "内部资料　注意保存", 3, "页眉"));
        blocks.add(new Block(Part.FOOTER, "本资料仅供内部使用", 3, "页脚"));
        DetectionContext ctx = Docs.context(blocks);
        List<Finding> found = markings(ctx);
        assertEquals(2, found.size(), found::toString);
        assertEquals("内部资料　注意保存", found.get(0).text());
        assertEquals(Part.HEADER, ctx.text().blockAt(found.get(0).span().start()).part());
        assertEquals(Part.FOOTER, ctx.text().blockAt(found.get(1).span().start()).part());
        assertTrue(found.get(0).explanation().contains("页眉页脚"), found.get(0).explanation());
        found.forEach(f -> assertSpanPointsAtText(ctx, f));
    }

    // ---- the same words inside sentences of a regulation ----

    @Test
    void wordsInsideRuleSentencesAreNotMarkings() {
        DetectionContext ctx = paragraphs(
                "第九条 各单位编印的内部资料，应当在封面标注“内部资料 注意保存”字样，不得外传。",
                "（三）行政机关的内部事务信息，包括人事管理、后勤管理、内部工作流程等方面的信息，可以不予公开。",
                "内部使用的信息可以不予公开；涉及工作秘密的，按照有关规定办理。",
                "属机关内部管理事务的公文、内部资料、商业秘密和个人隐私等，应确定为“依申请公开”。",
                "涉密文件一律不得外传，违者依法追究责任。",
                "第十条 工作秘密的确定、变更和解除，由本机关负责。");
        assertTrue(markings(ctx).isEmpty(), () -> markings(ctx).toString());
    }

    @Test
    void ruleSentenceInAPageHeaderIsTooLongToBeALabel() {
        List<Block> blocks = new ArrayList<>();
        for (String l : MINUTES) {
            blocks.add(Block.body(l));
        }
        blocks.add(new Block(Part.HEADER, "江北区政务公开工作手册——涉及工作秘密的信息应当依法不予公开", 2, "页眉"));
        assertTrue(markings(Docs.context(blocks)).isEmpty());
    }

    @Test
    void labelWordsDeepInTheBodyAreNotTheDocumentsMarking() {
        List<String> lines = new ArrayList<>(List.of(MINUTES));
        lines.add("三、会议要求，各单位报送的材料应标明密级或者工作秘密标志：");
        lines.add("工作秘密");
        lines.add("不得外传");
        DetectionContext ctx = paragraphs(lines.toArray(String[]::new));
        assertTrue(markings(ctx).isEmpty(), () -> markings(ctx).toString());
    }

    @Test
    void hiddenPartsAreNotMarkings() {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block(Part.COMMENT, "内部资料 注意保存", null, "批注 作者：张三"));
        blocks.add(new Block(Part.TRACKED_DELETION, "工作秘密", null, "修订：删除"));
        for (String l : MINUTES) {
            blocks.add(Block.body(l));
        }
        assertTrue(markings(Docs.context(blocks)).isEmpty());
    }

    @Test
    void seedRuleTextsCarryNoInternalMarking() throws Exception {
        List<Path> seeds = Docs.seeds();
        Assumptions.assumeFalse(seeds.isEmpty(), "seed texts (../shared/seeds) not present");
        for (Path p : seeds) {
            String text = Docs.read(p);
            assertTrue(markings(DetectionContext.of(text)).isEmpty(), p.getFileName() + " as one block");
            List<Finding> perLine = markings(paragraphs(text.split("\n")));
            assertTrue(perLine.isEmpty(), p.getFileName() + " as paragraphs: " + perLine);
            for (String l : text.split("\n")) {
                if (l.contains("内部") || l.contains("工作秘密") || l.contains("外传")) {
                    List<Finding> lifted = markings(paragraphs(l, "关于做好政府信息公开工作的通知"));
                    assertTrue(lifted.isEmpty(), p.getFileName() + ": " + l + " → " + lifted);
                }
            }
        }
    }
}
