package org.gongkai.server.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.gongkai.server.App;
import org.gongkai.server.HttpApi;
import org.gongkai.server.TestAccounts;
import org.gongkai.server.TestEnv;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile uploads against a running server whose parsers run in child JVMs: OFDs whose entry names climb out of
 * their folder or name absolute paths, a zip-bomb OFD, a document that exhausts a child's memory and one whose
 * parsing never ends. Each costs its own document (MANUAL_REVIEW with the reason), nothing is written outside the
 * document's temporary folder, temporary folders are gone afterwards, and the server goes on checking documents.
 */
class ParserIsolationApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static App app;
    private static HttpApi api;

    @BeforeAll
    static void start() {
        app = App.create(TestAccounts.config(dir.resolve("data")).withParseTimeout(Duration.ofSeconds(8)), new IsolationConfig(64, 200, 180)).start();
        api = new HttpApi(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static JsonNode upload(String name, byte[] bytes) throws Exception {
        return api.check(name, bytes, "attribute", "PUBLIC");
    }

    private static String reasons(JsonNode report) {
        StringBuilder sb = new StringBuilder();
        report.get("findings").forEach(f -> sb.append(f.get("category").asText()).append(": ").append(f.get("explanation").asText()).append('\n'));
        return sb.toString();
    }

    private static void assertHealthy() throws Exception {
        assertEquals(200, api.get("/api/v1/health").statusCode());
        JsonNode clean = upload("clean.docx", Files.readAllBytes(TestEnv.fixtures().resolve("labelled").resolve("notice-public-clean.docx")));
        assertNotEquals("MANUAL_REVIEW", clean.get("route").asText(), reasons(clean));
    }

    private static byte[] ofdWith(String name, byte[] content, int times) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipFile src = new ZipFile(TestEnv.fixtures().resolve("extraction").resolve("notice.ofd").toFile());
             ZipOutputStream zo = new ZipOutputStream(out)) {
            for (Enumeration<? extends ZipEntry> en = src.entries(); en.hasMoreElements();) {
                ZipEntry e = en.nextElement();
                zo.putNextEntry(new ZipEntry(e.getName()));
                src.getInputStream(e).transferTo(zo);
                zo.closeEntry();
            }
            zo.putNextEntry(new ZipEntry(name));
            for (int i = 0; i < times; i++) {
                zo.write(content);
            }
            zo.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void hostile_ofds_write_nothing_outside_their_folder_and_leave_no_temporary_files() throws Exception {
        Path dictionaries = Files.createDirectories(dir.resolve("dictionaries"));
        Files.writeString(dictionaries.resolve("stability.txt"), "上访\n");
        byte[][] hostile = {
            ofdWith("../".repeat(8) + dir.toString().substring(1) + "/dictionaries/stability.txt", new byte[0], 1),
            ofdWith("../../../../evil-slip.txt", "x".getBytes(), 1),
            ofdWith(dir.resolve("evil-absolute.txt").toString(), "x".getBytes(), 1),
            ofdWith("Doc_0/Res/evil-bomb.bin", new byte[1 << 20], 300),
        };
        for (byte[] b : hostile) {
            JsonNode rep = upload("hostile.ofd", b);
            assertEquals("MANUAL_REVIEW", rep.get("route").asText(), reasons(rep));
            assertTrue(reasons(rep).contains("EXTRACTION_FAILED"), reasons(rep));
        }
        assertEquals("上访\n", Files.readString(dictionaries.resolve("stability.txt")));
        try (Stream<Path> s = Files.walk(dir)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith("evil")).toList());
        }
        try (Stream<Path> s = Files.walk(dir.resolve("data").resolve("extract-tmp"))) {
            assertEquals(List.of(), s.filter(Files::isRegularFile).toList(), "temporary files left behind");
        }
        assertHealthy();
    }

    @Test
    void the_report_says_which_pictures_were_read_and_which_not() throws Exception {
        JsonNode r = upload("picture.docx", Files.readAllBytes(TestEnv.fixtures().resolve("hiding-places").resolve("picture.docx")));
        JsonNode images = r.get("images");
        assertEquals(1, images.size(), r.toString());
        assertTrue(images.get(0).get("source").asText().contains("image1.png"), images.toString());
        String status = images.get(0).get("status").asText();
        assertTrue(status.equals("READ") || status.equals("UNREAD"), images.toString());
        if (status.equals("UNREAD")) {
            assertEquals("MANUAL_REVIEW", r.get("route").asText(), "a picture not read is a gap");
        } else {
            assertTrue(reasons(r).contains("ID_NUMBER"), reasons(r));
        }
        JsonNode alt = upload("alt-text.docx", Files.readAllBytes(TestEnv.fixtures().resolve("hiding-places").resolve("alt-text.docx")));
        assertEquals("TOO_SMALL", alt.get("images").get(0).get("status").asText(), alt.get("images").toString());
    }

    @Test
    void a_document_that_exhausts_memory_and_one_that_never_ends_each_cost_one_document() throws Exception {
        JsonNode huge = upload("huge.docx", Files.readAllBytes(HostileDocuments.hugeParagraphDocx(dir.resolve("huge.docx"), 4_900_000)));
        assertEquals("MANUAL_REVIEW", huge.get("route").asText());
        assertTrue(reasons(huge).contains("内存"), reasons(huge));
        JsonNode endless = upload("endless.pdf", Files.readAllBytes(HostileDocuments.endlessPdf(dir.resolve("endless.pdf"))));
        assertEquals("MANUAL_REVIEW", endless.get("route").asText());
        assertTrue(reasons(endless).contains("超时"), reasons(endless));
        assertHealthy();
    }
}
