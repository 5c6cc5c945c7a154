package org.gongkai.server.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import okhttp3.Response;
import org.gongkai.server.App;
import org.gongkai.server.TestAccounts;
import org.gongkai.server.TestEnv;
import org.gongkai.server.access.AccessControl;
import org.gongkai.server.audit.SecurityAudit;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.auth.SecuritySettings;
import java.util.HashMap;
import java.util.Map;
import org.gongkai.server.http.ErrorMapping;
import org.gongkai.spi.Attribute;
import org.gongkai.spi.Category;
import org.gongkai.spi.Route;
import org.gongkai.spi.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review-queue endpoints over HTTP (shared/CONTRACT.md, "Review queue API") on a real H2 database. */
class QueueApiTest {
    private static final ObjectMapper JSON = App.objectMapper();
    private static final String ADMIN_TOKEN = TestAccounts.ADMIN_TOKEN;
    private final Map<String, String> tokens = new HashMap<>();

    @TempDir
    Path dir;

    /** The queue routes behind the real access guard, with accounts for the reviewers of these tests. */
    private Javalin app(QueueFixture fx) {
        Javalin app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.jsonMapper(new JavalinJackson(JSON, false));
        });
        ErrorMapping.install(app);
        AccessControl ac = AccessControl.create(fx.db, new SecurityAudit(fx.db, fx.clock), fx.clock, SecuritySettings.defaults(), ADMIN_TOKEN,
                fx.review.config().approverStages(), TestEnv.root().resolve("config"), JSON);
        ac.install(app);
        fx.review.controller(JSON).routes(app);
        tokens.put("li.wei", TestAccounts.token(ac, "li.wei", "保密办", Actor.Role.SECRECY_REVIEWER));
        tokens.put("zhao.min", TestAccounts.token(ac, "zhao.min", "保密办", Actor.Role.SECRECY_REVIEWER));
        tokens.put("wang.fang", TestAccounts.token(ac, "wang.fang", "办公室", Actor.Role.DOCUMENT_OFFICE));
        return app;
    }

    /** A request as {@code user} (a bearer token of their account), or anonymous when null. */
    private Response as(HttpClient c, String user, String method, String path, String body) {
        return c.request(path, b -> {
            if (user != null) {
                b.header("Authorization", "Bearer " + tokens.get(user));
            }
            if (method.equals("POST")) {
                b.post(okhttp3.RequestBody.create(body == null ? "" : body, okhttp3.MediaType.get("application/json")));
            }
        });
    }

    private static JsonNode json(Response r) throws IOException {
        return JSON.readTree(r.body().string());
    }

    private static void assertError(Response r, int status, String code) throws IOException {
        String body = r.body().string();
        assertEquals(status, r.code(), body);
        JsonNode e = JSON.readTree(body).get("error");
        assertEquals(code, e.get("code").asText(), body);
        assertTrue(e.get("message").asText().contains(" / "), "Chinese and English: " + body);
    }

    @Test
    void queues_items_claim_decide_and_history_over_http() throws Exception {
        try (QueueFixture fx = QueueFixture.open("h2", dir)) {
            String id = fx.document("关于公开征求意见的公告", "司法局", Attribute.PUBLIC, Route.SECRECY_REVIEW,
                    List.of(QueueFixture.finding(Category.SECRET_CONTENT, Severity.HIGH, "内部")));
            String findingId = fx.db.jdbi().withExtension(org.gongkai.server.document.FindingDao.class, d -> d.forDocument(id)).get(0).id();
            JavalinTest.test(app(fx), (server, c) -> {
                JsonNode queues = json(as(c, "li.wei", "GET", "/api/v1/queues", null));
                assertEquals("SECRECY_REVIEW", queues.get(0).get("name").asText());
                assertEquals(1, queues.get(0).get("open").asInt());
                assertEquals(0, queues.get(0).get("overdue").asInt());

                JsonNode items = json(as(c, "li.wei", "GET", "/api/v1/queues/SECRECY_REVIEW/items", null));
                JsonNode item = items.get(0);
                assertEquals(id, item.get("documentId").asText());
                assertEquals("关于公开征求意见的公告", item.get("title").asText());
                assertEquals("司法局", item.get("department").asText());
                assertEquals("HIGH", item.get("worstSeverity").asText());
                assertEquals("2025-01-26", item.get("deadline").asText());
                assertEquals(5, item.get("workingDaysLeft").asInt());
                assertTrue(item.has("ageWorkingDays") && item.has("claimant") && item.has("version"));

                Response claimed = as(c, "li.wei", "POST", "/api/v1/queues/SECRECY_REVIEW/claim", null);
                assertEquals(200, claimed.code());
                JsonNode mine = json(claimed);
                assertEquals("li.wei", mine.get("claimant").asText());
                int version = mine.get("version").asInt();
                assertEquals(204, as(c, "zhao.min", "POST", "/api/v1/queues/SECRECY_REVIEW/claim", null).code());
                assertEquals(200, as(c, "li.wei", "POST", "/api/v1/queues/SECRECY_REVIEW/items/" + id + "/renew", null).code());

                String decision = "{\"action\":\"APPROVE\",\"comment\":\"经审查不涉密\",\"version\":" + version
                        + ",\"findings\":[{\"id\":\"" + findingId + "\",\"verdict\":\"DISMISSED\",\"reason\":\"公开征求意见稿，不涉密\"}]}";
                assertError(as(c, "zhao.min", "POST", "/api/v1/documents/" + id + "/decisions", decision), 409, "CLAIMED_BY_OTHER");
                Response ok = as(c, "li.wei", "POST", "/api/v1/documents/" + id + "/decisions", decision);
                assertEquals(200, ok.code());
                JsonNode state = json(ok);
                assertEquals("PUBLICATION_REVIEW", state.get("queue").asText());
                assertEquals("HANDLER", state.get("stage").asText());
                assertError(as(c, "li.wei", "POST", "/api/v1/documents/" + id + "/decisions", decision), 409, "STALE_VERSION");

                JsonNode review = json(as(c, "li.wei", "GET", "/api/v1/documents/" + id + "/review", null));
                assertEquals(state.get("version").asInt(), review.get("version").asInt());
                JsonNode digest = json(as(c, "li.wei", "GET", "/api/v1/queues/SECRECY_REVIEW/digest?date=2025-01-20", null));
                assertEquals(1, digest.get("decisions").get("APPROVE").asInt());
                JsonNode sugg = json(as(c, "li.wei", "GET", "/api/v1/dictionaries/suggestions", null));
                assertEquals("内部", sugg.get("suggestions").get(0).get("text").asText());

                assertError(as(c, "li.wei", "GET", "/api/v1/statistics?from=2025-01-01&to=2025-12-31&format=csv", null), 403, "FORBIDDEN");
                Response csv = as(c, "wang.fang", "GET", "/api/v1/statistics?from=2025-01-01&to=2025-12-31&format=csv", null);
                assertEquals(200, csv.code());
                assertTrue(csv.header("Content-Type").startsWith("text/csv"));
                assertTrue(csv.body().string().contains("route,SECRECY_REVIEW,保密审查,1"));
                JsonNode stats = json(as(c, "wang.fang", "GET", "/api/v1/statistics?from=2025-01-01&to=2025-12-31&department=司法局", null));
                assertEquals(1, stats.get("documents").asInt());

                // a document with secret content is 重要信息: policy never lets it be approved in bulk (queues.properties bulkApprove)
                assertTrue(review.get("important").asBoolean());
                JsonNode bulk = json(as(c, "wang.fang", "POST", "/api/v1/decisions/bulk",
                        "{\"decisions\":[{\"documentId\":\"" + id + "\",\"action\":\"APPROVE\",\"version\":" + review.get("version").asInt() + "}]}"));
                assertEquals(403, bulk.get("results").get(0).get("status").asInt());
                assertEquals("BULK_NOT_ALLOWED", bulk.get("results").get(0).get("error").get("code").asText());
                Response single = as(c, "wang.fang", "POST", "/api/v1/documents/" + id + "/decisions",
                        "{\"action\":\"APPROVE\",\"version\":" + review.get("version").asInt() + "}");
                assertEquals(200, single.code(), "decided on its own, the same approval passes");
                assertEquals("SECTION_HEAD", json(single).get("stage").asText());
            });
        }
    }

    @Test
    void client_mistakes_are_4xx_with_bilingual_errors_never_500() throws Exception {
        try (QueueFixture fx = QueueFixture.open("h2", dir)) {
            String id = fx.clean("通知");
            JavalinTest.test(app(fx), (server, c) -> {
                String decisions = "/api/v1/documents/" + id + "/decisions";
                assertError(as(c, null, "GET", "/api/v1/queues", null), 401, "UNAUTHORIZED");
                assertError(c.request("/api/v1/queues", b -> b.header("X-Gongkai-User", "li.wei").header("X-Gongkai-Role", "SECRECY_REVIEWER")),
                        401, "UNAUTHORIZED");
                assertError(as(c, "li.wei", "GET", "/api/v1/queues/NOPE/items", null), 404, "NOT_FOUND");
                assertError(as(c, "li.wei", "POST", "/api/v1/queues/NOPE/claim", null), 404, "NOT_FOUND");
                assertError(as(c, "wang.fang", "POST", decisions, "{not json"), 400, "BAD_JSON");
                assertError(as(c, "wang.fang", "POST", decisions, ""), 400, "BAD_JSON");
                assertError(as(c, "wang.fang", "POST", decisions, "{\"action\":\"APPROVE\",\"version\":\"x\"}"), 400, "BAD_JSON");
                assertError(as(c, "wang.fang", "POST", decisions, "{\"action\":\"PUBLISH\",\"version\":0}"), 400, "BAD_ACTION");
                assertError(as(c, "wang.fang", "POST", decisions, "{\"action\":\"RETURN\",\"version\":0}"), 400, "COMMENT_REQUIRED");
                assertError(as(c, "wang.fang", "POST", decisions, "[]"), 400, "BAD_JSON");
                assertError(as(c, "wang.fang", "POST", "/api/v1/documents/nope/decisions", "{\"action\":\"APPROVE\",\"version\":0}"), 404, "NOT_FOUND");
                assertError(as(c, "wang.fang", "POST", "/api/v1/decisions/bulk", "{\"decisions\":[]}"), 400, "BAD_BULK");
                assertError(as(c, "wang.fang", "GET", "/api/v1/statistics?from=2025-13-01", null), 400, "BAD_DATE");
                assertError(as(c, "wang.fang", "GET", "/api/v1/statistics?format=xml", null), 400, "BAD_FORMAT");
                // the system administrator manages accounts, never documents (三员分立)
                assertError(c.request("/api/v1/queues", b -> b.header("Authorization", "Bearer " + ADMIN_TOKEN)), 403, "FORBIDDEN");
                assertError(c.request("/api/v1/queues", b -> b.header("Authorization", "Bearer wrong")), 401, "INVALID_TOKEN");
            });
        }
    }
}
