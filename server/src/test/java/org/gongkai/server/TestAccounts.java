package org.gongkai.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.gongkai.server.access.AccessControl;
import org.gongkai.server.account.Account;
import org.gongkai.server.account.AccountService;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.config.ServerConfig;

/**
 * Accounts and bearer tokens for tests, made the way an office makes them: over HTTP with the bootstrap
 * administrator token ({@code POST /api/v1/users}, then {@code POST /api/v1/auth/token}), or through the services
 * for tests that build a smaller server around a fixture database.
 */
public final class TestAccounts {
    public static final String ADMIN_TOKEN = "test-bootstrap-admin-token-3f9a2c";
    /** Meets the password policy and contains no test username. */
    public static final String PASSWORD = "Gongkai#Test2026";
    private static final ObjectMapper JSON = App.objectMapper();

    private TestAccounts() {
    }

    /** A server configuration with the bootstrap administrator token set. */
    public static ServerConfig config(Path data) {
        return TestEnv.config(data).withAdminToken(ADMIN_TOKEN);
    }

    public static Consumer<Request.Builder> bearer(String token) {
        return b -> b.header("Authorization", "Bearer " + token);
    }

    /** Creates an account over HTTP (unless it exists) and returns a bearer token for it. */
    public static String token(HttpClient c, String username, String department, Actor.Role... roles) {
        return token(c, username, department, List.of(), roles);
    }

    public static String token(HttpClient c, String username, String department, List<String> stages, Actor.Role... roles) {
        try {
            Map<String, Object> user = new java.util.LinkedHashMap<>();
            user.put("username", username);
            user.put("displayName", "测试" + username);
            user.put("password", PASSWORD);
            user.put("department", department);
            user.put("roles", Arrays.stream(roles).map(Enum::name).toList());
            user.put("stages", stages);
            Response created = c.request("/api/v1/users", bearer(ADMIN_TOKEN).andThen(b -> b.post(json(user))));
            if (created.code() != 201 && created.code() != 409) {
                throw new AssertionError("creating " + username + ": " + created.code() + " " + created.body().string());
            }
            Response t = c.request("/api/v1/auth/token", b -> b.post(json(Map.of("username", username, "password", PASSWORD))));
            String body = t.body().string();
            if (t.code() != 200) {
                throw new AssertionError("token for " + username + ": " + t.code() + " " + body);
            }
            return JSON.readTree(body).get("token").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Creates an account over HTTP on a server at {@code base} (e.g. http://127.0.0.1:7070) and returns a bearer token for it. */
    public static String token(java.net.http.HttpClient http, String base, String username, String department, Actor.Role... roles) {
        try {
            Map<String, Object> user = Map.of("username", username, "displayName", "测试" + username, "password", PASSWORD,
                    "department", department, "roles", Arrays.stream(roles).map(Enum::name).toList());
            java.net.http.HttpResponse<String> created = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/v1/users"))
                    .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201 && created.statusCode() != 409) {
                throw new AssertionError("creating " + username + ": " + created.statusCode() + " " + created.body());
            }
            java.net.http.HttpResponse<String> t = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/v1/auth/token"))
                    .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            JSON.writeValueAsString(Map.of("username", username, "password", PASSWORD)))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (t.statusCode() != 200) {
                throw new AssertionError("token for " + username + ": " + t.statusCode() + " " + t.body());
            }
            return JSON.readTree(t.body()).get("token").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates an account through the services (unless it exists) and returns a bearer token for it. */
    public static String token(AccessControl ac, String username, String department, Actor.Role... roles) {
        Account a = ac.accounts().find(username.toLowerCase(java.util.Locale.ROOT)).orElseGet(() -> {
            ac.accounts().create(Actor.bootstrapAdministrator(), new AccountService.NewAccount(username, "测试" + username, PASSWORD, department,
                    Arrays.stream(roles).map(Enum::name).toList(), List.of()), "test");
            return ac.accounts().find(username.toLowerCase(java.util.Locale.ROOT)).orElseThrow();
        });
        return ac.tokens().issue(a, "test").token();
    }

    /**
     * Who a test's requests are made as: the bearer token set with {@link #as} is added to every request that does
     * not carry its own {@code Authorization} header; {@code as(null)} makes them anonymous.
     */
    public static final class Caller {
        private volatile String token;

        public void as(String t) {
            token = t;
        }

        public String token() {
            return token;
        }

        public io.javalin.testtools.TestConfig config() {
            okhttp3.OkHttpClient ok = new okhttp3.OkHttpClient.Builder().readTimeout(java.time.Duration.ofSeconds(60)).followRedirects(false).addInterceptor(chain -> {
                okhttp3.Request r = chain.request();
                String t = token;
                if (t != null && r.header("Authorization") == null) {
                    r = r.newBuilder().header("Authorization", "Bearer " + t).build();
                }
                return chain.proceed(r);
            }).build();
            return new io.javalin.testtools.TestConfig(false, false, ok); // no cookie-clearing route: every route must declare access
        }
    }

    public static RequestBody json(Object o) {
        try {
            return RequestBody.create(JSON.writeValueAsString(o), MediaType.get("application/json"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static JsonNode read(Response r) {
        try {
            return JSON.readTree(r.body().string());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
