package org.gongkai.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.gongkai.server.App;
import org.gongkai.server.TestAccounts;
import org.gongkai.server.config.ServerConfig;
import org.gongkai.server.document.DocumentApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign-in end to end against a running server: the browser form and its cookie, CSRF, sign-out, forced change of
 * an initial password, lock-out after repeated failures, token expiry and revocation, session idle time-out,
 * case-insensitive usernames with Chinese display names, and the headers every response carries.
 */
class SignInTest {
    private final TestAccounts.Caller anonymous = new TestAccounts.Caller();

    @TempDir
    Path data;

    private App app(ServerConfig cfg) {
        return App.create(cfg).startProcessing();
    }

    private static Response form(HttpClient c, String path, Map<String, String> fields, String cookie, String origin) {
        FormBody.Builder f = new FormBody.Builder(StandardCharsets.UTF_8);
        fields.forEach(f::add);
        return c.request(path, b -> {
            if (cookie != null) {
                b.header("Cookie", cookie);
            }
            if (origin != null) {
                b.header("Origin", origin);
            }
            b.post(f.build());
        });
    }

    private static String sessionCookie(Response r) {
        for (String h : r.headers("Set-Cookie")) {
            if (h.startsWith(org.gongkai.server.access.AccessGuard.SESSION_COOKIE + "=") && !h.startsWith("gk_session=;")) {
                return h;
            }
        }
        return null;
    }

