package org.gongkai.dictionary;

import static org.gongkai.dictionary.DictionaryFixtures.assertSpanPointsAtText;
import static org.gongkai.dictionary.DictionaryFixtures.context;
import static org.gongkai.dictionary.DictionaryFixtures.of;
import static org.gongkai.dictionary.DictionaryFixtures.paragraphs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongkai.spi.Block;
import org.gongkai.spi.Category;
import org.gongkai.spi.DetectionContext;
import org.gongkai.spi.DocumentStructure;
import org.gongkai.spi.Finding;
import org.gongkai.spi.Severity;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The dictionary detector with the repository's real dictionaries. */
class DictionaryDetectorTest {
    private static DictionaryDetector detector;

    @BeforeAll
    static void load() {
        detector = DictionaryFixtures.detector(DictionaryFixtures.realDictionaries());
    }

    private static List<Finding> find(DetectionContext ctx, Category c) {
        return of(detector.detect(ctx), c);
    }

    private static List<Finding> find(String text, Category c) {
        return find(DetectionContext.of(text), c);
    }

    @Test
    void nameAndCategories() {
        assertEquals("dictionary", detector.name());
        assertEquals(Set.of(Category.SECRET_CONTENT, Category.TRADE_SECRET, Category.STABILITY, Category.INTERNAL_AFFAIRS,
                Category.PROCESS_INFO, Category.ENFORCEMENT_CASE), detector.categories());
    }

    // ---- trade secrets ----

    @Test
    void bidCostBreakdownInAProcurementNoticeIsATradeSecret() {
        DetectionContext ctx = paragraphs(
                "重庆市江北区政府采购中心",
                "江北区智慧政务平台运维服务采购项目采购结果公告",
                "一、项目编号：JBCG-2023-017",
                "二、中标供应商：重庆渝信科技有限公司，中标金额：人民币叁佰贰拾万元整。",
                "三、中标供应商投标报价明细：成本构成为人工费186万元、材料费42万元、管理费费率6%，利润率8.5%。",
                "四、公告期限：自本公告发布之日起1个工作日。");
        List<Finding> found = find(ctx, Category.TRADE_SECRET);
        assertEquals(1, found.size(), found::toString);
        Finding f = found.get(0);
        assertEquals(Category.TRADE_SECRET, f.category());
        assertEquals(Severity.HIGH, f.severity());
        assertSpanPointsAtText(ctx, f);
        assertTrue(f.text().contains("成本构成") && f.text().contains("利润率"), f.text());
        assertTrue(f.text().startsWith("投标报价明细"), f.text());
        assertTrue(ctx.text().text().indexOf("投标报价明细") == f.span().start());
        assertTrue(f.score() >= 0.5 && f.score() <= 1.0, "score " + f.score());
        // each finding states term, file and score, and carries the dictionary version
        // the sentence is for a person: the terms and what to do, no file, weight, score or version
        assertTrue(f.explanation().contains("成本构成") && f.explanation().contains("商业秘密"), f.explanation());
        assertFalse(f.explanation().contains("trade_secret.txt") || f.explanation().contains("0.75") || f.explanation().contains("得分")
                || f.explanation().contains(detector.version()), f.explanation());
        // those go to the reviewer's "why" view
        assertTrue(f.detail().contains("trade_secret.txt"), f.detail());
        assertTrue(f.detail().contains("成本构成(0.75)"), f.detail());
        assertTrue(f.detail().contains("得分"), f.detail());
        assertTrue(f.detail().contains(detector.version()), f.detail());
        assertEquals(detector.version(), f.version());
        assertTrue(f.basis().contains("第十五条"), f.basis());
        assertEquals("dictionary", f.detector());
        assertTrue(find(ctx, Category.SECRET_CONTENT).isEmpty(), "a trade secret is not a state secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "附件2：各投标人得分及评委打分情况。",
        "经评审，中标供应商分项报价及单价分析表详见附件。",
        "本次国有建设用地使用权挂牌出让底价为每平方米3200元。",
        "附件3为重庆某某食品有限公司提交的产品配方及生产工艺流程说明。",
        "会议听取了重庆渝信科技有限公司客户名单及银行流水情况的汇报。",
    })
    void otherTradeSecrets(String sentence) {
        DetectionContext ctx = DetectionContext.of(sentence);
        List<Finding> found = find(ctx, Category.TRADE_SECRET);
        assertEquals(1, found.size(), sentence + " → " + found);
        assertEquals(Severity.HIGH, found.get(0).severity());
        assertSpanPointsAtText(ctx, found.get(0));
    }

