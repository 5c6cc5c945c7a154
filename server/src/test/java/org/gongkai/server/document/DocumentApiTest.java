package org.gongkai.server.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.gongkai.server.App;
import org.gongkai.server.TestAccounts;
import org.gongkai.server.TestEnv;
import org.gongkai.server.auth.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The document API exactly as shared/CONTRACT.md describes it, over a real H2 database and real plugins. */
public class DocumentApiTest {
    private final TestAccounts.Caller caller = new TestAccounts.Caller();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    public static final String NOTICE = """
            江北县人民政府办公室文件
            江北府办发〔2022〕37号
            江北县人民政府办公室
            关于做好2022年防汛工作的通知
            各乡镇人民政府，县政府各部门：
            为切实做好今年防汛工作，现将有关事项通知如下。
            一、压实责任。各地要落实防汛责任制。
            联系电话：023-67881234（县应急管理局）
            江北县人民政府办公室
            2022年6月15日
            （此件公开发布）
            """;

    /** Uploads as the holder of {@code token}. */
    public static Response upload(HttpClient client, String token, String name, byte[] bytes, String... fields) throws Exception {
        MultipartBody.Builder b = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("file", name, RequestBody.create(bytes, MediaType.parse("application/octet-stream")));
        for (int i = 0; i + 1 < fields.length; i += 2) {
            b.addFormDataPart(fields[i], fields[i + 1]);
        }
        return client.request("/api/v1/documents", r -> r.header("Authorization", "Bearer " + token).post(b.build()));
    }

