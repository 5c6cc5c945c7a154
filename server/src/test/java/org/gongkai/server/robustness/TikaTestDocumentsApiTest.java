package org.gongkai.server.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.gongkai.server.App;
import org.gongkai.server.HttpApi;
import org.gongkai.server.TestAccounts;
import org.gongkai.server.TestEnv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second hostile sweep: Apache Tika's own test documents (the {@code tests} jars of tika-parser-microsoft-module
 * and tika-parser-pdf-module from Maven Central: Word, RTF and PDF files with embedded objects, pictures, forms,
 * encryption, and spreadsheets, slides, mail and other files the server refuses) are uploaded to a running server.
 * Each gets a report (reaching CHECKED) or a clean 4xx, never a 5xx, and the server stays up.
 */
class TikaTestDocumentsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Map<String, byte[]> documents() throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String probe : new String[] {"test-documents/EmbeddedDocument.docx", "test-documents/testPDF.pdf"}) {
            URL u = TikaTestDocumentsApiTest.class.getClassLoader().getResource(probe);
            if (u == null || !(u.openConnection() instanceof JarURLConnection c)) {
                continue;
            }
            try (JarFile jar = new JarFile(Path.of(c.getJarFileURL().toURI()).toFile())) {
                for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
                    if (e.getName().startsWith("test-documents/") && !e.isDirectory() && e.getSize() < 20_000_000) {
                        out.put(e.getName(), jar.getInputStream(e).readAllBytes());
                    }
                }
            }
        }
        return out;
    }

    @Test
    void every_tika_test_document_gets_a_report_or_a_clean_4xx_and_the_server_stays_up() throws Exception {
        Map<String, byte[]> docs = documents();
        assertTrue(docs.size() > 300, "Tika test documents found: " + docs.size());
        try (App app = App.create(TestAccounts.config(dir.resolve("data"))).start()) {
            HttpApi api = new HttpApi(app.port());
            Map<String, Integer> outcomes = new TreeMap<>();
            List<String> accepted = new ArrayList<>();
            for (var d : docs.entrySet()) {
                String name = d.getKey().substring(d.getKey().lastIndexOf('/') + 1);
                HttpResponse<String> r = api.upload(name, d.getValue());
                assertTrue(r.statusCode() < 500, name + " → " + r.statusCode() + " " + r.body());
                if (r.statusCode() == 202) {
                    accepted.add(JSON.readTree(r.body()).get("id").asText());
                } else {
                    assertTrue(JSON.readTree(r.body()).has("error"), r.body());
                    outcomes.merge("HTTP " + r.statusCode(), 1, Integer::sum);
                }
            }
            for (String id : accepted) {
                outcomes.merge(api.awaitChecked(id, 300).get("route").asText(), 1, Integer::sum);
            }
            String summary = "tika test documents: " + docs.size() + " files → " + outcomes;
            System.out.println(summary);
            Files.writeString(TestEnv.root().resolve("server").resolve("target").resolve("tika-test-documents-outcomes.txt"), summary + "\n");
            assertEquals(200, api.get("/api/v1/health").statusCode());
            assertEquals(docs.size(), outcomes.values().stream().mapToInt(Integer::intValue).sum());
        }
    }
}