    @Test
    void publishedAwardWithoutBreakdownIsNotATradeSecret() {
        DetectionContext ctx = paragraphs(
                "江北区智慧政务平台运维服务采购项目采购结果公告",
                "一、中标供应商：重庆渝信科技有限公司，统一社会信用代码：91500105MA5U3XXX0L。",
                "二、中标金额：人民币叁佰贰拾万元整。",
                "三、评审专家名单：张伟、李娜、王强、刘洋、陈静。",
                "四、采购人：重庆市江北区政务服务管理办公室，联系电话：023-67851234。");
        assertTrue(detector.detect(ctx).isEmpty(), () -> detector.detect(ctx).toString());
    }

    @Test
    void spanMapsLetterSpacedPdfTextBackToTheOriginal() {
        String line = "三、成 本 构 成 及 利 润 率 见 附 表";
        DetectionContext ctx = paragraphs("江北区智慧政务平台运维服务采购项目评审报告", line);
        List<Finding> found = find(ctx, Category.TRADE_SECRET);
        assertEquals(1, found.size(), found::toString);
        Finding f = found.get(0);
        assertSpanPointsAtText(ctx, f);
        assertEquals("成 本 构 成 及 利 润 率", f.text());
    }

    // ---- enforcement case files, and published penalty decisions naming their procedure ----

    @Test
    void aPublishedPenaltyDecisionNamingItsProcedureAndEvidenceIsNoCaseFile() {
        DetectionContext decision = paragraphs("江北区市场监督管理局行政处罚决定书江北市监处罚字〔2025〕第040号", "当事人：江北区老金食品商行",
                "调查期间，执法人员取得了当事人的营业执照、对当事人制作的现场笔录及询问笔录等证据，案件已调查终结。",
                "以上事实，有《调查询问笔录》《现场检查（勘察）笔录》及2023年11月9日《送达回证》为证。");
        assertTrue(find(decision, Category.ENFORCEMENT_CASE).isEmpty(), () -> find(decision, Category.ENFORCEMENT_CASE).toString());
        DetectionContext toYou = paragraphs("行政处罚决定书", "豫0923环罚决字〔2024〕7号", "江北食品有限公司：",
                "7月13日，我局执法人员制作调查询问笔录一份（共6页），以上证据证明你单位未如实报告污染物排放的违法事实。");
        assertTrue(find(toYou, Category.ENFORCEMENT_CASE).isEmpty(), () -> find(toYou, Category.ENFORCEMENT_CASE).toString());
        DetectionContext simple = paragraphs("江北区交通运输局关于对罗某某的行政处罚决定（简易程序）", "一、当事人基本情况",
                "执法人员对当事人进行调查询问，制作了询问笔录，以上证据证明当事人擅自从事网约车经营。");
        assertTrue(find(simple, Category.ENFORCEMENT_CASE).isEmpty(), () -> find(simple, Category.ENFORCEMENT_CASE).toString());
    }

    @Test
    void anInternalCaseReportOrARecordsQuestionsStayTheCaseFile() {
        DetectionContext report = paragraphs("关于江北县某化工厂违法排污案的调查终结报告", "当事人：江北县某化工厂",
                "4月5日，执法人员对当事人制作询问笔录，调取证据材料共计18份，建议作出行政处罚决定。");
        assertFalse(find(report, Category.ENFORCEMENT_CASE).isEmpty());
        DetectionContext record = paragraphs("行政处罚决定书", "当事人：王某某", "问：你是否知道禁渔期？", "答：知道。", "以上询问笔录经本人核对无误后签名捺印。");
        assertFalse(find(record, Category.ENFORCEMENT_CASE).isEmpty());
    }

    // ---- secret content, and policy texts about secrecy ----

