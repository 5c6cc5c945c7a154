package org.gongkai.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gongkai.server.TestEnv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gongkai check}: JSON Lines, one report per file, and the contract's exit codes. */
class CheckCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(List<String> files, String attribute, String reason) {
        return new CheckCommand(TestEnv.config(dir.resolve("data")), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(files, attribute, reason);
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> l = new java.util.ArrayList<>();
        for (String s : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!s.isBlank()) {
                l.add(JSON.readTree(s));
            }
        }
        return l;
    }

    @Test
    void checked_files_print_one_report_each_and_exit_zero_even_with_findings() throws Exception {
        Path a = dir.resolve("a.txt");
        Files.writeString(a, "关于开展安全检查的通知\n各单位：\n请于6月底前完成自查。\n联系人：张伟，手机13912345678。\n县应急管理局\n2022年6月1日\n");
        Path b = dir.resolve("b.txt");
        Files.writeString(b, "关于调整办公时间的通知\n各科室：\n自7月1日起执行夏季作息时间。\n县政府办公室\n2022年6月20日\n（此件主动公开）\n");
        assertEquals(0, run(List.of(a.toString(), b.toString()), null, null), err.toString(StandardCharsets.UTF_8));
        List<JsonNode> reports = lines();
        assertEquals(2, reports.size());
        assertEquals("RETURNED", reports.get(0).get("route").asText(), "no annotation → returned");
        assertTrue(reports.get(0).get("findings").toString().contains("PHONE_NUMBER"));
        assertEquals("CHECKED", reports.get(1).get("status").asText());
        assertEquals("PUBLIC", reports.get(1).at("/attribute/detected").asText());
    }

    @Test
    void declared_attribute_and_reason_reach_the_check() throws Exception {
        Path a = dir.resolve("c.txt");
        Files.writeString(a, "关于拟提拔干部考察情况的报告\n县委组织部：\n现将考察情况报告如下。\n县教育局\n2022年5月6日\n（此件不予公开）\n");
        assertEquals(0, run(List.of(a.toString()), "NOT_PUBLIC", "内部人事管理信息"));
        JsonNode r = lines().get(0);
        assertEquals("NOT_PUBLIC", r.at("/attribute/declared").asText());
        assertEquals("REGISTERED", r.get("route").asText(), r.toPrettyString());
    }

    @Test
    void missing_or_unreadable_file_gives_exit_one_with_a_manual_review_report() throws Exception {
        Path junk = dir.resolve("junk.docx");
        Files.write(junk, new byte[] {0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5});
        assertEquals(1, run(List.of(dir.resolve("nope.pdf").toString(), junk.toString()), null, null));
        List<JsonNode> reports = lines();
        assertEquals(2, reports.size());
        for (JsonNode r : reports) {
            assertEquals("MANUAL_REVIEW", r.get("route").asText());
            assertTrue(r.get("findings").toString().contains("EXTRACTION_FAILED"), r.toString());
        }
    }

    @Test
    void bad_attribute_is_a_usage_error() {
        assertEquals(2, run(List.of("x.pdf"), "TOP_SECRET", null));
    }
}
