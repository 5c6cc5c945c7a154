package org.gongkai.dictionary;

import static org.gongkai.dictionary.DictionaryFixtures.append;
import static org.gongkai.dictionary.DictionaryFixtures.copyOfReal;
import static org.gongkai.dictionary.DictionaryFixtures.detector;
import static org.gongkai.dictionary.DictionaryFixtures.of;
import static org.gongkai.dictionary.DictionaryFixtures.touchForward;
import static org.gongkai.dictionary.DictionaryFixtures.waitForReloadCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.gongkai.spi.Category;
import org.gongkai.spi.DetectionContext;
import org.gongkai.spi.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing dictionary files: reloads without restart, allow-lists, malformed lines. Works on copies in a temporary folder. */
class DictionaryReloadTest {
    private static final String BID = "经评审，重庆渝信科技有限公司的竞价策略为整体下浮百分之十二。";

    private static List<Finding> trade(DictionaryDetector d, String text) {
        return of(d.detect(DetectionContext.of(text)), Category.TRADE_SECRET);
    }

    private static int terms(DictionaryDetector d, String file) {
        return d.dictionaries().stream().filter(i -> i.file().equals(file)).findFirst().orElseThrow().terms();
    }

    @Test
    void changedFileIsReloadedWithoutRestart(@TempDir Path tmp) throws Exception {
        Path dir = copyOfReal(tmp);
        Path file = dir.resolve("trade_secret.txt");
        String original = Files.readString(file, StandardCharsets.UTF_8);
        DictionaryDetector d = detector(dir);
        String v1 = d.version();
        int n1 = terms(d, "trade_secret.txt");
        assertTrue(trade(d, BID).isEmpty(), "not a term yet");

        append(file, "竞价策略\t0.8\t投标|报价|下浮|企业|公司");
        waitForReloadCheck();
        List<Finding> found = trade(d, BID);
        assertEquals(1, found.size(), found::toString);
        Finding f = found.get(0);
        assertEquals("竞价策略", f.text());
        assertEquals(BID.indexOf("竞价策略"), f.span().start());
        assertNotEquals(v1, d.version(), "a changed file changes the version");
        assertEquals(d.version(), f.version(), "the finding carries the version that produced it");
        assertTrue(f.detail().contains("竞价策略(0.8)") && f.detail().contains("trade_secret.txt") && f.detail().contains(d.version()),
                f.detail());
        assertEquals(n1 + 1, terms(d, "trade_secret.txt"));
        d.dictionaries().forEach(i -> assertEquals(d.version(), i.version(), i.file()));

        Files.writeString(file, original, StandardCharsets.UTF_8);
        touchForward(file);
        waitForReloadCheck();
        assertTrue(trade(d, BID).isEmpty(), "the removed term no longer hits");
        assertEquals(v1, d.version(), "the version is a hash of the contents: the same files, the same version");
        assertEquals(n1, terms(d, "trade_secret.txt"));
    }