    /** Waits for CHECKED, reading the report as the holder of {@code token}. */
    public static JsonNode awaitChecked(HttpClient client, String token, String id) throws Exception {
        for (int i = 0; i < 600; i++) {
            JsonNode r = JSON.readTree(client.request("/api/v1/documents/" + id, b -> b.header("Authorization", "Bearer " + token)).body().string());
            if ("CHECKED".equals(r.path("status").asText())) {
                return r;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("document " + id + " not CHECKED within 60 s");
    }

    public static Response upload(HttpClient client, String name, byte[] bytes, String... fields) throws Exception {
        MultipartBody.Builder b = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("file", name, RequestBody.create(bytes, MediaType.parse("application/octet-stream")));
        for (int i = 0; i + 1 < fields.length; i += 2) {
            b.addFormDataPart(fields[i], fields[i + 1]);
        }
        return client.request("/api/v1/documents", r -> r.post(b.build()));
    }

    public static JsonNode awaitChecked(HttpClient client, String id) throws Exception {
        for (int i = 0; i < 600; i++) {
            JsonNode r = JSON.readTree(client.get("/api/v1/documents/" + id).body().string());
            if ("CHECKED".equals(r.path("status").asText())) {
                return r;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("document " + id + " not CHECKED within 60 s");
    }

    private App app() {
        return App.create(TestAccounts.config(data)).startProcessing();
    }

    @Test
    void health_is_up_without_authentication() {
        try (App app = app()) {
            JavalinTest.test(app.javalin(), caller.config(), (server, client) -> {
                Response r = client.get("/api/v1/health");
                assertEquals(200, r.code());
                assertEquals("UP", JSON.readTree(r.body().string()).get("status").asText());
            });
        }
    }

    @Test
    void the_browser_page_and_its_script_are_served_as_utf_8() {
        try (App app = app()) {
            JavalinTest.test(app.javalin(), caller.config(), (server, client) -> {
                caller.as(TestAccounts.token(client, "li.ming", "办公室", Actor.Role.DRAFTER));
                for (String path : java.util.List.of("/", "/js/main.js", "/js/lib/api.js", "/style.css")) {
                    Response r = client.get(path);
                    assertEquals(200, r.code(), path);
                    assertTrue(r.header("Content-Type").toLowerCase(java.util.Locale.ROOT).replace(" ", "").endsWith("charset=utf-8"),
                            path + ": " + r.header("Content-Type"));
                }
            });
        }
    }

    @Test
    void uploaded_text_notice_is_stored_checked_and_reported_in_contract_shape() {
        try (App app = app()) {
            JavalinTest.test(app.javalin(), caller.config(), (server, client) -> {
                caller.as(TestAccounts.token(client, "li.ming", "办公室", Actor.Role.DRAFTER));
                Response r = upload(client, "通知.txt", NOTICE.getBytes(StandardCharsets.UTF_8), "attribute", "PUBLIC", "department", "办公室");
                assertEquals(202, r.code());
                JsonNode receipt = JSON.readTree(r.body().string());
                String id = receipt.get("id").asText();
                assertEquals("/api/v1/documents/" + id, r.header("Location"));
                JsonNode rep = awaitChecked(client, id);
                for (String f : new String[] {"id", "fileName", "sha256", "mediaType", "sizeBytes", "status", "docType", "elements", "attribute", "route", "findings"}) {
                    assertTrue(rep.has(f), "report lacks " + f + ": " + rep);
                }
                assertEquals("通知.txt", rep.get("fileName").asText());
                assertEquals("text/plain", rep.get("mediaType").asText());
                assertEquals("PUBLIC", rep.at("/attribute/declared").asText());
                assertEquals("PUBLIC", rep.at("/attribute/detected").asText());
                assertEquals("通知", rep.get("docType").asText());
                assertEquals("江北府办发〔2022〕37号", rep.at("/elements/docNumber").asText());
                assertEquals("PUBLICATION_REVIEW", rep.get("route").asText(), rep.toPrettyString());
                JsonNode history = JSON.readTree(client.get("/api/v1/documents/" + id + "/history").body().string());
                assertEquals("RECEIVED", history.get(0).get("action").asText());
                java.util.List<String> actions = new java.util.ArrayList<>();
                history.forEach(e -> actions.add(e.get("action").asText()));
                assertTrue(actions.containsAll(java.util.List.of("PROCESSING", "CHECKED")), actions.toString());
                assertTrue(actions.indexOf("CHECKED") > actions.indexOf("PROCESSING"), actions.toString());
            });
        }
    }

    @Test
    void same_bytes_uploaded_twice_are_stored_once_and_marked_duplicate() {
        try (App app = app()) {
            JavalinTest.test(app.javalin(), caller.config(), (server, client) -> {
                caller.as(TestAccounts.token(client, "li.ming", "办公室", Actor.Role.DRAFTER));
                byte[] bytes = NOTICE.getBytes(StandardCharsets.UTF_8);
                String first = JSON.readTree(upload(client, "a.txt", bytes).body().string()).get("id").asText();
                JsonNode second = JSON.readTree(upload(client, "b.txt", bytes).body().string());
                assertEquals(first, second.get("duplicateOf").asText());
                JsonNode rep = JSON.readTree(client.get("/api/v1/documents/" + second.get("id").asText()).body().string());
                assertEquals(first, rep.get("duplicateOf").asText());
                try (var files = Files.walk(data.resolve("files"))) {
                    assertEquals(1, files.filter(Files::isRegularFile).count());
                }
            });
        }
    }

    @Test
    void client_mistakes_get_clear_4xx_in_chinese_and_english() {
        try (App app = app()) {
            JavalinTest.test(app.javalin(), caller.config(), (server, client) -> {
                caller.as(TestAccounts.token(client, "li.ming", "办公室", Actor.Role.DRAFTER));
                assertError(client.request("/api/v1/documents", r -> r.post(new MultipartBody.Builder().setType(MultipartBody.FORM)
                        .addFormDataPart("attribute", "PUBLIC").build())), 400, "NO_FILE");
                assertError(upload(client, "empty.docx", new byte[0]), 400, "EMPTY_FILE");
                assertError(upload(client, "a.txt", NOTICE.getBytes(StandardCharsets.UTF_8), "attribute", "SECRET"), 400, "BAD_ATTRIBUTE");
                assertError(upload(client, "a.txt", NOTICE.getBytes(StandardCharsets.UTF_8), "supersedes", "nope"), 400, "BAD_SUPERSEDES");
                assertError(client.request("/api/v1/documents", r -> r.post(RequestBody.create("{}", MediaType.parse("application/json")))), 400, "NOT_MULTIPART");
                assertError(client.get("/api/v1/documents/does-not-exist"), 404, "NOT_FOUND");
                java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
                try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(zip)) {
                    z.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
                    z.write("not a document".getBytes(StandardCharsets.UTF_8));
                }
                assertError(upload(client, "archive.zip", zip.toByteArray()), 415, "UNSUPPORTED_MEDIA_TYPE");
                assertError(upload(client, "program.exe", new byte[] {0x4d, 0x5a, (byte) 0x90, 0, 3, 0, 0, 0, 4, 0}), 415, "UNSUPPORTED_MEDIA_TYPE");
                assertError(client.request("/api/v1/documents", r -> r.post(RequestBody.create("--x\r\ngarbage", MediaType.parse("multipart/form-data; boundary=x")))), 400, null);
                assertEquals(200, client.get("/api/v1/health").code(), "server still up");
            });
        }
    }

    @Test
    void upload_over_the_size_limit_is_413() {
        try (App app = App.create(TestAccounts.config(data).withMaxUploadBytes(1024 * 1024)).startProcessing()) {
            JavalinTest.test(app.javalin(), caller.config(), (server, client) -> {
                caller.as(TestAccounts.token(client, "li.ming", "办公室", Actor.Role.DRAFTER));
                byte[] big = new byte[3 * 1024 * 1024];
                java.util.Arrays.fill(big, (byte) 'a');
                assertError(upload(client, "big.txt", big), 413, "TOO_LARGE");
                assertEquals(200, client.get("/api/v1/health").code());
            });
        }
    }

    @Test
    void plugins_endpoint_lists_every_loaded_plugin_with_version() {
        try (App app = app()) {
            JavalinTest.test(app.javalin(), caller.config(), (server, client) -> {
                caller.as(TestAccounts.token(client, "li.ming", "办公室", Actor.Role.DRAFTER));
                JsonNode list = JSON.readTree(client.get("/api/v1/plugins").body().string());
                assertTrue(list.size() >= 10, list.toString());
                for (JsonNode p : list) {
                    assertNotNull(p.get("version").asText());
                    assertTrue(p.get("name").asText().matches("[a-z][a-z0-9-]+"));
                }
                JsonNode dicts = JSON.readTree(client.get("/api/v1/dictionaries").body().string());
                java.util.Set<String> categories = new java.util.TreeSet<>();
                java.util.Set<String> versions = new java.util.TreeSet<>();
                for (JsonNode d : dicts) {
                    categories.add(d.get("category").asText());
                    versions.add(d.get("version").asText());
                    assertTrue(d.get("terms").asInt() > 0, d.toString());
                    assertEquals("dictionary", d.get("detector").asText(), d.toString());
                }
                assertTrue(categories.containsAll(java.util.List.of("SECRET_CONTENT", "TRADE_SECRET", "STABILITY", "INTERNAL_AFFAIRS",
                        "PROCESS_INFO", "ENFORCEMENT_CASE", "ALLOW_LIST")), categories.toString());
                assertEquals(1, versions.size(), "one version for the whole set: " + versions);
            });
        }
    }

    public static void assertError(Response r, int status, String code) throws Exception {
        String body = r.body().string();
        assertEquals(status, r.code(), body);
        JsonNode e = JSON.readTree(body).get("error");
        assertNotNull(e, body);
        if (code != null) {
            assertEquals(code, e.get("code").asText(), body);
        }
        String m = e.get("message").asText();
        assertTrue(m.contains(" / ") && m.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF), "message in Chinese and English: " + m);
        assertTrue(!m.contains("Exception") && !m.contains("\tat "), "no stack trace: " + m);
    }
}
