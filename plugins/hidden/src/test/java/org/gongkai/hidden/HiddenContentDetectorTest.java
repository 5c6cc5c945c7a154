package org.gongkai.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HiddenContentDetectorTest {
    private final HiddenContentDetector detector = new HiddenContentDetector();

    /** The visible text of a 采购结果公告. */
    private static final List<Block> BODY = List.of(
            Block.body("重庆市江北区政府采购中心"),
            Block.body("江北区智慧政务平台运维服务采购项目采购结果公告"),
            Block.body("一、项目编号：JBCG-2023-017"),
            Block.body("二、中标供应商：重庆渝信科技有限公司，中标金额：人民币叁佰贰拾万元整（¥3,200,000.00）。"),
            Block.body("三、公告期限：自本公告发布之日起1个工作日。"),
            new Block(Part.TABLE, "重庆渝信科技有限公司", null, "表格1 第2行第1列"),
            new Block(Part.HEADER, "江北区政府采购中心", null, "页眉"),
            new Block(Part.FOOTER, "第 1 页 共 2 页", null, "页脚"),
            Block.body("（此件主动公开）"));

    private static DetectionContext context(List<Block> blocks) {
        DocumentText t = DocumentText.of(blocks);
        return new DetectionContext(t, NormalizedText.of(t), DocumentStructure.empty(), Submission.of("公告.docx"));
    }

    /** The body with extra blocks inserted after its third paragraph. */
    private static DetectionContext withBlocks(Block... extra) {
        List<Block> all = new ArrayList<>(BODY.subList(0, 3));
        all.addAll(List.of(extra));
        all.addAll(BODY.subList(3, BODY.size()));
        return context(all);
    }

    private static Part partOf(DetectionContext ctx, Finding f) {
        return ctx.text().blockAt(f.span().start()).part();
    }

    private static void assertPointsAt(DetectionContext ctx, Finding f, Part part, String text) {
        assertEquals(Category.HIDDEN_CONTENT, f.category());
        assertEquals(part, partOf(ctx, f), "part of " + f);
        assertEquals(text, f.text());
        assertEquals(text, ctx.text().text().substring(f.span().start(), f.span().end()), "span points at the original text");
        assertEquals("hidden-content", f.detector());
        assertTrue(f.basis() != null && !f.basis().isBlank());
        assertTrue(f.explanation().contains(text.strip().length() > 40 ? text.strip().substring(0, 40) : text.strip()),
                "explanation quotes the text: " + f.explanation());
    }

    @Test
    void nameAndCategory() {
        assertEquals("hidden-content", detector.name());
        assertEquals(Set.of(Category.HIDDEN_CONTENT), detector.categories());
    }

    @Test
    void visibleTextAloneGivesNoFinding() {
        assertTrue(detector.detect(context(BODY)).isEmpty());
        assertTrue(detector.detect(DetectionContext.of("关于做好2023年政务公开工作的通知\n各街道办事处：\n现将有关事项通知如下。")).isEmpty());
        assertTrue(detector.detect(context(List.of())).isEmpty());
    }

    @Test
    void trackedDeletionIsReportedWithItsText() {
        String deleted = "中标供应商报价明细：人工费186万元，材料费42万元，利润率8.5%";
        DetectionContext ctx = withBlocks(new Block(Part.TRACKED_DELETION, deleted, null, "修订：删除"));
        List<Finding> found = detector.detect(ctx);
        assertEquals(1, found.size(), found::toString);
        Finding f = found.get(0);
        assertPointsAt(ctx, f, Part.TRACKED_DELETION, deleted);
        assertEquals(Severity.HIGH, f.severity());
        assertTrue(f.explanation().contains("删除"), f.explanation());
    }

    @Test
    void trackedInsertionIsReported() {
        String inserted = "联系人：王小红，联系电话：13983012345";
        DetectionContext ctx = withBlocks(new Block(Part.TRACKED_INSERTION, inserted, null, "修订：插入"));
        List<Finding> found = detector.detect(ctx);
        assertEquals(1, found.size(), found::toString);
        assertPointsAt(ctx, found.get(0), Part.TRACKED_INSERTION, inserted);
        assertEquals(Severity.MEDIUM, found.get(0).severity());
        assertTrue(found.get(0).explanation().contains("插入"), found.get(0).explanation());
    }

    @Test
    void commentIsReportedWithItsAuthor() {
        String comment = "此处中标金额是否公开请李科长把关，供应商报价明细不宜公开";
        DetectionContext ctx = withBlocks(new Block(Part.COMMENT, comment, null, "批注 作者：张伟"));
        List<Finding> found = detector.detect(ctx);
        assertEquals(1, found.size(), found::toString);
        Finding f = found.get(0);
        assertPointsAt(ctx, f, Part.COMMENT, comment);
        assertEquals(Severity.HIGH, f.severity());
        assertTrue(f.explanation().contains("张伟"), "the comment's author is named: " + f.explanation());
        assertTrue(f.explanation().contains("批注"), f.explanation());
    }

    @Test
    void commentWithoutSourceIsStillReported() {
        String comment = "请核实该条款依据";
        DetectionContext ctx = withBlocks(Block.of(Part.COMMENT, comment));
        List<Finding> found = detector.detect(ctx);
        assertEquals(1, found.size());
        assertPointsAt(ctx, found.get(0), Part.COMMENT, comment);
        assertTrue(found.get(0).explanation().contains("批注"));
    }

    @Test
    void hiddenRunIsReported() {
        String hidden = "内部掌握：该项目预算控制价为350万元";
        DetectionContext ctx = withBlocks(new Block(Part.HIDDEN, hidden, null, "隐藏文字"));
        List<Finding> found = detector.detect(ctx);
        assertEquals(1, found.size(), found::toString);
        assertPointsAt(ctx, found.get(0), Part.HIDDEN, hidden);
        assertEquals(Severity.HIGH, found.get(0).severity());
        assertTrue(found.get(0).explanation().contains("隐藏"), found.get(0).explanation());
    }

    @Test
    void embeddedObjectIsReportedWithItsSource() {
        String embedded = "投标报价分项明细表 序号 项目 单价 数量 合价 1 运维人员 18000 12 216000";
        DetectionContext ctx = withBlocks(new Block(Part.ATTACHMENT, embedded, null, "嵌入对象 oleObject1.xlsx"));
        List<Finding> found = detector.detect(ctx);
        assertEquals(1, found.size(), found::toString);
        assertPointsAt(ctx, found.get(0), Part.ATTACHMENT, embedded);
        assertEquals(Severity.MEDIUM, found.get(0).severity());
        assertTrue(found.get(0).explanation().contains("oleObject1.xlsx"), found.get(0).explanation());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "docProps/core.xml dc:creator 作者|张伟",
        "cp:lastModifiedBy 最后修改者|李小红",
        "app:Company 单位|重庆市江北区财政局",
        "app:Company 单位|上海市金山区人民政府办公室",
        "app:Manager 经理|王强",
        "Author 作者|刘洋",
        "LastAuthor 最后修改者|陈静",
        "pdf:Author 作者|江北区政务服务管理办公室",
        "dc:creator 作者|Zhang Wei",
        "custom:审核人 自定义属性|赵敏",
        "app:Company 单位|Wordsworth Textile Ltd.",
        "dc:creator 作者|Administrator张伟",
        "cp:lastModifiedBy 最后修改者|王永中",
        "dc:creator 作者|李书生",
    })
    void documentPropertiesNamingPeopleOrOrganisations(String source, String value) {
        DetectionContext ctx = withBlocks(new Block(Part.METADATA, value, null, source));
        List<Finding> found = detector.detect(ctx);
        assertEquals(1, found.size(), source + "=" + value + " → " + found);
        Finding f = found.get(0);
        assertPointsAt(ctx, f, Part.METADATA, value);
        assertEquals(Severity.LOW, f.severity());
        assertTrue(f.explanation().contains("“" + HiddenContentDetector.propertyName(source) + "”"), "names the property: " + f.explanation());
        assertTrue(f.detail().contains(source), "the property's locator is in the why view: " + f.detail());
        assertTrue(f.rules().stream().anyMatch(r -> r.startsWith("hidden.rules:")), f.rules().toString());
    }

    /** Metadata noise seen on real documents: what the page shows or a program wrote is no hidden content. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "pdf:Producer 生成程序|iText® 5.5.13 ©2000-2018 iText Group NV (AGPL-version)",
        "ofd:Creator 创建程序|Suwell OFD Reader 3.0",
        "custom:OS 自定义属性|Windows 10 Pro 10.0.19045",
        "custom:JavaVersion 自定义属性|1.8.0_202",
        "custom:运行环境 自定义属性|OpenJDK 17 (amd64)",
        "app:Template 模板|Normal.dotm",
        "custom:模板版本 自定义属性|V2.3.1",
        "ofd:CustomData 发票代码 自定义属性|050001900111",
        "ofd:CustomData 发票号码 自定义属性|12345678",
        "ofd:CustomData 合计金额 自定义属性|¥1,280.00",
        "ofd:CustomData 开票日期 自定义属性|2023年05月06日",
        "ofd:CustomData 校验码 自定义属性|0123 4567 8901 2345 6789",
        "dc:creator 作者|佚名",
        "dc:creator 作者|test",
        "dc:creator 作者|xxx",
        "ofd:Author 作者|重庆市江北区政府采购中心",
    })
    void program_system_version_placeholder_and_printed_values_are_not_hidden(String source, String value) {
        DetectionContext ctx = withBlocks(new Block(Part.METADATA, value, null, source));
        assertTrue(detector.detect(ctx).isEmpty(), source + "=" + value + " → " + detector.detect(ctx));
    }

    @Test
    void a_value_printed_on_the_page_is_not_hidden_but_one_the_page_lacks_is() {
        // the invoice prints 开票人 and the seller; a custom property naming a reviewer the page does not show is hidden
        DetectionContext printed = withBlocks(Block.body("开票人：刘小红"), new Block(Part.METADATA, "刘小红", null, "ofd:CustomData 开票人 自定义属性"));
        assertTrue(detector.detect(printed).isEmpty(), detector.detect(printed).toString());
        DetectionContext unseen = withBlocks(new Block(Part.METADATA, "内部掌握，暂不对外说明", null, "dc:description 备注"));
        List<Finding> found = detector.detect(unseen);
        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).explanation().contains("页面上看不到"), found.get(0).explanation());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "docProps/core.xml dc:creator 作者|Apache POI",
        "app:Application 应用程序|Microsoft Office Word",
        "pdf:Producer 生成程序|Microsoft® Word 2016",
        "pdf:Creator 创建程序|WPS 文字",
        "pdf:Creator 创建程序|方正飞腾创艺",
        "pdf:Producer 生成程序|福昕阅读器",
        "dc:creator 作者|Kingsoft Office",
        "dc:title 标题|关于做好2023年政务公开工作的通知",
        "dc:subject 主题|政务公开",
        "cp:keywords 关键词|采购 结果 公告",
        "dc:creator 作者|Administrator",
        "dc:creator 作者|微软用户",
        "app:Company 单位|微软中国",
        "dc:creator 作者|Windows 用户",
        "cp:lastModifiedBy 最后修改者|User",
        "pdf:Producer 生成程序|永中Office",
        "dc:creator 作者|书生电子公文阅读器",
    })
    void propertiesNamingSoftwareOrContentAreNotReported(String source, String value) {
        DetectionContext ctx = withBlocks(new Block(Part.METADATA, value, null, source));
        assertTrue(detector.detect(ctx).isEmpty(), source + "=" + value + " → " + detector.detect(ctx));
    }

    @Test
    void blankHiddenBlocksAreIgnored() {
        DetectionContext ctx = withBlocks(new Block(Part.TRACKED_DELETION, "  ", null, "修订：删除"),
                new Block(Part.COMMENT, "\n", null, "批注 作者：张伟"), new Block(Part.HIDDEN, "　", null, "隐藏文字"));
        assertTrue(detector.detect(ctx).isEmpty());
    }

    @Test
    void everyHiddenPartOfOneDocumentIsReportedInOrder() {
        DetectionContext ctx = withBlocks(
                new Block(Part.TRACKED_DELETION, "原中标金额：人民币叁佰伍拾万元整", null, "修订：删除"),
                new Block(Part.TRACKED_INSERTION, "人民币叁佰贰拾万元整", null, "修订：插入"),
                new Block(Part.COMMENT, "金额已与财政局核对", null, "批注 作者：李娜"),
                new Block(Part.HIDDEN, "评标委员会：张三、李四、王五", null, "隐藏文字"),
                new Block(Part.METADATA, "李娜", null, "cp:lastModifiedBy 最后修改者"),
                new Block(Part.ATTACHMENT, "供应商营业执照副本", null, "嵌入对象 image1.emf"));
        List<Finding> found = detector.detect(ctx);
        assertEquals(6, found.size(), found::toString);
        List<Part> parts = found.stream().map(f -> partOf(ctx, f)).toList();
        assertEquals(List.of(Part.TRACKED_DELETION, Part.TRACKED_INSERTION, Part.COMMENT, Part.HIDDEN, Part.METADATA, Part.ATTACHMENT), parts);
        for (int i = 1; i < found.size(); i++) {
            assertTrue(found.get(i - 1).span().end() < found.get(i).span().start(), "distinct, ordered spans");
        }
        found.forEach(f -> assertEquals(f.text(), ctx.text().text().substring(f.span().start(), f.span().end())));
    }

    @Test
    void longTextIsCutInTheExplanationButNotInTheFinding() {
        String longComment = "此处请注意：" + "根据财政部门意见，评标委员会成员名单及各投标人得分情况不宜在结果公告中公开，".repeat(3);
        DetectionContext ctx = withBlocks(new Block(Part.COMMENT, longComment, null, "批注 作者：张伟"));
        Finding f = detector.detect(ctx).get(0);
        assertEquals(longComment, f.text());
        assertTrue(f.explanation().contains("…"), f.explanation());
        assertTrue(f.explanation().length() < longComment.length() + 40, f.explanation());
    }
}
