package org.gongkai.server.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gongkai.server.TestAccounts;
import org.gongkai.server.TestEnv;
import org.gongkai.server.auth.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real server process with SIGKILL while documents are being processed, restarts it on the same
 * data folder, and shows that no accepted upload is lost and every document reaches CHECKED.
 */
class CrashRecoveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path data;
    private String token;

    @Test
    void no_accepted_upload_is_lost_when_the_server_is_killed_mid_processing() throws Exception {
        int port = freePort();
        Process server = start(port);
        List<String> ids = new ArrayList<>();
        try {
            awaitHealth(port);
            token = TestAccounts.token(http, "http://127.0.0.1:" + port, "crash.drafter", "县政府办公室", Actor.Role.DRAFTER);
            for (int i = 0; i < 24; i++) {
                byte[] body = document(i);
                HttpResponse<String> r = upload(port, "draft-" + i + ".txt", body);
                assertEquals(202, r.statusCode(), r.body());
                ids.add(JSON.readTree(r.body()).get("id").asText());
            }
            HttpResponse<String> last = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/documents/"
                    + ids.get(ids.size() - 1))).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(!JSON.readTree(last.body()).get("status").asText().equals("CHECKED"),
                    "the kill must come while work is still pending, else this test shows nothing");
        } finally {
            server.destroyForcibly().waitFor();
        }
        Process again = start(port);
        try {
            awaitHealth(port);
            for (String id : ids) {
                JsonNode rep = awaitChecked(port, id);
                assertTrue(rep.get("route").isTextual(), rep.toString());
            }
            assertEquals(24, ids.stream().distinct().count());
        } finally {
            again.destroy();
            again.waitFor();
        }
    }

    /** Distinct drafts (distinct bytes), long enough that checking all of them takes a moment. */
    private static byte[] document(int i) {
        StringBuilder sb = new StringBuilder("江北县人民政府办公室\n关于第").append(i).append("批项目资金安排的通知\n各乡镇人民政府：\n");
        for (int k = 0; k < 400; k++) {
            sb.append("为加强项目资金管理，提高资金使用效益，根据有关规定，现将第").append(i).append("批项目资金安排情况通知如下，请认真贯彻落实。\n");
        }
        sb.append("江北县人民政府办公室\n2022年6月15日\n（此件主动公开）\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Process start(int port) throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", cp, "org.gongkai.server.Main", "serve",
                "--port", String.valueOf(port), "--data", data.toString());
        pb.environment().put("GONGKAI_DICTIONARIES", TestEnv.root().resolve("dictionaries").toString());
        pb.environment().put("GONGKAI_CONFIG", TestEnv.root().resolve("config").toString());
        pb.environment().put("GONGKAI_WORKERS", "1");
        pb.environment().put("GONGKAI_ADMIN_TOKEN", TestAccounts.ADMIN_TOKEN);
        pb.environment().remove("GONGKAI_DB_URL");
        pb.redirectErrorStream(true).redirectOutput(data.resolve("server-" + UUID.randomUUID() + ".log").toFile());
        return pb.start();
    }

    private void awaitHealth(int port) throws Exception {
        for (int i = 0; i < 600; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("server did not come up; log: " + logs());
    }

    private JsonNode awaitChecked(int port, String id) throws Exception {
        for (int i = 0; i < 1200; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/documents/" + id))
                            .header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), "accepted upload " + id + " must still exist: " + r.body());
            JsonNode rep = JSON.readTree(r.body());
            if ("CHECKED".equals(rep.get("status").asText())) {
                return rep;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(id + " never reached CHECKED; log: " + logs());
    }

    private HttpResponse<String> upload(int port, String name, byte[] content) throws Exception {
        String boundary = "gk" + UUID.randomUUID();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        b.write(content);
        b.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/documents"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(b.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String logs() throws IOException {
        StringBuilder sb = new StringBuilder();
        try (var files = Files.list(data)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
                String s = Files.readString(p);
                sb.append(s, Math.max(0, s.length() - 3000), s.length());
            }
        }
        return sb.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
