package org.gongkai.server.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.server.TestEnv;
import org.gongkai.server.cli.CheckCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fixtures/gongwen-pdf/}: one 公文 with a full GB/T 9704 版头 in four layouts (Word-like, letter-spaced, WPS's fixed
 * line grid where the large red 发文机关标志 overflows into the 发文字号's line, and the 版头 in a table), as DOCX and as the
 * PDF LibreOffice makes of it. The PDF must read like the DOCX: 份号, 密级★期限 and 紧急程度 lines whole, the marking
 * found, and 发文字号, title, issuer, date and 附注 the same.
 */
class GongwenPdfReadingOrderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> EXPECTED = Map.of("docNumber", "江北府发〔2024〕12号", "date", "2024年5月20日",
            "annotation", "（此件公开发布）");

    @TempDir
    Path dir;

    @Test
    void a_pdf_banner_reads_like_the_docx_it_was_made_from_in_every_layout() throws Exception {
        Path folder = TestEnv.fixtures().resolve("gongwen-pdf");
        List<String> files = new ArrayList<>();
        for (String layout : new String[] {"word", "word-spaced", "wps", "wps-table"}) {
            files.add(folder.resolve("banner-" + layout + ".docx").toString());
            files.add(folder.resolve("banner-" + layout + ".pdf").toString());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CheckCommand(TestEnv.config(dir.resolve("data")), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run(files, null, null);
        Map<String, JsonNode> reports = new LinkedHashMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            JsonNode r = JSON.readTree(line);
            reports.put(r.get("fileName").asText(), r);
        }
        List<String> wrong = new ArrayList<>();
        for (String layout : new String[] {"word", "word-spaced", "wps", "wps-table"}) {
            JsonNode docx = reports.get("banner-" + layout + ".docx");
            JsonNode pdf = reports.get("banner-" + layout + ".pdf");
            for (JsonNode r : new JsonNode[] {docx, pdf}) {
                String name = r.get("fileName").asText();
                EXPECTED.forEach((k, v) -> {
                    if (!v.equals(r.get("elements").path(k).asText(null))) {
                        wrong.add(name + " " + k + ": " + r.get("elements").path(k).asText(null));
                    }
                });
                List<String> markings = new ArrayList<>();
                r.get("findings").forEach(f -> {
                    if (f.get("category").asText().equals("SECRECY_MARKING")) {
                        markings.add(f.get("text").asText().replaceAll("\\s", ""));
                    }
                });
                if (!markings.contains("机密★1年")) {
                    wrong.add(name + " marking not found as its own line: " + markings);
                }
                if (!"SECRECY_REVIEW".equals(r.get("route").asText())) {
                    wrong.add(name + " route " + r.get("route").asText());
                }
            }
            for (String k : new String[] {"title", "issuer", "secrecy"}) {
                String d = docx.get("elements").path(k).asText(null);
                String p = pdf.get("elements").path(k).asText(null);
                if (d == null || !d.replaceAll("\\s", "").equals(p == null ? null : p.replaceAll("\\s", ""))) {
                    wrong.add(layout + " " + k + ": DOCX " + d + " but PDF " + p);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }
}
