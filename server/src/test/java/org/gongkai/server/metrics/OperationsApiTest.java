package org.gongkai.server.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import okhttp3.Request;
import okhttp3.Response;
import org.gongkai.server.App;
import org.gongkai.server.TestAccounts;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.document.DocumentApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a drafter waiting for an answer and an operator watching the server see, on one running server:
 * {@code ?wait=N}, the stored original, health with its database and storage, and Prometheus metrics.
 */
class OperationsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestAccounts.Caller caller = new TestAccounts.Caller();

    @TempDir
    Path data;

    @Test
    void a_drafter_waits_for_the_answer_in_one_request_and_an_operator_sees_health_and_metrics() {
        try (App app = App.create(TestAccounts.config(data)).startProcessing()) {
            // the caller's client waits as long as ?wait=30 may (60 s read time-out)
            JavalinTest.test(app.javalin(), caller.config(), (server, client) -> {
                caller.as(TestAccounts.token(client, "ops.drafter", "县政府办公室", Actor.Role.DRAFTER));
                byte[] notice = DocumentApiTest.NOTICE.getBytes(StandardCharsets.UTF_8);
                Response up = DocumentApiTest.upload(client, "通知.txt", notice, "attribute", "PUBLIC");
                assertEquals(202, up.code());
                String id = JSON.readTree(up.body().string()).get("id").asText();

                long t0 = System.nanoTime();
                JsonNode rep = JSON.readTree(get(client, "/api/v1/documents/" + id + "?wait=30").body().string());
                assertEquals("CHECKED", rep.get("status").asText(), "one request answers with the checked report: " + rep);
                assertTrue(System.nanoTime() - t0 < 25e9, "answered when checked, not when the wait ran out");
                assertEquals("CHECKED", JSON.readTree(get(client, "/api/v1/documents/" + id + "?wait=0").body().string()).get("status").asText());
                for (String bad : new String[] {"31", "-1", "soon"}) {
                    DocumentApiTest.assertError(get(client, "/api/v1/documents/" + id + "?wait=" + bad), 400, "BAD_WAIT");
                }
                DocumentApiTest.assertError(get(client, "/api/v1/documents/nope?wait=5"), 404, "NOT_FOUND");

                Response orig = get(client, "/api/v1/documents/" + id + "/original");
                assertEquals(200, orig.code());
                assertTrue(orig.header("Content-Disposition").contains("filename*=UTF-8''%E9%80%9A%E7%9F%A5.txt"), orig.header("Content-Disposition"));
                assertArrayEquals(notice, orig.body().bytes(), "the original as uploaded");

                JsonNode health = JSON.readTree(get(client, "/api/v1/health").body().string());
                assertEquals("UP", health.get("status").asText());
                assertEquals("UP", health.get("database").asText());
                assertEquals("UP", health.get("storage").asText());
                assertEquals("files", health.get("storageKind").asText());

                assertEquals(403, get(client, "/api/v1/metrics").code(), "a drafter does not read the operators' metrics");
                caller.as(TestAccounts.token(client, "ops.admin", "信息中心", Actor.Role.SYSTEM_ADMIN));
                Response m = get(client, "/api/v1/metrics");
                assertEquals(200, m.code());
                assertTrue(m.header("Content-Type").startsWith("text/plain"), m.header("Content-Type"));
                String text = m.body().string();
                for (String metric : new String[] {"gongkai_uploads_total 1.0", "gongkai_checks_total{route=\"" + rep.get("route").asText() + "\"} 1.0",
                        "gongkai_processing_seconds_bucket", "gongkai_upload_to_checked_seconds_count 1", "gongkai_queue_open{queue=\"PUBLICATION_REVIEW\"}",
                        "gongkai_queue_overdue{queue=", "gongkai_processing_backlog", "gongkai_search_change_position", "jvm_memory_used_bytes",
                        "jvm_threads_live_threads"}) {
                    assertTrue(text.contains(metric), metric + " missing from\n" + text);
                }
            });
        }
    }

    /** Every request goes through here, so that a bearer token can be added in one place (issue 8). */
    private static Response get(HttpClient client, String path) {
        return client.request(path, Request.Builder::get);
    }
}
