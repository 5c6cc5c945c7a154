package org.gongkai.server.processing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gongkai.server.ServerProcess;
import org.gongkai.server.TestAccounts;
import org.gongkai.server.TestEnv;
import org.gongkai.server.auth.Actor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two whole servers (separate JVMs) on one PostgreSQL database, as an office runs them behind a load
 * balancer: uploads split across both are each checked exactly once; every original, report, return notice
 * and redacted copy is served by both; each server's search finds every document within 5 s; claims are
 * never shared; and when one server is killed with SIGKILL mid-load, the other finishes its work from the
 * shared database and storage. Skipped without {@code GONGKAI_TEST_PG_URL}; uses a schema of its own.
 */
class TwoServersPostgresTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = "gongkai_two_servers";
    private static final int UPLOADS = 200;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private ServerProcess accounts;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void two_servers_share_documents_originals_search_and_claims_and_one_finishes_the_others_work() throws Exception {
        String base = TestEnv.postgresUrl();
        Assumptions.assumeTrue(base != null, "GONGKAI_TEST_PG_URL not set: PostgreSQL tests skipped (CI sets it)");
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            s.execute("CREATE SCHEMA " + SCHEMA);
        }
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
        Map<String, String> env = Map.of("GONGKAI_DB_URL", url, "GONGKAI_WORKERS", "1", "GONGKAI_ADMIN_TOKEN", TestAccounts.ADMIN_TOKEN);
        ServerProcess a = ServerProcess.start(dir.resolve("a"), env);
        accounts = a; // accounts and tokens live in the shared database: made on one server, valid on both
        try (ServerProcess b = ServerProcess.start(dir.resolve("b"), env)) {
            List<ServerProcess> both = List.of(a, b);
            Map<String, byte[]> sent = new ConcurrentHashMap<>();
            List<String> ids = uploadSplit(both, sent);

            for (int i = 0; i < ids.size(); i++) {
                JsonNode rep = awaitChecked(both.get((i + 1) % 2), ids.get(i)); // asked on the server that did not receive it
                assertNotEquals("MANUAL_REVIEW", rep.get("route").asText(), "the original must be readable on either server: " + rep);
            }
            assertCheckedExactlyOnce(url, ids);
            for (ServerProcess s : both) {
                for (int i = 0; i < ids.size(); i++) {
                    String id = ids.get(i);
                    HttpResponse<byte[]> orig = send(s, "/api/v1/documents/" + id + "/original", null);
                    assertEquals(200, orig.statusCode());
                    assertArrayEquals(sent.get(id), orig.body(), "original of " + id + " as uploaded");
                    JsonNode rep = json(send(s, "/api/v1/documents/" + id, null));
                    if (i % 2 == 0) {
                        assertEquals("RETURNED", rep.get("route").asText(), rep.toString());
                        assertEquals(200, send(s, "/api/v1/documents/" + id + "/return-notice", null).statusCode());
                    }
                }
            }
            assertRedactedCopyOnBoth(both, ids.get(1));
            assertSearchFindsAllOnEach(both, ids);
            assertClaimsNeverShared(both);

            List<String> late = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                late.add(upload(a, "late-" + i + ".txt", draft(UPLOADS + i, true), sent));
            }
            a.kill();
            for (String id : late) {
                JsonNode rep = awaitChecked(b, id);
                assertNotEquals("MANUAL_REVIEW", rep.get("route").asText(), "checked by the survivor from shared storage: " + rep);
            }
            assertCheckedExactlyOnce(url, late);
        } finally {
            a.close();
        }
    }

    private List<String> uploadSplit(List<ServerProcess> both, Map<String, byte[]> sent) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < UPLOADS; i++) {
                int n = i;
                futures.add(clients.submit(() -> upload(both.get(n % 2), "draft-" + n + ".txt", draft(n, n % 2 == 1), sent)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : futures) {
                ids.add(f.get());
            }
            return ids;
        } finally {
            clients.shutdown();
        }
    }

    /** A distinct draft with a search marker; annotated ones carry an ID number (→ DISCLOSURE_REVIEW), the others are RETURNED. */
    static byte[] draft(int n, boolean annotated) {
        String text = "江北县财政局\n关于第" + n + "批资金安排的通知\n各乡镇人民政府：\n现将批次编号 ZK" + n + "Q 的资金安排通知如下。\n"
                + (annotated ? "申请人身份证号码500105195803124428。\n" : "") + "江北县财政局\n2022年6月15日\n" + (annotated ? "（此件主动公开）\n" : "");
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void assertCheckedExactlyOnce(String url, List<String> ids) throws Exception {
        Set<String> once = new HashSet<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT document_id, COUNT(*) FROM event WHERE action = 'CHECKED' GROUP BY document_id")) {
            while (rs.next()) {
                assertEquals(1, rs.getInt(2), "document " + rs.getString(1) + " checked more than once");
                once.add(rs.getString(1));
            }
        }
        assertTrue(once.containsAll(ids), "every document CHECKED exactly once");
    }

    private void assertRedactedCopyOnBoth(List<ServerProcess> both, String id) throws Exception {
        JsonNode rep = json(send(both.get(0), "/api/v1/documents/" + id, null));
        assertEquals("DISCLOSURE_REVIEW", rep.get("route").asText(), rep.toString());
        List<Map<String, String>> verdicts = new ArrayList<>();
        for (JsonNode f : rep.get("findings")) {
            if (f.get("category").asText().equals("ID_NUMBER")) {
                verdicts.add(Map.of("id", f.get("id").asText(), "verdict", "CONFIRMED"));
            }
        }
        JsonNode item = json(send(both.get(0), "/api/v1/documents/" + id + "/review", null));
        String body = JSON.writeValueAsString(Map.of("action", "REDACT", "comment", "身份证号不予公开", "version", item.get("version").asInt(),
                "findings", verdicts));
        assertEquals(200, send(both.get(0), "/api/v1/documents/" + id + "/decisions", body).statusCode());
        for (ServerProcess s : both) {
            HttpResponse<byte[]> docx = send(s, "/api/v1/documents/" + id + "/redacted?format=docx", null);
            assertEquals(200, docx.statusCode(), new String(docx.body(), StandardCharsets.UTF_8));
            assertTrue(docx.body().length > 1000);
        }
        // the redaction reaches every server's index: the withheld ID number no longer finds the document
        String q = URLEncoder.encode("ZK1Q 500105195803124428", StandardCharsets.UTF_8);
        for (ServerProcess s : both) {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (json(send(s, "/api/v1/search?q=" + q, null)).get("hits").size() > 0) {
                assertTrue(System.nanoTime() < deadline, "the redacted text is still searchable on " + s.url(""));
                Thread.sleep(100);
            }
        }
    }

    private void assertSearchFindsAllOnEach(List<ServerProcess> both, List<String> ids) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        for (ServerProcess s : both) {
            for (int i = 0; i < ids.size(); i++) {
                String q = URLEncoder.encode("ZK" + i + "Q", StandardCharsets.UTF_8);
                while (true) {
                    JsonNode hits = json(send(s, "/api/v1/search?q=" + q, null)).get("hits");
                    boolean found = false;
                    for (JsonNode h : hits) {
                        found |= h.get("id").asText().equals(ids.get(i));
                    }
                    if (found) {
                        break;
                    }
                    assertTrue(System.nanoTime() < deadline, "search on " + s.url("") + " did not find document " + i + " within 5 s");
                    Thread.sleep(100);
                }
            }
        }
    }

    private void assertClaimsNeverShared(List<ServerProcess> both) throws Exception {
        ExecutorService reviewers = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<String>>> got = new ArrayList<>();
            for (int r = 0; r < 6; r++) {
                ServerProcess s = both.get(r % 2);
                String user = "reviewer" + r;
                got.add(reviewers.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    for (int k = 0; k < 200; k++) {
                        HttpResponse<byte[]> c = send(s, "/api/v1/queues/DISCLOSURE_REVIEW/claim", "", user);
                        if (c.statusCode() == 204) {
                            break;
                        }
                        assertEquals(200, c.statusCode(), new String(c.body(), StandardCharsets.UTF_8));
                        mine.add(JSON.readTree(c.body()).get("documentId").asText());
                    }
                    return mine;
                }));
            }
            Set<String> all = new HashSet<>();
            int total = 0;
            for (Future<List<String>> f : got) {
                List<String> mine = f.get();
                total += mine.size();
                all.addAll(mine);
            }
            assertTrue(total >= UPLOADS / 2 - 1, "the open DISCLOSURE_REVIEW items were claimed: " + total);
            assertEquals(total, all.size(), "no item was handed to two reviewers");
        } finally {
            reviewers.shutdown();
        }
    }

    private JsonNode awaitChecked(ServerProcess s, String id) throws Exception {
        for (int i = 0; i < 12; i++) {
            long t0 = System.nanoTime();
            JsonNode rep = json(send(s, "/api/v1/documents/" + id + "?wait=30", null));
            if ("CHECKED".equals(rep.get("status").asText())) {
                // a waiter is told through the change log when either server checks the document, not at its deadline
                if (System.nanoTime() - t0 > 1e9) {
                    java.time.Duration late = java.time.Duration.between(java.time.OffsetDateTime.parse(rep.get("checkedAt").asText()),
                            java.time.OffsetDateTime.now());
                    assertTrue(late.toMillis() < 5000, "?wait answered " + late + " after " + id + " was checked");
                }
                return rep;
            }
        }
        throw new AssertionError(id + " not CHECKED within 6 minutes; log: " + s.logTail());
    }

    private String upload(ServerProcess s, String name, byte[] content, Map<String, byte[]> sent) throws Exception {
        String boundary = "gk2s" + name.hashCode();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        b.write(content);
        b.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> r = http.send(identify(HttpRequest.newBuilder(URI.create(s.url("/api/v1/documents"))), "drafter")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(b.toByteArray())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(202, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        String id = JSON.readTree(r.body()).get("id").asText();
        sent.put(id, content);
        return id;
    }

    /** Reads as the drafter whose department uploaded everything; decides (a JSON body) as a secrecy reviewer. */
    private HttpResponse<byte[]> send(ServerProcess s, String path, String jsonBody) throws Exception {
        return send(s, path, jsonBody, jsonBody == null ? "drafter" : "reviewer");
    }

    /** Every request but the upload's goes through here (GET, or POST with a JSON body). */
    private HttpResponse<byte[]> send(ServerProcess s, String path, String jsonBody, String user) throws Exception {
        HttpRequest.Builder b = identify(HttpRequest.newBuilder(URI.create(s.url(path))).timeout(Duration.ofSeconds(60)), user);
        if (jsonBody != null) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The caller's identity: a bearer token of the account {@code user} (the drafter, or a secrecy reviewer), made once. */
    private HttpRequest.Builder identify(HttpRequest.Builder b, String user) {
        String token = tokens.computeIfAbsent(user, u -> u.equals("drafter")
                ? TestAccounts.token(http, accounts.url(""), "two.drafter", "县政府办公室", Actor.Role.DRAFTER)
                : TestAccounts.token(http, accounts.url(""), "two." + u, "县保密办", Actor.Role.SECRECY_REVIEWER));
        return b.header("Authorization", "Bearer " + token);
    }

    private static JsonNode json(HttpResponse<byte[]> r) throws Exception {
        String s = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(r.statusCode() < 300, r.statusCode() + " " + s);
        return JSON.readTree(s);
    }
}
