package org.gongkai.server.basis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;
import org.gongkai.server.App;
import org.gongkai.server.TestEnv;
import org.gongkai.server.config.ServerConfig;
import org.gongkai.server.pipeline.CheckResult;
import org.gongkai.server.pipeline.ReportedFinding;
import org.gongkai.server.plugin.PluginRegistry;
import org.gongkai.spi.Category;
import org.gongkai.spi.Finding;
import org.gongkai.spi.Severity;
import org.gongkai.spi.Submission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The legal basis cites the deploying office's own rules: config/basis/office.properties names the office, its
 * .basis file maps categories to its texts, and no office cites another's.
 */
class OfficeBasisTest {
    @TempDir
    Path tmp;

    private static Path shipped() {
        return TestEnv.root().resolve("config");
    }

    @Test
    void every_shipped_office_file_reads_and_names_its_office() throws Exception {
        try (Stream<Path> files = Files.list(shipped().resolve("basis"))) {
            List<Path> basis = files.filter(p -> p.toString().endsWith(".basis")).toList();
            assertEquals(4, basis.size(), basis.toString());
            for (Path p : basis) {
                OfficeBasis b = OfficeBasis.parse(p.getFileName().toString().replace(".basis", ""), p.getFileName().toString(), Files.readAllLines(p));
                assertTrue(b.name() != null && !b.name().isBlank(), p.toString());
                assertFalse(b.texts(Category.PERSON_NAME).isEmpty(), p + " cites its rule on personal privacy");
            }
        }
    }

    @Test
    void with_no_office_named_findings_cite_the_national_rules_alone() {
        OfficeBasis none = OfficeBasis.load(shipped());
        assertEquals(null, none.id(), "the shipped configuration names no office");
        Finding f = Finding.document(Category.ATTRIBUTE_MISSING, Severity.BLOCKER, null, "未标注公开属性", "attribute");
        assertEquals(f.basis(), none.cite(f).basis());
        assertTrue(f.basis().contains("国办发〔2016〕80号"), f.basis());
    }

    @ParameterizedTest
    @CsvSource({"jiangbei, 重庆市江北区政府信息公开属性源头认定制度, 凤冈", "fenggang, 凤冈县公文公开属性源头认定工作制度, 江北"})
    void a_document_cites_the_chosen_offices_rules_and_never_anothers(String office, String own, String other) throws Exception {
        Path config = copyOfConfig(office);
        Map<String, String> env = new HashMap<>();
        env.put("GONGKAI_DICTIONARIES", TestEnv.root().resolve("dictionaries").toString());
        env.put("GONGKAI_CONFIG", config.toString());
        ServerConfig cfg = ServerConfig.fromEnvironment(env, 0, tmp.resolve("data"));
        Path draft = Files.writeString(tmp.resolve("draft.txt"), "关于开展燃气安全检查的通知\n各街道办事处：\n  当事人王建国，公民身份号码500105195803124428。\n江北区应急管理局\n2023年6月1日\n");
        ExecutorService threads = App.extractionThreads();
        try {
            CheckResult r = App.pipeline(PluginRegistry.load(App.environment(cfg)), threads, cfg).check(draft, "text/plain", Submission.of("draft.txt"));
            ReportedFinding missing = r.findings().stream().filter(f -> f.category() == Category.ATTRIBUTE_MISSING).findFirst().orElseThrow();
            assertTrue(missing.basis().contains("国办发〔2016〕80号") && missing.basis().contains(own), missing.basis());
            for (ReportedFinding f : r.findings()) {
                assertFalse(f.basis().contains(other), f.category() + " cites another office: " + f.basis());
            }
            ReportedFinding id = r.findings().stream().filter(f -> f.category() == Category.ID_NUMBER).findFirst().orElseThrow();
            assertTrue(id.basis().startsWith("《政府信息公开条例》第十五条"), "the national rule first: " + id.basis());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void a_basis_file_with_errors_stops_start_up_naming_file_and_line() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> OfficeBasis.parse("x", "x.basis",
                List.of("# 示例", "office 某县", "PERSON_NAMES 《某县制度》第二条", "ID_NUMBER")));
        assertTrue(e.getMessage().contains("x.basis:3") && e.getMessage().contains("PERSON_NAMES"), e.getMessage());
        assertTrue(e.getMessage().contains("x.basis:4"), e.getMessage());
        IllegalStateException noOffice = assertThrows(IllegalStateException.class, () -> OfficeBasis.parse("x", "x.basis", List.of("ID_NUMBER 《某县》")));
        assertTrue(noOffice.getMessage().contains("office"), noOffice.getMessage());
    }

    @Test
    void naming_an_office_without_its_file_stops_start_up() throws Exception {
        Path config = copyOfConfig("chaoyang");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> OfficeBasis.load(config));
        assertTrue(e.getMessage().contains("chaoyang"), e.getMessage());
    }

    /** A copy of the repository's configuration naming {@code office}. */
    private Path copyOfConfig(String office) throws Exception {
        Path config = tmp.resolve("config-" + office);
        try (Stream<Path> all = Files.walk(shipped())) {
            for (Path p : all.toList()) {
                Path target = config.resolve(shipped().relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Files.writeString(config.resolve("basis/office.properties"), "office=" + office + "\n");
        return config;
    }
}
