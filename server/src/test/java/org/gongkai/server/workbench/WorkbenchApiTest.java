package org.gongkai.server.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench's endpoints over HTTP on one running server: my work, document lists and filtered search (never
 * wider than what the caller may open), the register and the annual tables with their exports, the word-list editor,
 * allow-list suggestions that never offer a person's name, and errors as pages for a browser.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchApiTest {
    @TempDir
    static Path work;
    static WorkbenchServer server;
    static String penalty;
    static String registered;
    static String unmarked;
    static final List<String> clean = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = new WorkbenchServer(work);
        server.account("li.ming", "李明", "县市场监管局", "DRAFTER");
        server.account("other.drafter", "钱多", "县教育局", "DRAFTER");
        server.account("zhao.min", "赵敏", "县政府办公室", "DOCUMENT_OFFICE");
        server.account("wang.jing", "王静", "县保密办", "SECRECY_REVIEWER");
        penalty = server.upload("li.ming", WorkbenchServer.fixture("penalty-decision-01.docx"), Map.of());
        registered = server.upload("li.ming", WorkbenchServer.fixture("attr-on-request-reason.docx"),
                Map.of("attribute", "ON_REQUEST", "reason", "内部工作安排，涉及活动场地安全方案"));
        unmarked = server.upload("li.ming", WorkbenchServer.fixture("attr-missing.docx"), Map.of());
        for (String f : List.of("notice-public-clean.docx", "notice-fullwidth-office.docx", "tongbao-commendation.docx")) {
            clean.add(server.upload("li.ming", WorkbenchServer.fixture(f), Map.of()));
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void my_work_lists_what_waits_for_me_and_never_my_own_uploads() {
        JsonNode reviewer = server.get("wang.jing", "/api/v1/work");
        assertTrue(ids(reviewer.get("waiting"), "item", "documentId").contains(penalty), reviewer.toString());
        JsonNode drafter = server.get("li.ming", "/api/v1/work");
        assertFalse(ids(drafter.get("waiting"), "item", "documentId").stream().anyMatch(i -> i.equals(penalty) || clean.contains(i)),
                "the drafter never sees their own uploads as work: " + drafter.get("waiting"));
        assertEquals(6, drafter.get("recent").size(), "their own recent documents, with their state");
        assertEquals("OPEN", drafter.get("recent").get(0).get("state").asText());
    }

    @Test
    void document_lists_show_only_what_the_caller_may_open_filtered_and_paged() {
        JsonNode mine = server.get("li.ming", "/api/v1/documents?limit=4");
        assertEquals(4, mine.get("items").size());
        assertTrue(mine.get("hasMore").asBoolean());
        JsonNode next = server.get("li.ming", "/api/v1/documents?limit=4&offset=4");
        assertEquals(2, next.get("items").size());
        assertFalse(next.get("hasMore").asBoolean());
        assertEquals(0, server.get("other.drafter", "/api/v1/documents").get("items").size(), "another department sees nothing");
        JsonNode routed = server.get("li.ming", "/api/v1/documents?route=DISCLOSURE_REVIEW");
        assertEquals(List.of(penalty), ids(routed.get("items"), null, "id"));
        assertEquals(400, server.call("GET", "/api/v1/documents?state=NOPE", "li.ming", null).statusCode());
        assertEquals(400, server.call("GET", "/api/v1/documents?from=2026-13-40", "li.ming", null).statusCode());
    }

    @Test
    void search_takes_filters_and_pages_and_keeps_to_what_the_caller_may_open() {
        JsonNode all = server.get("li.ming", "/api/v1/search?q=" + enc("通知") + "&limit=2");
        assertEquals(2, all.get("hits").size());
        assertTrue(all.get("hasMore").asBoolean(), all.toString());
        assertTrue(all.get("hits").get(0).get("document").get("department").asText().equals("县市场监管局"));
        JsonNode filtered = server.get("li.ming", "/api/v1/search?q=" + enc("行政处罚") + "&route=DISCLOSURE_REVIEW");
        assertEquals(List.of(penalty), ids(filtered.get("hits"), null, "id"));
        assertEquals(0, server.get("li.ming", "/api/v1/search?q=" + enc("行政处罚") + "&route=REGISTERED").get("hits").size());
        assertEquals(0, server.get("other.drafter", "/api/v1/search?q=" + enc("通知")).get("hits").size(), "another department finds nothing");
    }

    @Test
    void the_register_and_the_annual_tables_are_the_office_s_and_export_to_xlsx_and_csv() throws Exception {
        JsonNode pending = server.get("zhao.min", "/api/v1/register?pending=1");
        assertEquals(1, pending.get("total").asInt(), pending.toString());
        assertEquals(registered, pending.get("entries").get(0).get("documentId").asText());
        assertEquals("依申请公开", pending.get("entries").get(0).get("attributeName").asText());
        assertEquals(403, server.call("GET", "/api/v1/register", "li.ming", null).statusCode());
        HttpResponse<byte[]> xlsx = server.call("GET", "/api/v1/register?pending=1&format=xlsx", "zhao.min", null);
        assertEquals(200, xlsx.statusCode());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertTrue(wb.getSheetAt(0).getRow(4).getCell(1).getStringCellValue().contains("文化进万家"));
        }
        String csv = new String(server.call("GET", "/api/v1/register?pending=1&format=csv", "zhao.min", null).body(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF") && csv.contains("内部工作安排"), csv);

        JsonNode annual = server.get("zhao.min", "/api/v1/statistics/annual");
        assertEquals(6, annual.get("documents").asInt());
        assertEquals(4, annual.get("tables").size());
        assertEquals("一、公文公开属性认定情况", annual.get("tables").get(0).get("title").asText());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(server.call("GET", "/api/v1/statistics/annual?format=xlsx", "zhao.min", null).body()))) {
            assertEquals(4, wb.getNumberOfSheets());
        }
        assertEquals(400, server.call("GET", "/api/v1/statistics/annual?year=abc", "zhao.min", null).statusCode());
    }

    @Test
    void a_word_list_edit_is_validated_recorded_with_who_and_when_and_a_stale_edit_is_refused() throws Exception {
        String base = "/api/v1/lists/dictionary/stability.txt";
        JsonNode c = server.get("zhao.min", base);
        String version = c.get("version").asText();
        HttpResponse<byte[]> bad = server.call("PUT", base, "zhao.min", Map.of("version", version, "add", List.of("群体性冲突\t1.7")));
        assertEquals(400, bad.statusCode(), new String(bad.body(), StandardCharsets.UTF_8));
        assertTrue(new String(bad.body(), StandardCharsets.UTF_8).contains("权重"), "the problem is named");
        HttpResponse<byte[]> personal = server.call("PUT", base, "zhao.min", Map.of("version", version, "add", List.of("13912345678\t0.5")));
        assertEquals(400, personal.statusCode(), "no personal identifier goes into a word list");
        HttpResponse<byte[]> ok = server.call("PUT", base, "zhao.min", Map.of("version", version, "add", List.of("群体性冲突\t0.7"), "comment", "审查中遇到"));
        assertEquals(200, ok.statusCode(), new String(ok.body(), StandardCharsets.UTF_8));
        assertTrue(Files.readString(work.resolve("dictionaries/stability.txt")).contains("群体性冲突\t0.7\n"));
        assertEquals(409, server.call("PUT", base, "zhao.min", Map.of("version", version, "add", List.of("集会\t0.5"))).statusCode(),
                "an edit of a version that has changed since");
        assertEquals(403, server.call("PUT", base, "wang.jing", Map.of("version", version, "add", List.of("集会\t0.5"))).statusCode(),
                "reviewers read, the office edits");
        JsonNode history = server.get("wang.jing", base + "/history").get("changes");
        assertEquals("zhao.min", history.get(0).get("actor").asText());
        assertEquals("群体性冲突\t0.7", history.get(0).get("added").get(0).asText());
        assertEquals(404, server.call("GET", "/api/v1/lists/dictionary/..%2F..%2Fconfig%2Fqueues.properties", "zhao.min", null).statusCode());
        assertEquals(404, server.call("GET", "/api/v1/lists/rules/x.rules", "zhao.min", null).statusCode());
    }

    @Test
    void a_browser_gets_chinese_pages_for_errors_and_a_stranger_is_sent_to_sign_in() {
        HttpResponse<byte[]> page = server.call("GET", "/api/v1/documents/no-such-id", "li.ming", null, "Accept", "text/html,application/xhtml+xml");
        assertEquals(404, page.statusCode());
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!doctype html>") && html.contains("找不到"), html);
        HttpResponse<byte[]> api = server.call("GET", "/api/v1/documents/no-such-id", "li.ming", null);
        assertTrue(WorkbenchServer.json(api).has("error"), "scripts still get the contract's JSON");
        HttpResponse<byte[]> stranger = server.call("GET", "/documents/" + penalty, null, null);
        assertEquals(303, stranger.statusCode());
        assertTrue(stranger.headers().firstValue("Location").orElse("").startsWith("/login?next=%2Fdocuments%2F"));
        HttpResponse<byte[]> shell = server.call("GET", "/documents/" + penalty, "li.ming", null);
        assertTrue(new String(shell.body(), StandardCharsets.UTF_8).contains("data-page=\"document\""));
        assertFalse(new String(shell.body(), StandardCharsets.UTF_8).contains("行政处罚"), "the page shell holds no data");
    }

    @Test
    void the_return_notice_pdf_is_set_in_noto_serif_cjk_where_installed() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")),
                "fonts-noto-cjk not installed: the PDF falls back to a sans-serif font");
        HttpResponse<byte[]> pdf = server.call("GET", "/api/v1/documents/" + unmarked + "/return-notice?format=pdf", "li.ming", null);
        assertEquals(200, pdf.statusCode());
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            List<String> fonts = new ArrayList<>();
            for (org.apache.pdfbox.cos.COSName n : d.getPage(0).getResources().getFontNames()) {
                fonts.add(d.getPage(0).getResources().getFont(n).getName());
            }
            assertTrue(fonts.stream().anyMatch(f -> f.contains("NotoSerifCJKsc")), fonts.toString());
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(d);
            assertTrue(text.contains("退回通知"), "the text can be extracted: " + text);
        }
    }

    @Test
    @Order(Integer.MAX_VALUE) // decides on the penalty document: after the tests that read it waiting
    void a_name_dismissed_for_any_reason_but_not_a_name_is_never_suggested() {
        JsonNode review = server.get("wang.jing", "/api/v1/documents/" + penalty + "/review");
        JsonNode findings = server.get("wang.jing", "/api/v1/documents/" + penalty).get("findings");
        String name = null;
        for (JsonNode f : findings) {
            if (f.get("category").asText().equals("PERSON_NAME")) {
                name = f.get("id").asText();
            }
        }
        HttpResponse<byte[]> decided = server.call("POST", "/api/v1/documents/" + penalty + "/decisions", "wang.jing", Map.of("action", "APPROVE",
                "version", review.get("version").asInt(),
                "findings", List.of(Map.of("id", name, "verdict", "DISMISSED", "reason", "当事人为公职人员，依法公开"))));
        assertEquals(200, decided.statusCode(), new String(decided.body(), StandardCharsets.UTF_8));
        JsonNode s = server.get("wang.jing", "/api/v1/dictionaries/suggestions");
        assertFalse(s.toString().contains("王建国"), "a real person's name is never offered: " + s);
        JsonNode opinions = server.get("wang.jing", "/api/v1/documents/" + penalty + "/decisions");
        assertEquals("DISMISSED", opinions.get("verdicts").get(0).get("verdict").asText());
        assertEquals("王静", opinions.get("decisions").get(0).get("actorName").asText());
    }

    private static List<String> ids(JsonNode array, String inner, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add((inner == null ? n : n.get(inner)).get(field).asText()));
        return out;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