    private static String pair(String setCookie) {
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static Response get(HttpClient c, String path, String cookie) {
        return c.request(path, b -> b.header("Cookie", cookie));
    }

    private static void create(HttpClient c, String username, String name, String... roles) throws Exception {
        Response r = c.request("/api/v1/users", TestAccounts.bearer(TestAccounts.ADMIN_TOKEN).andThen(b -> b.post(TestAccounts.json(Map.of(
                "username", username, "displayName", name, "password", TestAccounts.PASSWORD, "department", "财政局", "roles", List.of(roles))))));
        assertEquals(201, r.code(), r.body().string());
    }

    @Test
    void browser_signs_in_gets_an_httponly_samesite_cookie_changes_the_initial_password_and_signs_out() throws Exception {
        try (App app = app(TestAccounts.config(data))) {
            JavalinTest.test(app.javalin(), anonymous.config(), (server, c) -> {
                create(c, "Ke.Zhang", "张珂", "DRAFTER");
                assertEquals(409, c.request("/api/v1/users", TestAccounts.bearer(TestAccounts.ADMIN_TOKEN).andThen(b -> b.post(TestAccounts.json(Map.of(
                        "username", "KE.ZHANG", "displayName", "又一个", "password", TestAccounts.PASSWORD, "roles", List.of("DRAFTER")))))).code(),
                        "usernames compare case-insensitively");

                Response page = c.get("/login");
                assertEquals(200, page.code());
                assertTrue(page.body().string().contains("name=\"username\""));
                Response in = form(c, "/login", Map.of("username", "ke.zhang", "password", TestAccounts.PASSWORD), null, null);
                assertEquals(303, in.code(), in.code() == 303 ? "" : in.body().string());
                assertEquals("/password", in.header("Location"), "an initial password must be changed first");
                String setCookie = sessionCookie(in);
                assertNotNull(setCookie, in.headers().toString());
                assertTrue(setCookie.contains("HttpOnly"), setCookie);
                assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
                String cookie = pair(setCookie);

                JsonNode me = TestAccounts.read(get(c, "/api/v1/me", cookie));
                assertEquals("ke.zhang", me.get("id").asText());
                assertEquals("张珂", me.get("displayName").asText());
                assertTrue(me.get("mustChangePassword").asBoolean());
                String csrf = me.get("csrfToken").asText();
                assertEquals(403, get(c, "/api/v1/search?q=x", cookie).code(), "held at the password change page");

                // CSRF: a write with the cookie alone, or from another site, is refused; with the token it goes through
                assertEquals(403, form(c, "/password", Map.of("current", TestAccounts.PASSWORD, "next", "Neu#Passwort2027", "confirm",
                        "Neu#Passwort2027"), cookie, null).code(), "no CSRF token, no Origin");
                assertEquals(403, form(c, "/password", Map.of("current", TestAccounts.PASSWORD, "next", "Neu#Passwort2027", "confirm",
                        "Neu#Passwort2027", "_csrf", csrf), cookie, "https://evil.example").code(), "another site's form");
                Response weak = form(c, "/password", Map.of("current", TestAccounts.PASSWORD, "next", "password", "confirm", "password", "_csrf", csrf),
                        cookie, null);
                assertEquals(400, weak.code(), "the policy applies to the new password");
                Response changed = form(c, "/password", Map.of("current", TestAccounts.PASSWORD, "next", "Neu#Passwort2027", "confirm",
                        "Neu#Passwort2027", "_csrf", csrf), cookie, null);
                assertEquals(303, changed.code());
                assertEquals(200, get(c, "/api/v1/search?q=x", cookie).code(), "free to work after the change");

                // a second sign-in gets a new session id; the old session stays only until it is signed out
                Response again = form(c, "/login", Map.of("username", "KE.ZHANG", "password", "Neu#Passwort2027"), cookie, null);
                String cookie2 = pair(sessionCookie(again));
                assertNotEquals(cookie, cookie2, "session id renewed at sign-in");
                assertEquals(401, get(c, "/api/v1/me", cookie).code(), "the session presented at sign-in was ended");
                Response out = form(c, "/logout", Map.of(), cookie2, null);
                assertEquals(303, out.code());
                assertEquals(401, get(c, "/api/v1/me", cookie2).code(), "signed out");
                assertEquals(401, form(c, "/login", Map.of("username", "ke.zhang", "password", TestAccounts.PASSWORD), null, null).code(),
                        "the old password no longer works");
            });
        }
    }

    @Test
    void repeated_failures_lock_the_account_with_429_whatever_the_password_and_others_are_unaffected() throws Exception {
        try (App app = app(TestAccounts.config(data))) {
            JavalinTest.test(app.javalin(), anonymous.config(), (server, c) -> {
                create(c, "li.na", "李娜", "DRAFTER");
                create(c, "wu.gang", "吴刚", "DRAFTER");
                for (int i = 0; i < 4; i++) {
                    assertEquals(401, token(c, "li.na", "Wrong#Pass" + i).code());
                }
                assertEquals(401, token(c, "li.na", "Wrong#Pass4").code(), "the fifth failure is still a 401, and locks");
                Response locked = token(c, "li.na", TestAccounts.PASSWORD);
                assertEquals(429, locked.code(), "locked: even the right password is refused");
                assertNotNull(locked.header("Retry-After"));
                assertTrue(locked.body().string().contains("TOO_MANY_ATTEMPTS"));
                assertEquals(429, form(c, "/login", Map.of("username", "LI.NA", "password", TestAccounts.PASSWORD), null, null).code(),
                        "the browser form is locked too, whatever the case of the username");
                assertEquals(200, token(c, "wu.gang", TestAccounts.PASSWORD).code(), "another account is not locked");
                assertEquals(401, token(c, "nobody", TestAccounts.PASSWORD).code(), "an unknown user gets the same answer as a wrong password");

                Response unlock = c.request("/api/v1/users/li.na", TestAccounts.bearer(TestAccounts.ADMIN_TOKEN).andThen(b -> b.patch(
                        TestAccounts.json(Map.of("unlock", true)))));
                assertEquals(200, unlock.code(), unlock.body().string());
                assertEquals(200, token(c, "li.na", TestAccounts.PASSWORD).code(), "the administrator unlocked the account");

                String auditor = TestAccounts.token(c, "sj.auditor", "信息中心", org.gongkai.server.auth.Actor.Role.AUDITOR);
                JsonNode events = TestAccounts.read(c.request("/api/v1/audit/security?action=LOCKED", TestAccounts.bearer(auditor)));
                assertEquals("li.na", events.get("events").get(0).get("target").asText(), events.toString());
                JsonNode logins = TestAccounts.read(c.request("/api/v1/audit/security?action=LOGIN&actor=anonymous", TestAccounts.bearer(auditor)));
                assertTrue(logins.toString().contains("FAILURE") && !logins.toString().contains("Wrong#Pass"), "failures recorded, passwords never");
                assertEquals(403, c.request("/api/v1/audit/security", TestAccounts.bearer(TestAccounts.ADMIN_TOKEN)).code(),
                        "the system administrator does not read the audit of their own actions");
            });
        }
    }

    @Test
    void many_failures_from_one_address_are_throttled_across_accounts() throws Exception {
        try (App app = app(TestAccounts.config(data))) {
            JavalinTest.test(app.javalin(), anonymous.config(), (server, c) -> {
                create(c, "zhou.yi", "周一", "DRAFTER");
                int refused = 0;
                for (int i = 0; i < 22; i++) {
                    int code = token(c, "guess" + i, "Wrong#Pass" + i).code();
                    refused += code == 429 ? 1 : 0;
                }
                assertTrue(refused >= 2, "the address is blocked after 20 failures: " + refused);
                assertEquals(429, token(c, "zhou.yi", TestAccounts.PASSWORD).code(), "a blocked address cannot sign in to any account");
            });
        }
    }

    @Test
    void tokens_expire_and_can_be_revoked_and_sessions_end_when_idle() throws Exception {
        ServerConfig cfg = TestAccounts.config(data);
        cfg = cfg.withSecurity(cfg.security().withTokenLifetime(Duration.ofSeconds(2)).withSessionIdle(Duration.ofSeconds(2)));
        try (App app = app(cfg)) {
            JavalinTest.test(app.javalin(), anonymous.config(), (server, c) -> {
                create(c, "he.ping", "何平", "DRAFTER");
                JsonNode t = TestAccounts.read(token(c, "he.ping", TestAccounts.PASSWORD));
                assertTrue(t.get("token").asText().startsWith("gk_"));
                assertNotNull(t.get("expiresAt").asText());
                String token = t.get("token").asText();
                assertEquals(200, c.request("/api/v1/me", TestAccounts.bearer(token)).code());
                String cookie = pair(sessionCookie(form(c, "/login", Map.of("username", "he.ping", "password", TestAccounts.PASSWORD), null, null)));
                assertEquals(200, get(c, "/api/v1/me", cookie).code());
                Thread.sleep(2500);
                Response expired = c.request("/api/v1/me", TestAccounts.bearer(token));
                assertEquals(401, expired.code());
                assertTrue(expired.body().string().contains("INVALID_TOKEN"));
                assertEquals(401, get(c, "/api/v1/me", cookie).code(), "idle session ended");

                String second = TestAccounts.read(token(c, "he.ping", TestAccounts.PASSWORD)).get("token").asText();
                JsonNode mine = TestAccounts.read(c.request("/api/v1/auth/tokens", TestAccounts.bearer(second)));
                String id = mine.get("tokens").get(0).get("id").asText();
                assertFalse(mine.toString().contains(second), "a token is never shown again");
                assertEquals(204, c.request("/api/v1/auth/tokens/" + id, TestAccounts.bearer(second).andThen(b -> b.delete())).code());
                assertEquals(401, c.request("/api/v1/me", TestAccounts.bearer(second)).code(), "revoked");
            });
        }
    }

    @Test
    void the_bootstrap_token_manages_accounts_and_bad_accounts_are_refused() throws Exception {
        try (App app = app(TestAccounts.config(data))) {
            JavalinTest.test(app.javalin(), anonymous.config(), (server, c) -> {
                for (Map<String, Object> bad : List.<Map<String, Object>>of(
                        Map.of("username", "weak.one", "password", "abc", "roles", List.of("DRAFTER")),
                        Map.of("username", "weak.two", "password", "weak.two#Abc1", "roles", List.of("DRAFTER")),
                        Map.of("username", "weak.three", "password", "Admin@123", "roles", List.of("DRAFTER")),
                        Map.of("username", "role.x", "password", TestAccounts.PASSWORD, "roles", List.of("JANITOR")),
                        Map.of("username", "three.in.one", "password", TestAccounts.PASSWORD, "roles", List.of("SYSTEM_ADMIN", "AUDITOR")),
                        Map.of("username", "admin.reader", "password", TestAccounts.PASSWORD, "roles", List.of("SYSTEM_ADMIN", "DRAFTER")),
                        Map.of("username", "张三", "password", TestAccounts.PASSWORD, "roles", List.of("DRAFTER")),
                        Map.of("username", "admin", "password", TestAccounts.PASSWORD, "roles", List.of("DRAFTER")))) {
                    Response r = c.request("/api/v1/users", TestAccounts.bearer(TestAccounts.ADMIN_TOKEN).andThen(b -> b.post(TestAccounts.json(bad))));
                    DocumentApiTest.assertError(r, 400, null);
                }
                String drafter = TestAccounts.token(c, "zhao.lei", "财政局", org.gongkai.server.auth.Actor.Role.DRAFTER);
                assertEquals(403, c.request("/api/v1/users", TestAccounts.bearer(drafter).andThen(b -> b.post(TestAccounts.json(Map.of(
                        "username", "sneaky", "password", TestAccounts.PASSWORD, "roles", List.of("SYSTEM_ADMIN")))))).code());
                // the security administrator assigns roles; the system administrator cannot
                String security = TestAccounts.token(c, "an.quan", "信息中心", org.gongkai.server.auth.Actor.Role.SECURITY_ADMIN);
                assertEquals(403, c.request("/api/v1/users/zhao.lei/roles", TestAccounts.bearer(TestAccounts.ADMIN_TOKEN).andThen(b -> b.put(
                        TestAccounts.json(Map.of("roles", List.of("APPROVER")))))).code());
                Response granted = c.request("/api/v1/users/zhao.lei/roles", TestAccounts.bearer(security).andThen(b -> b.put(TestAccounts.json(Map.of(
                        "roles", List.of("DRAFTER", "APPROVER"), "stages", List.of("科室负责人"))))));
                assertEquals(200, granted.code(), granted.body().string());
                JsonNode me = TestAccounts.read(c.request("/api/v1/me", TestAccounts.bearer(drafter)));
                assertTrue(me.get("roles").toString().contains("APPROVER") && me.get("stages").toString().contains("SECTION_HEAD"), me.toString());
                assertEquals(200, c.request("/api/v1/users/zhao.lei", TestAccounts.bearer(TestAccounts.ADMIN_TOKEN).andThen(b -> b.patch(
                        TestAccounts.json(Map.of("enabled", false))))).code());
                assertEquals(401, c.request("/api/v1/me", TestAccounts.bearer(drafter)).code(), "a disabled account's tokens stop working");
            });
        }
    }

    @Test
    void every_response_carries_security_headers_and_jetty_refusals_are_json() throws Exception {
        try (App app = app(TestAccounts.config(data))) {
            JavalinTest.test(app.javalin(), anonymous.config(), (server, c) -> {
                for (String path : List.of("/api/v1/health", "/login", "/", "/api/v1/me")) {
                    Response r = c.get(path);
                    String csp = r.header("Content-Security-Policy");
                    assertNotNull(csp, path);
                    assertTrue(csp.contains("frame-ancestors 'none'"), path + ": " + csp);
                    assertEquals("nosniff", r.header("X-Content-Type-Options"), path);
                    assertNotNull(r.header("Referrer-Policy"), path);
                }
                Response longUri = c.get("/api/v1/search?q=" + "a".repeat(20_000));
                assertEquals(414, longUri.code());
                assertTrue(longUri.body().string().contains("\"error\""), "414 in the contract's JSON");
                Response bigHeader = c.request("/api/v1/health", b -> b.header("X-Big", "b".repeat(20_000)));
                assertEquals(431, bigHeader.code());
                String body = bigHeader.body().string();
                assertTrue(body.contains("HEADERS_TOO_LARGE") && !body.contains("jetty"), body);
                assertNull(c.get("/api/v1/health").header("Server"), "the server does not name itself");
            });
        }
    }

    @Test
    void a_json_sign_in_returns_the_csrf_token_and_an_upload_with_it_is_accepted() throws Exception {
        try (App app = app(TestAccounts.config(data))) {
            JavalinTest.test(app.javalin(), anonymous.config(), (server, c) -> {
                TestAccounts.token(c, "xu.min", "财政局", org.gongkai.server.auth.Actor.Role.DRAFTER);
                Response in = c.request("/login", b -> b.post(TestAccounts.json(Map.of("username", "xu.min", "password", TestAccounts.PASSWORD))));
                assertEquals(200, in.code());
                String cookie = pair(sessionCookie(in));
                String csrf = TestAccounts.read(in).get("csrfToken").asText();
                MultipartBody body = new MultipartBody.Builder().setType(MultipartBody.FORM).addFormDataPart("file", "a.txt",
                        RequestBody.create(DocumentApiTest.NOTICE.getBytes(StandardCharsets.UTF_8), MediaType.parse("text/plain"))).build();
                assertEquals(403, c.request("/api/v1/documents", b -> b.header("Cookie", cookie).header("X-CSRF-Token", csrf).post(body)).code(),
                        "an initial password is changed first");
                assertEquals(204, c.request("/api/v1/me/password", b -> b.header("Cookie", cookie).header("X-CSRF-Token", csrf).post(TestAccounts.json(
                        Map.of("current", TestAccounts.PASSWORD, "next", "Xu#Min-2027pw")))).code());
                assertEquals(403, c.request("/api/v1/documents", b -> b.header("Cookie", cookie).post(body)).code(), "no CSRF token");
                assertEquals(403, c.request("/api/v1/documents", b -> b.header("Cookie", cookie).header("Origin", "http://evil.example")
                        .header("X-CSRF-Token", csrf).post(body)).code(), "cross-site, even with the token");
                Response up = c.request("/api/v1/documents", b -> b.header("Cookie", cookie).header("X-CSRF-Token", csrf).post(body));
                assertEquals(202, up.code(), up.body().string());
            });
        }
    }

    private static Response token(HttpClient c, String username, String password) {
        return c.request("/api/v1/auth/token", b -> b.post(TestAccounts.json(Map.of("username", username, "password", password))));
    }
}
