package org.gongkai.server.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gongkai.server.App;
import org.gongkai.server.TestAccounts;
import org.gongkai.server.TestEnv;
import org.gongkai.server.config.ServerConfig;

/**
 * One real server per browser-test class (H2 in a temporary folder, a copy of the dictionaries so edits stay in the
 * test), and the set-up a journey starts from: accounts made with the bootstrap token (their initial password already
 * changed, so the journey signs in as the person would on an ordinary day) and documents uploaded by the API. The
 * journeys themselves only use the browser.
 */
final class WorkbenchServer implements AutoCloseable {
    static final String PASSWORD = TestAccounts.PASSWORD;
    private static final ObjectMapper JSON = App.objectMapper();
    private final App app;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> tokens = new HashMap<>();
    final String base;

    WorkbenchServer(Path work) {
        try {
            Path dictionaries = Files.createDirectories(work.resolve("dictionaries"));
            try (Stream<Path> s = Files.list(TestEnv.root().resolve("dictionaries"))) {
                for (Path p : s.toList()) {
                    Files.copy(p, dictionaries.resolve(p.getFileName()));
                }
            }
            ServerConfig c = TestAccounts.config(work.resolve("data"));
            // a copy of config/ too: the office journey edits a rules file, and the repository's must stay as it is
            Path config = Files.createDirectories(work.resolve("config"));
            try (Stream<Path> s = Files.walk(c.configDir())) {
                for (Path p : s.toList()) {
                    Path to = config.resolve(c.configDir().relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
            ServerConfig cfg = new ServerConfig("127.0.0.1", 0, c.dataDir(), c.dbUrl(), c.dbUser(), c.dbPassword(), dictionaries, config,
                    c.maxUploadBytes(), c.parseTimeout(), c.workers(), c.maxChars(), c.adminToken(), c.pdfFont(), c.blobStore(), c.security());
            app = App.create(cfg).start();
            base = "http://127.0.0.1:" + app.port();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An account whose initial password has been changed to {@link #PASSWORD}. */
    void account(String username, String name, String department, List<String> roles, List<String> stages) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("username", username);
        u.put("displayName", name);
        u.put("password", "Initial#" + username.length() + "Gk2026");
        u.put("department", department);
        u.put("roles", roles);
        u.put("stages", stages);
        send("POST", "/api/v1/users", TestAccounts.ADMIN_TOKEN, u, 201);
        String t = token(username, "Initial#" + username.length() + "Gk2026");
        send("POST", "/api/v1/me/password", t, Map.of("current", "Initial#" + username.length() + "Gk2026", "next", PASSWORD), 204);
        tokens.put(username, token(username, PASSWORD));
    }

    void account(String username, String name, String department, String role) {
        account(username, name, department, List.of(role), List.of());
    }

    /** Uploads a document as {@code username} (set-up only) and waits until it is checked; returns its id. */
    String upload(String username, Path file, Map<String, String> fields) {
        String boundary = "----gongkai" + System.nanoTime();
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (Map.Entry<String, String> f : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + f.getValue() + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(Files.readAllBytes(file));
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/documents"))
                    .header("Authorization", "Bearer " + tokens.get(username)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 202) {
                throw new AssertionError("upload " + file + ": " + r.statusCode() + " " + r.body());
            }
            String id = JSON.readTree(r.body()).get("id").asText();
            for (int i = 0; i < 600; i++) {
                if (get(username, "/api/v1/documents/" + id).get("status").asText().equals("CHECKED")) {
                    return id;
                }
                Thread.sleep(200);
            }
            throw new AssertionError("not checked in time: " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads an API answer as {@code username} (for the test's own assertions, never to act). */
    JsonNode get(String username, String path) {
        return send("GET", path, tokens.get(username), null, 200);
    }

    /** A raw request as {@code username} (null: anonymous), for HTTP-level tests of the workbench's endpoints. */
    HttpResponse<byte[]> call(String method, String path, String username, Object body, String... headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
            if (username != null) {
                b.header("Authorization", "Bearer " + tokens.get(username));
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                b.header(headers[i], headers[i + 1]);
            }
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<byte[]> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String token(String username, String password) {
        return send("POST", "/api/v1/auth/token", null, Map.of("username", username, "password", password), 200).get("token").asText();
    }

    private JsonNode send(String method, String path, String token, Object body, int expected) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new AssertionError(method + " " + path + ": " + r.statusCode() + " " + r.body());
            }
            return r.body().isEmpty() ? null : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Path fixture(String name) {
        return TestEnv.fixtures().resolve("labelled").resolve(name);
    }

    @Override
    public void close() {
        app.close();
    }
}
