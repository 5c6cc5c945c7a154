package org.gongkai.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The two operations compared, sent by the same HTTP client: Tika server extracting text
 * ({@code PUT /tika}), and gongkai checking a document end to end (upload, then
 * {@code GET /api/v1/documents/{id}?wait=30} until it is CHECKED).
 */
final class HttpTargets {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOUNDARY = "gongkai-bench-7d1f0c";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String token;

    /** @param token a drafter's bearer token sent to gongkai, or null */
    HttpTargets(String token) {
        this.token = token;
    }

    /**
     * Creates a drafter for this run with the bootstrap administrator's token ({@code POST /api/v1/users}) and signs
     * it in ({@code POST /api/v1/auth/token}): the administrator may not upload documents (三员分立), a drafter may.
     *
     * @return the drafter's bearer token
     */
    static String drafterToken(String baseUrl, String adminToken) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String username = "bench." + Long.toHexString(System.nanoTime());
        // a fresh random password each run, three character classes as the policy asks; never printed
        String password = "Bench-" + java.util.UUID.randomUUID() + "-9a";
        String user = JSON.writeValueAsString(java.util.Map.of("username", username, "displayName", "性能测试", "password", password,
                "department", "性能测试科", "roles", java.util.List.of("DRAFTER")));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/users")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(user)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IOException("creating the benchmark's drafter answered " + created.statusCode() + ": " + created.body());
        }
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/auth/token")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("username", username, "password", password))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new IOException("signing the benchmark's drafter in answered " + token.statusCode());
        }
        return JSON.readTree(token.body()).get("token").asText();
    }

    LoadRound.Operation tika(String baseUrl) {
        URI uri = URI.create(baseUrl + "/tika");
        return f -> {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).header("Accept", "text/plain").timeout(Duration.ofSeconds(60))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(f.bytes())).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200 || r.body().length == 0) {
                throw new IOException("Tika answered " + r.statusCode());
            }
        };
    }

    LoadRound.Operation gongkai(String baseUrl) {
        URI upload = URI.create(baseUrl + "/api/v1/documents");
        return f -> {
            HttpResponse<String> r = http.send(request(upload).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(f))).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 202 && r.statusCode() != 201) {
                throw new IOException("upload answered " + r.statusCode() + ": " + r.body());
            }
            String id = JSON.readTree(r.body()).get("id").asText();
            awaitChecked(URI.create(baseUrl + "/api/v1/documents/" + id + "?wait=30"));
        };
    }

    /**
     * Asks with {@code ?wait=30}; a server that answers at once without the document CHECKED (one without
     * {@code ?wait}) is asked again after 5 ms, as the first measurement polled.
     */
    private void awaitChecked(URI report) throws IOException, InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < giveUp) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(request(report).timeout(Duration.ofSeconds(40)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("report answered " + r.statusCode() + ": " + r.body());
            }
            JsonNode rep = JSON.readTree(r.body());
            if ("CHECKED".equals(rep.path("status").asText())) {
                return;
            }
            if (System.nanoTime() - t0 < 100_000_000L) {
                Thread.sleep(5);
            }
        }
        throw new IOException("not CHECKED within 2 minutes: " + report);
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    private static byte[] multipart(LoadRound.BenchFile f) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(f.bytes().length + 512);
        b.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"attribute\"\r\n\r\nPUBLIC\r\n").getBytes(StandardCharsets.UTF_8));
        b.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + f.name()
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        b.write(f.bytes());
        b.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return b.toByteArray();
    }
}
