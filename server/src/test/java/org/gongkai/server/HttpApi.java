package org.gongkai.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A client of one running server for tests that talk HTTP to a real port: every request goes through {@link #send},
 * the one place where credentials are to be added once the API requires them.
 */
public final class HttpApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private volatile String token;

    /** A client of the server on {@code port}, started with {@link TestAccounts#config}: it acts as a drafter of 县政府办公室. */
    public HttpApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Sends a request to {@code path} (e.g. {@code /api/v1/health}) as the drafter; the single door of every request. */
    public HttpResponse<String> send(String path, HttpRequest.Builder request) throws IOException, InterruptedException {
        if (token == null) {
            token = TestAccounts.token(http, base, "api.drafter", "县政府办公室", org.gongkai.server.auth.Actor.Role.DRAFTER);
        }
        return http.send(request.uri(URI.create(base + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(path, HttpRequest.newBuilder().GET());
    }

    /** {@code POST /api/v1/documents} with the file and form fields given as name, value, name, value … */
    public HttpResponse<String> upload(String fileName, byte[] bytes, String... fields) throws IOException, InterruptedException {
        String boundary = "gongkai" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n" + fields[i + 1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send("/api/v1/documents", HttpRequest.newBuilder().header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** The report of document {@code id} once it is CHECKED (waiting at most {@code seconds}). */
    public JsonNode awaitChecked(String id, int seconds) throws IOException, InterruptedException {
        for (int i = 0; i < seconds * 10; i++) {
            JsonNode r = JSON.readTree(get("/api/v1/documents/" + id).body());
            if ("CHECKED".equals(r.path("status").asText())) {
                return r;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("document " + id + " not CHECKED within " + seconds + " s");
    }

    /** Uploads and waits for the report; the upload must be accepted (202). */
    public JsonNode check(String fileName, byte[] bytes, String... fields) throws IOException, InterruptedException {
        HttpResponse<String> r = upload(fileName, bytes, fields);
        if (r.statusCode() != 202) {
            throw new AssertionError(fileName + " → " + r.statusCode() + " " + r.body());
        }
        return awaitChecked(JSON.readTree(r.body()).get("id").asText(), 120);
    }
}
