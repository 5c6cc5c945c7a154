package org.gongkai.server.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.Response;
import org.gongkai.server.App;
import org.gongkai.server.TestAccounts;
import org.gongkai.server.TestEnv;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.document.DocumentApiTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every one of the 420 broken and odd real Word/PDF files in {@code shared/corpus/hostile} is uploaded to a
 * running server: each gets a report (reaching CHECKED) or a clean 4xx, never a 5xx, and the server stays up.
 */
class HostileCorpusApiTest {
    private final TestAccounts.Caller caller = new TestAccounts.Caller();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void every_hostile_file_gets_a_report_or_a_clean_4xx_and_the_server_stays_up() throws Exception {
        Path corpus = TestEnv.shared().resolve("corpus").resolve("hostile");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "hostile corpus not present: " + corpus);
        List<Path> files;
        try (var s = Files.walk(corpus)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("README.md")).sorted().toList();
        }
        try (App app = App.create(TestAccounts.config(data)).startProcessing()) {
            JavalinTest.test(app.javalin(), caller.config(), (server, client) -> {
                caller.as(TestAccounts.token(client, "hostile", "办公室", Actor.Role.DRAFTER));
                Map<String, Integer> outcomes = new TreeMap<>();
                List<String> accepted = new ArrayList<>();
                for (Path f : files) {
                    Response r = DocumentApiTest.upload(client, f.getFileName().toString(), Files.readAllBytes(f));
                    String body = r.body().string();
                    assertTrue(r.code() < 500, f + " → " + r.code() + " " + body);
                    if (r.code() == 202) {
                        accepted.add(JSON.readTree(body).get("id").asText());
                    } else {
                        assertTrue(JSON.readTree(body).has("error"), body);
                        outcomes.merge("HTTP " + r.code(), 1, Integer::sum);
                    }
                }
                Map<String, Integer> reasons = new TreeMap<>();
                for (String id : accepted) {
                    JsonNode rep = awaitChecked(client, id);
                    outcomes.merge(rep.get("route").asText(), 1, Integer::sum);
                    if ("MANUAL_REVIEW".equals(rep.get("route").asText())) {
                        for (JsonNode f : rep.get("findings")) {
                            String c = f.get("category").asText();
                            if (c.equals("EXTRACTION_FAILED") || c.equals("NO_TEXT")) {
                                String why = f.get("explanation").asText().replaceAll("[0-9]+|：.*?（", "");
                                reasons.merge(why.substring(0, Math.min(24, why.length())), 1, Integer::sum);
                                break;
                            }
                        }
                    }
                }
                long usedMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024);
                String summary = "hostile corpus: " + files.size() + " files → " + outcomes + "; heap in use " + usedMb + " MB\nmanual review, first reason: "
                        + reasons;
                System.out.println(summary);
                Files.writeString(TestEnv.root().resolve("server").resolve("target").resolve("hostile-corpus-outcomes.txt"), summary + "\n");
                assertEquals(200, client.get("/api/v1/health").code());
                assertEquals(files.size(), outcomes.values().stream().mapToInt(Integer::intValue).sum());
            });
        }
    }

    private static JsonNode awaitChecked(io.javalin.testtools.HttpClient client, String id) throws Exception {
        for (int i = 0; i < 3000; i++) {
            JsonNode r = JSON.readTree(client.get("/api/v1/documents/" + id).body().string());
            if ("CHECKED".equals(r.path("status").asText())) {
                return r;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("document " + id + " not CHECKED in time");
    }
}
