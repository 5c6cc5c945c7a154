package org.gongkai.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.gongkai.server.App;
import org.gongkai.server.TestAccounts;
import org.gongkai.server.TestEnv;
import org.gongkai.server.auth.Actor.Role;
import org.gongkai.server.document.DocumentApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks every route the server registers × every kind of caller (anonymous, forged identity headers, each role,
 * a drafter of another department, the bootstrap administrator token) and asserts the role × endpoint matrix
 * below. A route added without an entry here fails this test, so no endpoint ships undeclared; a route whose
 * declaration differs from the matrix fails too.
 */
class AccessMatrixTest {
    private static final Set<Role> ALL = EnumSet.of(Role.DRAFTER, Role.DOCUMENT_OFFICE, Role.SECRECY_REVIEWER, Role.APPROVER, Role.AUDITOR,
            Role.SECURITY_ADMIN, Role.SYSTEM_ADMIN);
    private static final Set<Role> READERS = EnumSet.of(Role.DRAFTER, Role.DOCUMENT_OFFICE, Role.SECRECY_REVIEWER, Role.APPROVER);
    /** Who may call each route; null = public (no sign-in). */
    private static final Map<String, Set<Role>> MATRIX = new TreeMap<>();

    static {
        for (String r : List.of("GET /api/v1/health", "GET /login", "POST /login", "POST /logout", "POST /api/v1/auth/token")) {
            MATRIX.put(r, null);
        }
        for (String r : List.of("GET /password", "POST /password", "GET /api/v1/auth/tokens", "DELETE /api/v1/auth/tokens/{id}", "GET /api/v1/me",
                "POST /api/v1/me/password", "GET /api/v1/users/{id}", "GET /api/v1/departments", "GET /api/v1/approval-stages",
                "GET /api/v1/plugins", "GET /api/v1/dictionaries")) {
            MATRIX.put(r, ALL);
        }
        MATRIX.put("POST /api/v1/users", EnumSet.of(Role.SYSTEM_ADMIN));
        MATRIX.put("GET /api/v1/users", EnumSet.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN));
        MATRIX.put("PATCH /api/v1/users/{id}", EnumSet.of(Role.SYSTEM_ADMIN));
        MATRIX.put("PUT /api/v1/users/{id}/roles", EnumSet.of(Role.SECURITY_ADMIN));
        MATRIX.put("POST /api/v1/departments", EnumSet.of(Role.SYSTEM_ADMIN));
        MATRIX.put("GET /api/v1/audit/security", EnumSet.of(Role.AUDITOR, Role.SECURITY_ADMIN));
        MATRIX.put("POST /api/v1/documents", EnumSet.of(Role.DRAFTER, Role.DOCUMENT_OFFICE));
        for (String r : List.of("GET /api/v1/documents/{id}", "GET /api/v1/documents/{id}/history", "GET /api/v1/documents/{id}/return-notice",
                "GET /api/v1/documents/{id}/redacted", "GET /api/v1/documents/{id}/review", "GET /api/v1/documents/{id}/redactions",
                "GET /api/v1/search", "GET /api/v1/queues", "GET /api/v1/queues/{name}/items", "POST /api/v1/queues/{name}/claim",
                "POST /api/v1/queues/{name}/items/{id}/renew", "GET /api/v1/queues/{name}/digest", "POST /api/v1/documents/{id}/decisions",
                "POST /api/v1/decisions/bulk")) {
            MATRIX.put(r, READERS);
        }
        MATRIX.put("GET /api/v1/metrics", EnumSet.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN));
        // the review page (issue 11): text view, original, PDF page images and boxes; the redaction preview for deciders
        for (String r : List.of("GET /api/v1/documents/{id}/text", "GET /api/v1/documents/{id}/original", "GET /api/v1/documents/{id}/pages/{n}",
                "GET /api/v1/documents/{id}/pages/{n}/boxes", "POST /api/v1/documents/{id}/redaction-preview")) {
            MATRIX.put(r, READERS);
        }
        MATRIX.put("GET /api/v1/statistics", EnumSet.of(Role.DOCUMENT_OFFICE));
        // the workbench (issue 11): page shells are public (they hold no data and send a stranger to sign in)
        for (String page : List.of("/", "/upload", "/documents/{id}", "/queues", "/queues/{name}", "/review/{id}", "/search", "/office/returned",
                "/register", "/statistics", "/dictionaries", "/admin/users", "/admin/audit", "/admin/system")) {
            MATRIX.put("GET " + page, null);
        }
        MATRIX.put("GET /api/v1/work", ALL);
        MATRIX.put("GET /api/v1/people", ALL);
        MATRIX.put("GET /api/v1/documents", READERS);
        MATRIX.put("GET /api/v1/documents/{id}/decisions", READERS);
        MATRIX.put("GET /api/v1/register", EnumSet.of(Role.DOCUMENT_OFFICE));
        MATRIX.put("GET /api/v1/statistics/annual", EnumSet.of(Role.DOCUMENT_OFFICE));
        MATRIX.put("GET /api/v1/lists", EnumSet.of(Role.DOCUMENT_OFFICE, Role.SECRECY_REVIEWER));
        MATRIX.put("GET /api/v1/lists/{kind}/{file}", EnumSet.of(Role.DOCUMENT_OFFICE, Role.SECRECY_REVIEWER));
        MATRIX.put("GET /api/v1/lists/{kind}/{file}/history", EnumSet.of(Role.DOCUMENT_OFFICE, Role.SECRECY_REVIEWER));
        MATRIX.put("PUT /api/v1/lists/{kind}/{file}", EnumSet.of(Role.DOCUMENT_OFFICE));
        MATRIX.put("GET /api/v1/dictionaries/suggestions", EnumSet.of(Role.DOCUMENT_OFFICE, Role.SECRECY_REVIEWER));
    }

    @TempDir
    Path data;

    @Test
    void every_registered_route_admits_exactly_the_roles_of_the_matrix() throws Exception {
        try (App app = App.create(TestAccounts.config(data)).startProcessing()) {
            Map<String, Set<Role>> declared = new TreeMap<>();
            for (RouteTable.Route r : app.routes()) {
                Set<Role> roles = r.access().contains(RouteAccess.PUBLIC) ? null
                        : r.access().contains(RouteAccess.SIGNED_IN) ? ALL : RouteAccess.roles(r.access());
                declared.put(r.method() + " " + r.path(), roles);
            }
            assertEquals(new TreeSet<>(MATRIX.keySet()), new TreeSet<>(declared.keySet()), "every route is in the matrix and the matrix has no stale entry");
            for (var e : MATRIX.entrySet()) {
                assertEquals(e.getValue(), declared.get(e.getKey()), e.getKey());
            }
            walk(app.javalin());
        }
    }

    private void walk(Javalin javalin) {
        TestAccounts.Caller none = new TestAccounts.Caller();
        JavalinTest.test(javalin, none.config(), (server, c) -> {
            Map<String, String> tokens = new LinkedHashMap<>();
            tokens.put("DRAFTER", TestAccounts.token(c, "m.drafter", "财政局", Role.DRAFTER));
            tokens.put("DOCUMENT_OFFICE", TestAccounts.token(c, "m.office", "政府办公室", Role.DOCUMENT_OFFICE));
            tokens.put("SECRECY_REVIEWER", TestAccounts.token(c, "m.secrecy", "保密办", Role.SECRECY_REVIEWER));
            tokens.put("APPROVER", TestAccounts.token(c, "m.approver", "财政局", Role.APPROVER));
            tokens.put("AUDITOR", TestAccounts.token(c, "m.auditor", "信息中心", Role.AUDITOR));
            tokens.put("SECURITY_ADMIN", TestAccounts.token(c, "m.security", "信息中心", Role.SECURITY_ADMIN));
            tokens.put("SYSTEM_ADMIN", TestAccounts.token(c, "m.sysadmin", "信息中心", Role.SYSTEM_ADMIN));
            String otherDrafter = TestAccounts.token(c, "m.other", "教育局", Role.DRAFTER);

            Response up = DocumentApiTest.upload(c, tokens.get("DRAFTER"), "penalty.docx",
                    Files.readAllBytes(TestEnv.fixtures().resolve("labelled").resolve("penalty-decision-01.docx")));
            String doc = TestAccounts.read(up).get("id").asText();
            DocumentApiTest.awaitChecked(c, tokens.get("DRAFTER"), doc);

            List<String> failures = new ArrayList<>();
            for (var e : MATRIX.entrySet()) {
                String method = e.getKey().split(" ")[0];
                String path = e.getKey().split(" ")[1].replace("{id}", e.getKey().contains("/users/") ? "m.drafter"
                        : e.getKey().contains("/tokens/") ? "00000000-0000-0000-0000-000000000000" : doc).replace("{name}", "DISCLOSURE_REVIEW")
                        .replace("{n}", "1").replace("{kind}", "dictionary").replace("{file}", "stability.txt");
                if (e.getKey().equals("GET /api/v1/search")) {
                    path += "?q=处罚";
                }
                if (e.getValue() == null) {
                    Response r = call(c, method, path, b -> { });
                    expect(r.code() != 401 && r.code() != 403 && r.code() < 500, failures, e.getKey() + " anonymous → " + r.code());
                    continue;
                }
                denied(call(c, method, path, b -> { }), 401, failures, e.getKey() + " anonymous");
                denied(call(c, method, path, b -> b.header("X-Gongkai-User", "li.wei").header("X-Gongkai-Role", "SECRECY_REVIEWER")), 401, failures,
                        e.getKey() + " forged headers");
                denied(call(c, method, path, b -> b.header("Authorization", "Bearer gk_forged")), 401, failures, e.getKey() + " forged token");
                for (var t : tokens.entrySet()) {
                    Role role = Role.valueOf(t.getKey());
                    Response r = call(c, method, path, TestAccounts.bearer(t.getValue()));
                    if (e.getValue().contains(role)) {
                        String body = r.body().string();
                        boolean routeRefused = r.code() == 401 || (r.code() == 403 && body.contains("\"FORBIDDEN\""));
                        expect(!routeRefused && r.code() < 500, failures, e.getKey() + " as " + role + " → " + r.code() + " " + cut(body));
                    } else {
                        denied(r, 403, failures, e.getKey() + " as " + role);
                    }
                }
                Response admin = call(c, method, path, TestAccounts.bearer(TestAccounts.ADMIN_TOKEN));
                if (e.getValue().contains(Role.SYSTEM_ADMIN)) {
                    expect(admin.code() != 401 && admin.code() < 500, failures, e.getKey() + " admin token → " + admin.code());
                } else {
                    denied(admin, 403, failures, e.getKey() + " admin token");
                }
            }
            assertTrue(failures.isEmpty(), failures.size() + " cells of the matrix wrong:\n" + String.join("\n", failures));

            // another department's drafter: the document does not exist for them, and search finds nothing
            for (String p : List.of("", "/history", "/return-notice", "/redacted", "/review", "/redactions", "/text", "/original", "/pages/1",
                    "/pages/1/boxes")) {
                Response r = c.request("/api/v1/documents/" + doc + p, TestAccounts.bearer(otherDrafter));
                assertEquals(404, r.code(), "other department: " + p);
                assertFalse(r.body().string().contains("penalty"), "no data for another department: " + p);
            }
            JsonNode mine = TestAccounts.read(c.request("/api/v1/search?q=处罚决定书", TestAccounts.bearer(tokens.get("DRAFTER"))));
            assertTrue(mine.get("hits").size() >= 1, mine.toString());
            JsonNode theirs = TestAccounts.read(c.request("/api/v1/search?q=处罚决定书", TestAccounts.bearer(otherDrafter)));
            assertEquals(0, theirs.get("hits").size(), "another department finds nothing: " + theirs);
        });
    }

    private static Response call(HttpClient c, String method, String path, Consumer<Request.Builder> auth) {
        return c.request(path, b -> {
            auth.accept(b);
            RequestBody body = RequestBody.create("{}", MediaType.get("application/json"));
            switch (method) {
                case "POST" -> b.post(body);
                case "PUT" -> b.put(body);
                case "PATCH" -> b.patch(body);
                case "DELETE" -> b.delete();
                default -> b.get();
            }
        });
    }

    /** A refusal carries the contract's error and no data. */
    private static void denied(Response r, int status, List<String> failures, String what) throws Exception {
        String body = r.body().string();
        if (r.code() != status) {
            failures.add(what + " → " + r.code() + " (expected " + status + ") " + cut(body));
            return;
        }
        JsonNode n = App.objectMapper().readTree(body);
        JsonNode e = n.get("error");
        if (e == null || n.size() != 1) {
            failures.add(what + " → refusal carries more than the error: " + cut(body));
        } else if (status == 403) {
            assertNotNull(e.get("code"));
            if (!e.get("code").asText().equals("FORBIDDEN")) {
                failures.add(what + " → 403 " + e.get("code").asText() + " (expected the route-level FORBIDDEN)");
            }
        }
    }

    private static void expect(boolean ok, List<String> failures, String what) {
        if (!ok) {
            failures.add(what);
        }
    }

    private static String cut(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    static Set<String> names(Set<Role> roles) {
        return roles.stream().map(Enum::name).collect(Collectors.toSet());
    }
}
