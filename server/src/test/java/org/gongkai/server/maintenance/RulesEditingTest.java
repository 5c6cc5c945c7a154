package org.gongkai.server.maintenance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gongkai.server.App;
import org.gongkai.server.HttpApi;
import org.gongkai.server.TestAccounts;
import org.gongkai.server.TestEnv;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.config.ServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The document office edits the context-rules files of {@code config/} in the workbench like a dictionary: only the
 * files an active detector reads, validated as that detector validates them at load (a broken edit is refused with
 * its line and never written), recorded with who and when, and picked up by the running detectors. One real server
 * on a copy of {@code config/}.
 */
class RulesEditingTest {
    private static final ObjectMapper JSON = App.objectMapper();
    private static final String NOTICE = "江北县应急管理局\n演练通知：如有疑问请拨打13667781234。\n";
    @TempDir
    static Path work;
    static Path config;
    static App app;
    static String base;
    static HttpApi drafterApi;
    static final HttpClient http = HttpClient.newHttpClient();
    static String office;
    static String reviewer;
    static String drafter;

    @BeforeAll
    static void start() throws IOException {
        config = work.resolve("config");
        Path from = TestEnv.root().resolve("config");
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path to = config.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        ServerConfig c = TestAccounts.config(work.resolve("data"));
        app = App.create(new ServerConfig("127.0.0.1", 0, c.dataDir(), c.dbUrl(), c.dbUser(), c.dbPassword(), c.dictionariesDir(), config,
                c.maxUploadBytes(), c.parseTimeout(), c.workers(), c.maxChars(), c.adminToken(), c.pdfFont(), c.blobStore(), c.security())).start();
        base = "http://127.0.0.1:" + app.port();
        office = TestAccounts.token(http, base, "zhao.min", "县政府办公室", Actor.Role.DOCUMENT_OFFICE);
        reviewer = TestAccounts.token(http, base, "wang.jing", "县保密办", Actor.Role.SECRECY_REVIEWER);
        drafter = TestAccounts.token(http, base, "li.ming", "县市场监管局", Actor.Role.DRAFTER);
        drafterApi = new HttpApi(app.port());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void the_rules_kind_lists_the_three_files_the_detectors_read_and_nothing_else_of_config() throws Exception {
        List<String> rules = new ArrayList<>();
        for (JsonNode f : json(call("GET", "/api/v1/lists", reviewer, null)).get("files")) {
            if (f.get("kind").asText().equals("rules")) {
                assertEquals("检测规则", f.get("kindTitle").asText());
                assertTrue(f.get("entries").asInt() > 0, f.toString());
                rules.add(f.get("file").asText());
            }
        }
        assertEquals(List.of("dictionary.rules", "hidden.rules", "personal.rules"), rules);
        assertEquals(200, call("GET", "/api/v1/lists/rules/hidden.rules", reviewer, null).statusCode(), "reviewers read");
        for (String other : List.of("routing.rules", "plugins.properties", "queues.properties", "oidc.properties")) {
            assertEquals(404, call("GET", "/api/v1/lists/rules/" + other, office, null).statusCode(), other + " is no rules file a detector reads");
        }
        assertEquals(404, call("GET", "/api/v1/lists/rules/..%2Fpersonal.rules", office, null).statusCode());
    }

    @Test
    void an_edit_that_does_not_parse_or_does_not_fit_the_detector_is_refused_with_its_line_and_never_written() throws Exception {
        String path = "/api/v1/lists/rules/hidden.rules";
        byte[] before = Files.readAllBytes(config.resolve("hidden.rules"));
        JsonNode c = json(call("GET", path, office, null));
        int line = c.get("lines").size() + 1;
        // each refused line with what the message says about it, in Chinese and English
        Map<String, String> refused = Map.of(
                "rule office.broken HIDDEN_CONTENT:comment set", "效果缺少数值 / 'set' needs a number",
                "rulez office.typo HIDDEN_CONTENT exclude", "未知指令 / unknown directive 'rulez'",
                "rule office.field HIDDEN_CONTENT:property exclude when nosuchfield 作者", "未知的范围 / unknown scope 'nosuchfield'",
                "rule office.kind HIDDEN_CONTENT:nosuchkind exclude", "未知的匹配种类 / unknown kind 'HIDDEN_CONTENT:nosuchkind'",
                "rule office.other PHONE_NUMBER exclude", "此检测器不报告该类别 / this detector does not report PHONE_NUMBER");
        for (Map.Entry<String, String> e : refused.entrySet()) {
            HttpResponse<String> r = call("PUT", path, office, Map.of("version", c.get("version").asText(), "add", List.of(e.getKey()),
                    "comment", "测试"));
            assertEquals(400, r.statusCode(), e.getKey() + ": " + r.body());
            String message = json(r).path("error").path("message").asText(r.body());
            assertTrue(message.contains("第 " + line + " 行 / line " + line + "：" + e.getValue()), "names the line and the problem: " + message);
            assertTrue(message.startsWith("修改未保存：") && message.contains("not saved"), "Chinese and English: " + message);
            assertArrayEquals(before, Files.readAllBytes(config.resolve("hidden.rules")), e.getKey() + ": the file on disk is unchanged");
        }
        assertEquals(0, json(call("GET", path + "/history", office, null)).get("changes").size(), "a refused edit leaves no history");
    }

    @Test
    void only_the_document_office_edits_rules_and_a_drafter_does_not_even_read_them() throws Exception {
        String path = "/api/v1/lists/rules/dictionary.rules";
        byte[] before = Files.readAllBytes(config.resolve("dictionary.rules"));
        String version = json(call("GET", path, office, null)).get("version").asText();
        Map<String, Object> change = Map.of("version", version, "add", List.of("threshold STABILITY 0.9"));
        assertEquals(403, call("PUT", path, reviewer, change).statusCode(), "a secrecy reviewer reads but does not edit");
        assertEquals(403, call("PUT", path, drafter, change).statusCode());
        assertEquals(403, call("GET", path, drafter, null).statusCode());
        assertEquals(403, call("GET", "/api/v1/lists", drafter, null).statusCode());
        assertArrayEquals(before, Files.readAllBytes(config.resolve("dictionary.rules")));
    }

    @Test
    void a_valid_edit_is_written_recorded_with_who_and_when_and_changes_the_findings_of_the_next_document() throws Exception {
        assertTrue(phones(drafterApi.check("演练通知-1.txt", NOTICE.getBytes(StandardCharsets.UTF_8))),
                "before the edit the mobile number is reported");

        String path = "/api/v1/lists/rules/personal.rules";
        JsonNode c = json(call("GET", path, office, null));
        String rule = "rule office.drill PHONE_NUMBER:mobile exclude when line 演练通知 says \"演练通知中的号码\"";
        HttpResponse<String> ok = call("PUT", path, office, Map.of("version", c.get("version").asText(), "add", List.of(rule),
                "comment", "演练通知里的号码是虚构的"));
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(Files.readString(config.resolve("personal.rules")).endsWith("\n" + rule + "\n"), "written to the file the detectors read");
        JsonNode change = json(call("GET", path + "/history", reviewer, null)).get("changes").get(0);
        assertEquals("zhao.min", change.get("actor").asText());
        assertEquals("测试zhao.min", change.get("actorName").asText());
        assertFalse(change.get("changedAt").isNull(), change.toString());
        assertEquals(List.of(rule), List.of(change.get("added").get(0).asText()));
        assertEquals("演练通知里的号码是虚构的", change.get("comment").asText());

        Thread.sleep(1100); // a rule book looks at its file at most once a second
        assertFalse(phones(drafterApi.check("演练通知-2.txt", ("\n" + NOTICE).getBytes(StandardCharsets.UTF_8))),
                "the running detectors use the edited rules without a restart");
    }

    private static boolean phones(JsonNode report) {
        for (JsonNode f : report.get("findings")) {
            if (f.get("category").asText().equals("PHONE_NUMBER")) {
                return true;
            }
        }
        return false;
    }

    private static HttpResponse<String> call(String method, String path, String token, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }
}