    @Test
    void unmarkedButSecretContentIsFlagged() {
        DetectionContext ctx = paragraphs("关于春节期间安保工作的通知", "本通知内容属于国家秘密，知悉范围限于县级领导，阅后收回。");
        List<Finding> found = find(ctx, Category.SECRET_CONTENT);
        assertEquals(1, found.size(), found::toString);
        Finding f = found.get(0);
        assertEquals(Severity.HIGH, f.severity());
        assertSpanPointsAtText(ctx, f);
        assertTrue(f.detail().contains("secret_content.txt"), f.detail());
        assertTrue(f.explanation().contains("知悉范围"), f.explanation());
        assertTrue(f.basis().contains("第十四条"), f.basis());
        assertEquals(detector.version(), f.version());
    }

    @Test
    void secrecyReviewPolicyIsNotSecretContent() {
        DetectionContext ctx = paragraphs(
                "关于印发《江北区政府信息公开保密审查制度》的通知",
                "各镇人民政府、街道办事处，区政府各部门：",
                "现将《江北区政府信息公开保密审查制度》印发给你们，请认真贯彻执行。",
                "第一条 为做好政府信息公开保密审查工作，防止发生泄密，根据《中华人民共和国保守国家秘密法》制定本制度。",
                "第二条 行政机关公开政府信息前，应当依照保守国家秘密法对拟公开的信息进行保密审查。涉及国家秘密、商业秘密、个人隐私的政府信息不得公开。",
                "第三条 已确定为国家秘密但已超过保密期限的政府信息，应按规定办理解密手续。对标注“秘密”“机密”“绝密”的信息，应严格控制知悉范围。",
                "第四条 涉密文件、涉密载体的传递、保管和销毁，按照有关规定执行，阅后收回的文件不得复制。");
        assertTrue(find(ctx, Category.SECRET_CONTENT).isEmpty(), () -> find(ctx, Category.SECRET_CONTENT).toString());
    }

    @Test
    void singleSentenceAboutSecrecyReviewIsNotSecretContent() {
        String s = "各单位要严格执行保密审查制度，依照保守国家秘密法做好政府信息公开前的保密审查，已确定为国家秘密的政府信息在保密期限内不得公开，严格控制知悉范围。";
        assertTrue(find(s, Category.SECRET_CONTENT).isEmpty(), () -> find(s, Category.SECRET_CONTENT).toString());
    }

    @Test
    void ruleTextTitleLowersTheScore() {
        String article = "第十二条 供应商的投标报价明细、成本构成、利润率等商业秘密，采购人不得公开。";
        // without a title the sentence itself is normative prose (不得) but still names a breakdown
        List<Block> blocks = List.of(Block.body("江北区政府采购信息公开管理办法"), Block.body(article));
        DocumentStructure rules = new DocumentStructure("办法", Map.of("title", "江北区政府采购信息公开管理办法"), null, 0);
        DetectionContext ctx = context(blocks, rules);
        assertTrue(find(ctx, Category.TRADE_SECRET).isEmpty(), () -> find(ctx, Category.TRADE_SECRET).toString());
    }

    @Test
    void accountSecurityAdviceIsNotSecretContent() {
        String s = "为做好政务网站安全防护，各单位要加强后台账号密钥管理，严禁将个人登录用户名和密码泄露给他人使用。";
        assertTrue(find(s, Category.SECRET_CONTENT).isEmpty(), () -> find(s, Category.SECRET_CONTENT).toString());
    }