    @Test
    void fileReplacedByAnOlderCopyIsStillNoticed(@TempDir Path tmp) throws Exception {
        Path dir = copyOfReal(tmp);
        Path file = dir.resolve("trade_secret.txt");
        FileTime before = Files.getLastModifiedTime(file);
        DictionaryDetector d = detector(dir);
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8) + "\n竞价策略\t0.8\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() - 86_400_000L));
        Files.setLastModifiedTime(dir, FileTime.fromMillis(Files.getLastModifiedTime(dir).toMillis()));
        waitForReloadCheck();
        assertEquals(1, trade(d, BID).size());
    }

    @Test
    void newFileInTheFolderIsPickedUp(@TempDir Path tmp) throws Exception {
        Path dir = copyOfReal(tmp);
        Files.delete(dir.resolve("process_info.txt"));
        DictionaryDetector d = detector(dir);
        String minutes = "会议讨论稿已印发各成员单位，请于3月10日前反馈。";
        assertTrue(of(d.detect(DetectionContext.of(minutes)), Category.PROCESS_INFO).isEmpty());
        Files.copy(DictionaryFixtures.realDictionaries().resolve("process_info.txt"), dir.resolve("process_info.txt"));
        touchForward(dir.resolve("process_info.txt"));
        waitForReloadCheck();
        assertEquals(1, of(d.detect(DetectionContext.of(minutes)), Category.PROCESS_INFO).size());
        assertTrue(d.dictionaries().stream().anyMatch(i -> i.file().equals("process_info.txt") && i.terms() > 0));
    }

    @Test
    void allowListedPhraseSuppressesTheTermsInsideIt(@TempDir Path tmp) throws Exception {
        Path dir = copyOfReal(tmp);
        String notice = "各镇街要做好舆情处置工作。";
        List<Finding> before = of(detector(dir).detect(DetectionContext.of(notice)), Category.STABILITY);
        assertEquals(1, before.size(), "without the allow entry the phrase is a finding: " + before);

        append(dir.resolve("allow.txt"), "做好舆情处置工作");
        DictionaryDetector d = detector(dir);
        assertTrue(of(d.detect(DetectionContext.of(notice)), Category.STABILITY).isEmpty());

        // the same term outside the allowed phrase still counts
        String incident = "各镇街要做好舆情处置工作。网上出现涉及征地拆迁的负面舆情后，请立即启动舆情处置。";
        DetectionContext ctx = DetectionContext.of(incident);
        List<Finding> found = of(d.detect(ctx), Category.STABILITY);
        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).span().start() > incident.indexOf("。"), "the finding is in the second sentence: " + found);
        assertEquals(found.get(0).text(), incident.substring(found.get(0).span().start(), found.get(0).span().end()));
    }

    @Test
    void realAllowListPhrasesAreNotFindings() {
        DictionaryDetector d = detector(DictionaryFixtures.realDictionaries());
        String s = "根据《中华人民共和国保守国家秘密法》和《国家秘密定密管理暂行规定》，各单位要健全保密审查机制，做好重大决策社会稳定风险评估和政务舆情回应工作。";
        List<Finding> found = d.detect(DetectionContext.of(s));
        assertTrue(of(found, Category.SECRET_CONTENT).isEmpty() && of(found, Category.STABILITY).isEmpty(), found::toString);
    }

    @Test
    void malformedLinesAreSkippedAndReported(@TempDir Path tmp) throws Exception {
        Path dir = copyOfReal(tmp);
        Path file = dir.resolve("trade_secret.txt");
        int lines = Files.readAllLines(file, StandardCharsets.UTF_8).size();
        int n0 = terms(detector(copyOfReal(Files.createDirectory(tmp.resolve("clean")))), "trade_secret.txt");
        append(file,
                "竞价底线",                      // no weight
                "报价底线\t很高",                 // weight not a number
                "让利幅度\t1.5",                 // weight out of (0,1]
                "中标内幕\t0.8\t|",               // empty context list
                "竞价策略\t0.8\t投标|报价|下浮|企业|公司");
        DictionaryDetector d = detector(dir); // configuring does not fail
        List<String> problems = d.problems();
        assertEquals(4, problems.size(), problems.toString());
        for (int i = 0; i < 4; i++) {
            String where = "trade_secret.txt:" + (lines + 2 + i);
            assertTrue(problems.get(i).contains(where), where + " in " + problems.get(i));
        }
        assertEquals(1, trade(d, BID).size(), "the valid line after the bad ones loaded");
        assertEquals(1, trade(d, "成本构成详见附表。").size(), "the rest of the file loaded");
        assertTrue(trade(d, "双方的报价底线均已确定，让利幅度由企业自定。").isEmpty(), "skipped lines are not terms");
        DictionaryDetector.DictionaryInfo info = d.dictionaries().stream().filter(i -> i.file().equals("trade_secret.txt")).findFirst().orElseThrow();
        assertEquals(n0 + 1, info.terms(), "only valid entries are counted");
        assertEquals(4, info.problems().size(), info.problems().toString());
    }

    @Test
    void malformedLineAddedWhileRunningDoesNotStopTheReload(@TempDir Path tmp) throws Exception {
        Path dir = copyOfReal(tmp);
        DictionaryDetector d = detector(dir);
        assertTrue(d.problems().isEmpty());
        append(dir.resolve("trade_secret.txt"), "竞价底线\tabc", "竞价策略\t0.8");
        waitForReloadCheck();
        assertEquals(1, trade(d, BID).size(), "the good line of the edit is in use");
        assertEquals(1, d.problems().size(), d.problems().toString());
        assertTrue(d.problems().get(0).contains("trade_secret.txt"), d.problems().get(0));
    }

    @Test
    void byteOrderMarkAndWindowsLineEndsAreAccepted(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("trade_secret.txt"), "\uFEFF竞价策略\t0.8\r\n成本构成\t0.75\r\n", StandardCharsets.UTF_8);
        DictionaryDetector d = detector(tmp);
        assertTrue(d.problems().isEmpty(), d.problems().toString());
        assertEquals(1, trade(d, BID).size());
        assertEquals(2, terms(d, "trade_secret.txt"));
    }

    @Test
    void unknownFilesAreIgnoredAndReported(@TempDir Path tmp) throws Exception {
        Path dir = copyOfReal(tmp);
        Files.writeString(dir.resolve("notes.txt"), "竞价策略\t0.8\n", StandardCharsets.UTF_8);
        DictionaryDetector d = detector(dir);
        assertTrue(trade(d, BID).isEmpty());
        assertTrue(d.dictionaries().stream().noneMatch(i -> i.file().equals("notes.txt")));
        assertTrue(d.problems().stream().anyMatch(p -> p.contains("notes.txt")), d.problems().toString());
    }

    @Test
    void dirParameterOverridesTheEnvironment(@TempDir Path tmp) throws Exception {
        Path dir = copyOfReal(Files.createDirectory(tmp.resolve("custom")));
        append(dir.resolve("trade_secret.txt"), "竞价策略\t0.8");
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        DictionaryDetector d = detector(empty, Map.of("dir", dir.toString()));
        assertEquals(1, trade(d, BID).size());
    }

    @Test
    void missingFolderFailsConfigurationWithItsPath(@TempDir Path tmp) {
        Path missing = tmp.resolve("no-such-folder");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> detector(missing));
        assertTrue(e.getMessage().contains("no-such-folder"), e.getMessage());
    }

    @Test
    void withoutAnAllowListDetectionStillWorks(@TempDir Path tmp) throws Exception {
        Path dir = copyOfReal(tmp);
        Files.delete(dir.resolve("allow.txt"));
        DictionaryDetector d = detector(dir);
        assertEquals(1, trade(d, "成本构成详见附表。").size());
        Files.writeString(dir.resolve("allow.txt"), "# 暂无\n", StandardCharsets.UTF_8);
        touchForward(dir.resolve("allow.txt"));
        waitForReloadCheck();
        assertEquals(1, trade(d, "成本构成详见附表。").size());
        assertEquals(0, terms(d, "allow.txt"));
    }

    @Test
    void concurrentDetectionGivesTheSameResults() throws Exception {
        DictionaryDetector d = detector(DictionaryFixtures.realDictionaries());
        List<String> texts = List.of(
                "三、中标供应商投标报价明细：成本构成为人工费186万元、材料费42万元、管理费费率6%，利润率8.5%。",
                "请各单位于3月15日前报送春节期间重点信访人员稳控情况，对赴省上访人员做好劝返工作。",
                "会议要求，一线人员要坚守岗位，做好节日期间服务保障。",
                "本通知内容属于国家秘密，知悉范围限于县级领导，阅后收回。");
        List<String> expected = texts.stream().map(t -> d.detect(DetectionContext.of(t)).toString()).toList();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int k = i % texts.size();
                results.add(pool.submit(() -> d.detect(DetectionContext.of(texts.get(k))).toString().equals(expected.get(k))));
            }
            for (var r : results) {
                assertTrue(r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void emptyFolderGivesNoFindings(@TempDir Path tmp) {
        DictionaryDetector d = detector(tmp);
        assertTrue(d.detect(DetectionContext.of("成本构成详见附表。本通知内容属于国家秘密。")).isEmpty());
        assertTrue(d.dictionaries().isEmpty());
    }
}
