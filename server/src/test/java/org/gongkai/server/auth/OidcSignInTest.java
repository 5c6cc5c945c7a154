package org.gongkai.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.gongkai.server.App;
import org.gongkai.server.TestAccounts;
import org.gongkai.server.config.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign-in through a real OpenID Connect provider (mock-oauth2-server from Maven Central, started by the test on
 * loopback): the browser is sent to the provider, comes back with a code, gongkai exchanges it with PKCE, validates
 * the signed ID token and its nonce, maps the claims to an account and starts a session.
 */
class OidcSignInTest {
    private static final String CLIENT = "gongkai-test";
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private MockOAuth2Server idp;
    private App app;
    private String base;

    @TempDir
    Path data;

    @BeforeEach
    void start() throws Exception {
        idp = new MockOAuth2Server();
        idp.start(0);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        ServerConfig cfg = TestAccounts.config(data).withPort(port);
        cfg = cfg.withSecurity(cfg.security().withOidc(new SecuritySettings.Oidc(idp.issuerUrl("default").toString(), CLIENT, "client-secret"), base));
        app = App.create(cfg).start();
    }

    @AfterEach
    void stop() {
        app.close();
        idp.shutdown();
    }

    private HttpResponse<String> get(String url, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url.startsWith("/") ? base + url : url));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The browser's walk: gongkai → provider → gongkai's callback; returns the callback's answer. */
    private HttpResponse<String> signIn(Map<String, Object> claims, String subject) throws Exception {
        idp.enqueueCallback(new DefaultOAuth2TokenCallback("default", subject, "JWT", List.of(CLIENT), claims, 3600));
        HttpResponse<String> toIdp = get("/login/oidc", null);
        assertEquals(302, toIdp.statusCode(), toIdp.body());
        String authorize = toIdp.headers().firstValue("Location").orElseThrow();
        assertTrue(authorize.contains("code_challenge=") && authorize.contains("nonce=") && authorize.contains("state="), authorize);
        HttpResponse<String> back = get(authorize, null);
        assertEquals(302, back.statusCode(), back.body());
        String callback = back.headers().firstValue("Location").orElseThrow();
        assertTrue(callback.startsWith(base + "/login/oidc/callback?"), callback);
        return get(callback, null);
    }

    @Test
    void a_platform_user_signs_in_with_department_and_roles_from_the_claims() throws Exception {
        HttpResponse<String> done = signIn(Map.of("preferred_username", "wang.wu", "name", "王五", "department", "交通运输局",
                "roles", List.of("gongkai-drafter")), "sub-wang-wu");
        assertEquals(303, done.statusCode(), done.body());
        String cookie = done.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("gk_session=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite"), cookie);
        HttpResponse<String> me = get("/api/v1/me", cookie.substring(0, cookie.indexOf(';')));
        assertEquals(200, me.statusCode(), me.body());
        JsonNode m = App.objectMapper().readTree(me.body());
        assertEquals("wang.wu", m.get("id").asText());
        assertEquals("王五", m.get("displayName").asText());
        assertEquals("交通运输局", m.get("department").asText());
        assertEquals("[\"DRAFTER\"]", m.get("roles").toString());
        assertEquals("SESSION", m.get("via").asText());
    }

    @Test
    void a_replayed_or_forged_callback_and_a_user_without_a_role_are_refused() throws Exception {
        idp.enqueueCallback(new DefaultOAuth2TokenCallback("default", "sub-x", "JWT", List.of(CLIENT),
                Map.of("preferred_username", "zhao.liu", "name", "赵六", "roles", List.of("gongkai-office")), 3600));
        String authorize = get("/login/oidc", null).headers().firstValue("Location").orElseThrow();
        String callback = get(authorize, null).headers().firstValue("Location").orElseThrow();
        assertEquals(303, get(callback, null).statusCode());
        HttpResponse<String> replay = get(callback, null);
        assertEquals(401, replay.statusCode(), "a state is used once");
        assertTrue(replay.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("gk_session=") && c.length() > 20));
        assertEquals(401, get("/login/oidc/callback?code=abc&state=forged", null).statusCode());

        HttpResponse<String> noRole = signIn(Map.of("preferred_username", "sun.qi", "name", "孙七", "roles", List.of("somebody-else")), "sub-sun");
        assertEquals(401, noRole.statusCode());
        assertTrue(noRole.body().contains("没有本系统的角色"), noRole.body());
        HttpResponse<String> badName = signIn(Map.of("preferred_username", "孙七", "roles", List.of("gongkai-drafter")), "sub-sun2");
        assertEquals(401, badName.statusCode(), "a username must be ASCII");
        assertNotNull(app);
    }
}