    @Test
    void cryptographicKeysAreSecretContent() {
        String s = "核心密码设备的密钥由机要部门统一分发，各单位指定专人接收。";
        List<Finding> found = find(s, Category.SECRET_CONTENT);
        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).explanation().contains("密钥"), found.get(0).explanation());
    }

    @ParameterizedTest
    @ValueSource(strings = {"本名单未经批准不得公开。", "本方案仅限参会人员阅知，不得扩散。"})
    void aTermThatContainsARuleWordIsNotRuleProseByItself(String s) {
        // "不得" of "不得扩散" is the term itself, not a normative statement about it
        List<Finding> found = find(s, Category.SECRET_CONTENT);
        assertEquals(1, found.size(), s + " → " + found);
        assertFalse(found.get(0).detail().contains("dict.normative-prose"), found.get(0).detail());
    }

    @Test
    void ruleWordOutsideTheTermStillLowersTheScore() {
        String s = "依照有关规定，知悉范围应当严格控制。";
        assertTrue(find(s, Category.SECRET_CONTENT).isEmpty(), () -> find(s, Category.SECRET_CONTENT).toString());
    }

    @Test
    void stabilityMaintenanceListIsFlagged() {
        String s = "请各单位于3月15日前报送春节期间重点信访人员稳控情况，对赴省上访人员做好劝返工作。";
        DetectionContext ctx = DetectionContext.of(s);
        List<Finding> found = find(ctx, Category.STABILITY);
        assertEquals(1, found.size(), found::toString);
        assertEquals(Severity.HIGH, found.get(0).severity());
        assertSpanPointsAtText(ctx, found.get(0));
        assertTrue(found.get(0).detail().contains("stability.txt"), found.get(0).detail());
    }

    // ---- word boundaries (HanLP segmentation) ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "会议要求，一线人员要坚守岗位，做好节日期间服务保障。|SECRET_CONTENT|线人",
        "会议要求，坚守安全生产目标底线，确保不发生重大事故。|TRADE_SECRET|标底",
        "全年居民消费价格涨幅平稳控制在3%以内。|STABILITY|稳控",
    })
    void termInsideAnotherWordDoesNotHit(String sentence, Category category, String term) {
        assertTrue(sentence.contains(term), "the term stands inside the text");
        assertTrue(find(sentence, category).isEmpty(), () -> sentence + " → " + find(sentence, category));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "相关线人信息由公安机关统一管理。|SECRET_CONTENT|线人",
        "本项目标底为350万元。|TRADE_SECRET|标底",
        "对重点人员实行稳控。|STABILITY|稳控",
    })
    void theSameTermAsAWordHits(String sentence, Category category, String term) {
        DetectionContext ctx = DetectionContext.of(sentence);
        List<Finding> found = find(ctx, category);
        assertEquals(1, found.size(), sentence + " → " + found);
        assertTrue(found.get(0).text().contains(term), found.get(0).text());
        assertSpanPointsAtText(ctx, found.get(0));
    }

    // ---- required context ----

    @Test
    void termWithRequiredContextNeedsItNearby() {
        assertEquals(1, find("本次国有建设用地使用权挂牌出让底价为每平方米3200元。", Category.TRADE_SECRET).size());
        assertTrue(find("超市开展商品底价促销活动，让利于民。", Category.TRADE_SECRET).isEmpty());
    }

    @Test
    void contextFurtherThanTheWindowDoesNotCount() {
        String filler = "本次活动由区公共资源交易中心组织实施，各相关单位要高度重视，周密部署，确保各项工作有序推进，按时完成各项任务。"
                + "区政务服务管理办公室负责做好服务保障，区财政局负责资金监管。";
        assertTrue(filler.length() > 60);
        String far = "区政府决定公开拍卖部分闲置资产。" + filler + "经评估确定底价为每平方米3200元。";
        assertTrue(find(far, Category.TRADE_SECRET).isEmpty(), () -> find(far, Category.TRADE_SECRET).toString());
        String near = "区政府决定公开拍卖部分闲置资产。经评估确定底价为每平方米3200元。";
        assertEquals(1, find(near, Category.TRADE_SECRET).size());
    }

    @Test
    void windowAndThresholdAreConfigurable() {
        DictionaryDetector narrow = DictionaryFixtures.detector(DictionaryFixtures.realDictionaries(), Map.of("window", "5"));
        String near = "区政府决定公开拍卖部分闲置资产。经评估确定底价为每平方米3200元。";
        assertTrue(of(narrow.detect(DetectionContext.of(near)), Category.TRADE_SECRET).isEmpty());
        DictionaryDetector strict = DictionaryFixtures.detector(DictionaryFixtures.realDictionaries(), Map.of("threshold", "0.9"));
        assertTrue(of(strict.detect(DetectionContext.of("成本构成详见附表。")), Category.TRADE_SECRET).isEmpty());
        assertEquals(1, find("成本构成详见附表。", Category.TRADE_SECRET).size());
    }

    // ---- the listing ----

    @Test
    void dictionariesListsEveryFileWithTermCountAndVersion() throws Exception {
        Path dir = DictionaryFixtures.realDictionaries();
        List<DictionaryDetector.DictionaryInfo> infos = detector.dictionaries();
        Set<String> files;
        try (var s = Files.list(dir)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).collect(Collectors.toSet());
        }
        assertEquals(files, infos.stream().map(DictionaryDetector.DictionaryInfo::file).collect(Collectors.toSet()));
        assertTrue(detector.version().matches("[0-9a-f]{12}"), detector.version());
        for (DictionaryDetector.DictionaryInfo i : infos) {
            assertEquals(detector.version(), i.version(), i.file());
            long entries = Files.readAllLines(dir.resolve(i.file()), StandardCharsets.UTF_8).stream()
                    .map(l -> (l.indexOf('#') >= 0 ? l.substring(0, l.indexOf('#')) : l).strip()).filter(l -> !l.isEmpty()).count();
            assertEquals(entries, i.terms(), i.file());
            assertTrue(i.terms() > 0, i.file());
            assertTrue(i.problems().isEmpty(), "the shipped dictionaries have no malformed line: " + i.problems());
        }
        Map<String, String> category = infos.stream().collect(Collectors.toMap(DictionaryDetector.DictionaryInfo::file,
                DictionaryDetector.DictionaryInfo::category));
        assertEquals("TRADE_SECRET", category.get("trade_secret.txt"));
        assertEquals("SECRET_CONTENT", category.get("secret_content.txt"));
        assertEquals("STABILITY", category.get("stability.txt"));
        assertEquals("INTERNAL_AFFAIRS", category.get("internal_affairs.txt"));
        assertEquals("PROCESS_INFO", category.get("process_info.txt"));
        assertEquals("ENFORCEMENT_CASE", category.get("enforcement_case.txt"));
        assertEquals("ALLOW_LIST", category.get("allow.txt"));
        assertTrue(detector.problems().isEmpty(), detector.problems().toString());
        assertEquals(infos.size(), detector.wordLists().size());
    }

    @Test
    void emptyAndBlankDocumentsGiveNothing() {
        assertTrue(detector.detect(DetectionContext.of("")).isEmpty());
        assertTrue(detector.detect(paragraphs()).isEmpty());
        assertTrue(detector.detect(DetectionContext.of("\n　\n")).isEmpty());
    }

    // ---- the seed rule texts ----

    @Test
    void seedRuleTextsAreNotSecretContent() throws Exception {
        List<Path> seeds = DictionaryFixtures.seeds();
        Assumptions.assumeFalse(seeds.isEmpty(), "seed texts (../shared/seeds) not present");
        for (Path p : seeds) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            List<Finding> all = detector.detect(DetectionContext.of(text));
            assertTrue(of(all, Category.SECRET_CONTENT).isEmpty(), p.getFileName() + ": " + of(all, Category.SECRET_CONTENT));
            assertTrue(of(all, Category.TRADE_SECRET).isEmpty(), p.getFileName() + ": " + of(all, Category.TRADE_SECRET));
            assertTrue(of(all, Category.STABILITY).isEmpty(), p.getFileName() + ": " + of(all, Category.STABILITY));
            List<Finding> asParagraphs = detector.detect(paragraphs(text.split("\n")));
            assertTrue(of(asParagraphs, Category.SECRET_CONTENT).isEmpty(), p.getFileName() + " as paragraphs: " + of(asParagraphs, Category.SECRET_CONTENT));
        }
    }

    @Test
    void everySeedParagraphOnItsOwnIsNotSecretContent() throws Exception {
        // a drafter quoting one article of a rule in a notice must not make the notice secret
        List<Path> seeds = DictionaryFixtures.seeds();
        Assumptions.assumeFalse(seeds.isEmpty(), "seed texts (../shared/seeds) not present");
        for (Path p : seeds) {
            for (String para : Files.readString(p, StandardCharsets.UTF_8).split("\n")) {
                List<Finding> found = find(para, Category.SECRET_CONTENT);
                assertTrue(found.isEmpty(), p.getFileName() + ": " + para + " → " + found);
            }
        }
    }
}
