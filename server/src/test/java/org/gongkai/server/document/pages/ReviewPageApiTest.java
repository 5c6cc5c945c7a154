package org.gongkai.server.document.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.gongkai.server.App;
import org.gongkai.server.TestAccounts;
import org.gongkai.server.TestEnv;
import org.gongkai.server.auth.Actor.Role;
import org.gongkai.server.document.DocumentApiTest;
import org.gongkai.server.render.pages.ReviewPdfs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review page's endpoints through the real server (accounts, access guard, workers, H2) on real files: the text
 * view, the original download, PDF page images with the findings boxed, and the redaction preview. One server for
 * the class; every file is uploaded and checked once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewPageApiTest {
    private static final ObjectMapper JSON = App.objectMapper();

    private App app;
    private HttpClient client;
    private String drafter;
    private String otherDrafter;
    private String reviewer;
    private String approver;
    private String auditor;
    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, byte[]> files = new HashMap<>();

    @BeforeAll
    void start(@TempDir Path data) throws Exception {
        app = App.create(TestAccounts.config(data)).startProcessing();
        app.javalin().start("127.0.0.1", 0);
        client = new HttpClient(app.javalin(), new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(120)).build());
        drafter = TestAccounts.token(client, "fin.drafter", "财政局", Role.DRAFTER);
        otherDrafter = TestAccounts.token(client, "edu.drafter", "教育局", Role.DRAFTER);
        reviewer = TestAccounts.token(client, "sec.reviewer", "保密办", Role.SECRECY_REVIEWER);
        approver = TestAccounts.token(client, "fin.approver", "财政局", Role.APPROVER);
        auditor = TestAccounts.token(client, "it.auditor", "信息中心", Role.AUDITOR);
        Path fx = TestEnv.fixtures();
        upload("penalty", "行政处罚决定书.pdf", Files.readAllBytes(fx.resolve("labelled/penalty-decision-02.pdf")));
        upload("html", "通知.html", Files.readAllBytes(fx.resolve("labelled/penalty-decision-02.pdf")));
        upload("roll", "roll-wrapped.pdf", Files.readAllBytes(fx.resolve("labelled/roll-wrapped.pdf")));
        upload("hidden", "hidden-tracked-comment.docx", Files.readAllBytes(fx.resolve("labelled/hidden-tracked-comment.docx")));
        upload("encrypted", "password-protected.pdf", Files.readAllBytes(fx.resolve("broken/password-protected.pdf")));
        upload("spaced", "letter-spaced.pdf", ReviewPdfs.letterSpaced());
        upload("rotated", "rotated.pdf", ReviewPdfs.rotated());
        upload("repeated", "repeated.pdf", ReviewPdfs.repeatedWithComment());
        upload("absurd", "absurd.pdf", ReviewPdfs.absurdPage());
        upload("garbage", "garbage.pdf", ReviewPdfs.garbage());
        StringBuilder lines = new StringBuilder("关于公布2022年度财政预算执行情况的通知\n");
        for (int i = 1; i <= 3000; i++) {
            lines.append("第").append(i).append("项 本年度预算执行情况良好，各项支出按计划进行。\n");
        }
        lines.append("2022年6月15日\n（此件主动公开）\n");
        upload("long", "long.txt", lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (String id : ids.values()) {
            DocumentApiTest.awaitChecked(client, drafter, id);
        }
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private void upload(String key, String name, byte[] bytes) throws Exception {
        Response r = DocumentApiTest.upload(client, drafter, name, bytes);
        assertEquals(202, r.code(), name);
        ids.put(key, TestAccounts.read(r).get("id").asText());
        files.put(key, bytes);
    }

    private Response get(String token, String path) {
        return client.request(path, TestAccounts.bearer(token));
    }

    private Response post(String token, String path, Object body) {
        return client.request(path, TestAccounts.bearer(token).andThen(b -> b.post(TestAccounts.json(body))));
    }

    private JsonNode json(String token, String path) throws Exception {
        Response r = get(token, path);
        String body = r.body().string();
        assertEquals(200, r.code(), path + " " + body);
        return JSON.readTree(body);
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    private JsonNode finding(String key, Predicate<JsonNode> which) throws Exception {
        for (JsonNode f : json(drafter, "/api/v1/documents/" + ids.get(key) + "/text").get("findings")) {
            if (which.test(f)) {
                return f;
            }
        }
        throw new AssertionError("no such finding in " + key);
    }

    private static Predicate<JsonNode> category(String c) {
        return f -> f.get("category").asText().equals(c);
    }

    // ---- text view ----

    @Test
    void text_view_is_the_stored_text_with_every_finding_at_its_offsets() throws Exception {
        JsonNode v = json(drafter, "/api/v1/documents/" + ids.get("penalty") + "/text");
        assertTrue(v.get("checked").asBoolean());
        assertEquals("pdf", v.get("extractor").asText());
        assertTrue(v.get("pageCount").asInt() >= 1);
        StringBuilder joined = new StringBuilder();
        for (JsonNode b : v.get("blocks")) {
            if (joined.length() > 0) {
                joined.append('\n');
            }
            assertEquals(joined.length(), b.get("start").asInt(), "blocks are joined by one newline");
            joined.append(b.get("text").asText());
            assertEquals(joined.length(), b.get("end").asInt());
        }
        assertEquals(v.get("length").asInt(), joined.length());
        int placed = 0;
        for (JsonNode f : v.get("findings")) {
            if (f.get("block").isNull()) {
                assertEquals(f.get("start").asInt(), f.get("end").asInt(), "only a finding without a passage has no block: " + f);
                continue;
            }
            placed++;
            assertEquals(f.get("text").asText(), joined.substring(f.get("start").asInt(), f.get("end").asInt()), f.toString());
            JsonNode block = v.get("blocks").get(f.get("block").asInt());
            assertTrue(block.get("start").asInt() <= f.get("start").asInt() && f.get("start").asInt() < block.get("end").asInt());
            assertEquals(block.get("tab").asText(), f.get("tab").asText());
        }
        assertTrue(placed >= 3, "ID number, name, address and phone are placed: " + placed);
        assertTrue(v.get("pageImages").get("available").asBoolean());
        assertEquals("/api/v1/documents/" + ids.get("penalty") + "/pages/1", v.get("pageImages").get("first").asText());
        assertEquals(9, v.get("tabs").size());
        assertTrue(v.get("parts").get("BODY").asInt() > 0);
    }

    @Test
    void hidden_parts_stand_in_their_own_tabs_and_the_drafter_of_the_department_sees_them() throws Exception {
        JsonNode v = json(drafter, "/api/v1/documents/" + ids.get("hidden") + "/text");
        Map<String, JsonNode> tabs = new HashMap<>();
        v.get("tabs").forEach(t -> tabs.put(t.get("key").asText(), t));
        for (String t : List.of("COMMENT", "TRACKED_CHANGES", "HIDDEN", "METADATA")) {
            assertTrue(tabs.get(t).get("blocks").asInt() > 0, t + ": " + tabs.get(t));
            assertTrue(tabs.get(t).get("hidden").asBoolean(), t);
        }
        assertFalse(tabs.get("BODY").get("hidden").asBoolean());
        List<String> hiddenTexts = new ArrayList<>();
        for (JsonNode b : v.get("blocks")) {
            if (tabs.get(b.get("tab").asText()).get("hidden").asBoolean()) {
                hiddenTexts.add(b.get("text").asText());
            }
        }
        assertTrue(hiddenTexts.stream().anyMatch(t -> t.contains("13812345678")), "the tracked deletion with the phone number: " + hiddenTexts);
        int hiddenFindings = 0;
        for (JsonNode f : v.get("findings")) {
            if (f.get("category").asText().equals("HIDDEN_CONTENT")) {
                hiddenFindings++;
                assertTrue(tabs.get(f.get("tab").asText()).get("hidden").asBoolean(), f.toString());
            }
        }
        assertTrue(hiddenFindings >= 4, "comment, deletion, hidden run and author: " + hiddenFindings);
        assertFalse(v.get("pageImages").get("available").asBoolean());
        assertTrue(v.get("pageImages").get("reason").asText().contains("PDF"));
    }

    @Test
    void a_large_text_is_read_a_window_at_a_time_with_every_finding_in_each_answer() throws Exception {
        String base = "/api/v1/documents/" + ids.get("long") + "/text";
        JsonNode first = json(drafter, base + "?maxChars=1000");
        JsonNode w = first.get("window");
        assertEquals(0, w.get("from").asInt());
        assertTrue(w.get("to").asInt() < w.get("total").asInt(), w.toString());
        assertEquals(w.get("to").asInt(), w.get("next").asInt());
        int chars = 0;
        for (JsonNode b : first.get("blocks")) {
            chars += b.get("text").asText().length();
        }
        assertTrue(chars <= 1000, "at most maxChars: " + chars);
        JsonNode second = json(drafter, base + "?maxChars=1000&from=" + w.get("next").asInt());
        assertEquals(w.get("next").asInt(), second.get("blocks").get(0).get("index").asInt());
        assertEquals(first.get("findings").size(), second.get("findings").size(), "findings are all there in every window");
        JsonNode last = json(drafter, base + "?from=" + (w.get("total").asInt() - 1));
        assertTrue(last.get("window").get("next").isNull());
        DocumentApiTest.assertError(get(drafter, base + "?maxChars=lots"), 400, "BAD_MAXCHARS");
        DocumentApiTest.assertError(get(drafter, base + "?from=-1"), 400, "BAD_FROM");
    }

    // ---- original ----

    @Test
    void the_original_downloads_as_an_attachment_with_a_safe_name_and_its_own_type() throws Exception {
        Response r = get(drafter, "/api/v1/documents/" + ids.get("penalty") + "/original");
        assertEquals(200, r.code());
        assertEquals("application/pdf", r.header("Content-Type"), "no charset on the file's own bytes");
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
        String cd = r.header("Content-Disposition");
        assertTrue(cd.startsWith("attachment;"), cd);
        assertTrue(cd.contains("filename*=UTF-8''%E8%A1%8C%E6%94%BF%E5%A4%84%E7%BD%9A%E5%86%B3%E5%AE%9A%E4%B9%A6.pdf"), cd);
        String ascii = cd.substring(cd.indexOf("filename=\"") + 10, cd.indexOf('"', cd.indexOf("filename=\"") + 10));
        assertTrue(ascii.chars().allMatch(c -> c >= 0x20 && c < 0x7f) && ascii.endsWith(".pdf"), ascii);
        assertTrue(java.util.Arrays.equals(files.get("penalty"), r.body().bytes()), "the stored bytes, unchanged");

        Response html = get(drafter, "/api/v1/documents/" + ids.get("html") + "/original");
        assertEquals("application/pdf", html.header("Content-Type").split(";")[0]);
        assertTrue(html.header("Content-Disposition").contains("%E9%80%9A%E7%9F%A5.html.pdf"), "a PDF is never saved as .html: "
                + html.header("Content-Disposition"));
        assertTrue(html.header("Content-Security-Policy").contains("sandbox"));
    }

    @Test
    void opening_the_text_the_original_or_the_pages_is_in_the_security_audit() throws Exception {
        String id = ids.get("roll");
        get(reviewer, "/api/v1/documents/" + id + "/text").close();
        get(reviewer, "/api/v1/documents/" + id + "/original").close();
        get(reviewer, "/api/v1/documents/" + id + "/pages/1").close();
        get(reviewer, "/api/v1/documents/" + id + "/pages/1").close();
        JsonNode audit = json(auditor, "/api/v1/audit/security?action=DOCUMENT_OPENED&actor=sec.reviewer&limit=500");
        List<String> details = new ArrayList<>();
        for (JsonNode e : audit.findValues("detail").isEmpty() ? List.<JsonNode>of() : audit.findParents("detail")) {
            if (e.get("target").asText().equals(id)) {
                details.add(e.get("detail").asText());
            }
        }
        assertTrue(details.stream().anyMatch(d -> d.startsWith("查看全文") && d.contains("ID_NUMBER")), details.toString());
        assertTrue(details.stream().anyMatch(d -> d.startsWith("下载原件")), details.toString());
        assertEquals(1, details.stream().filter(d -> d.startsWith("查看页面图像")).count(), "page images once per ten minutes: " + details);
    }

    @Test
    void another_departments_drafter_is_told_the_document_does_not_exist() throws Exception {
        String id = ids.get("penalty");
        for (String path : List.of("/text", "/original", "/pages/1", "/pages/1/boxes")) {
            DocumentApiTest.assertError(get(otherDrafter, "/api/v1/documents/" + id + path), 404, "NOT_FOUND");
        }
        DocumentApiTest.assertError(post(otherDrafter, "/api/v1/documents/" + id + "/redaction-preview", Map.of("findings", List.of("x"))),
                404, "NOT_FOUND");
    }

    // ---- page images and boxes ----

    @Test
    void a_page_image_is_a_png_of_the_page_rendered_once_per_resolution() throws Exception {
        String id = ids.get("penalty");
        Response r = get(reviewer, "/api/v1/documents/" + id + "/pages/1");
        assertEquals(200, r.code());
        assertEquals("image/png", r.header("Content-Type"));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body().bytes()));
        assertEquals(992, img.getWidth(), 2, "A4 at 120 dpi");
        assertEquals(1403, img.getHeight(), 2);
        Path dataDir = app.config().dataDir();
        try (var walk = Files.walk(dataDir)) {
            assertTrue(Files.isRegularFile(dataDir.resolve("pages").resolve(id).resolve("p1-120dpi.png")), "cached under the data folder: "
                    + walk.filter(f -> f.toString().contains("pages")).toList());
        }
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(get(reviewer, "/api/v1/documents/" + id + "/pages/1?dpi=70").body().bytes()));
        assertEquals(595, small.getWidth(), 2, "snapped to 72 dpi");
    }

    @Test
    void boxes_lie_over_the_glyphs_of_full_width_and_line_wrapped_numbers() throws Exception {
        int checked = assertBoxesSpellFindings("penalty", List.of("ID_NUMBER", "PHONE_NUMBER", "PERSON_NAME"));
        assertTrue(checked >= 3, "ID, phone and name boxed: " + checked);
    }

    @Test
    void table_cell_id_numbers_are_boxed_over_every_line_of_their_cell() throws Exception {
        assertBoxesSpellFindings("roll", List.of("ID_NUMBER"));
        JsonNode boxes = json(reviewer, "/api/v1/documents/" + ids.get("roll") + "/pages/1/boxes");
        int ids = 0;
        for (JsonNode b : boxes.get("boxes")) {
            if (b.get("category").asText().equals("ID_NUMBER")) {
                ids++;
                assertEquals(3, b.get("rects").size(), "37020219 / 88111166 / 18: one rectangle per line of the cell: " + b);
                assertTrue(b.get("certain").asBoolean());
            }
        }
        assertEquals(2, ids);
    }

    @Test
    void letter_spaced_text_is_boxed_whether_spaced_by_characters_or_by_character_spacing() throws Exception {
        assertBoxesSpellFindings("spaced", List.of("ID_NUMBER"));
        List<String> found = new ArrayList<>();
        json(drafter, "/api/v1/documents/" + ids.get("spaced") + "/text").get("findings").forEach(f -> {
            if (f.get("category").asText().equals("ID_NUMBER")) {
                found.add(fold(f.get("text").asText()));
            }
        });
        assertTrue(found.contains(ReviewPdfs.SPACED_ID) && found.contains(ReviewPdfs.TC_ID), found.toString());
    }

    @Test
    void the_same_number_twice_on_a_page_is_one_finding_boxed_at_both_places_and_a_comment_is_boxed_on_its_note() throws Exception {
        String id = ids.get("repeated");
        JsonNode boxes = json(reviewer, "/api/v1/documents/" + id + "/pages/1/boxes");
        List<JsonNode> numbers = new ArrayList<>();
        JsonNode comment = null;
        for (JsonNode b : boxes.get("boxes")) {
            if (b.get("category").asText().equals("ID_NUMBER") && b.get("part").asText().equals("BODY")) {
                numbers.add(b);
            }
            comment = b.get("part").asText().equals("COMMENT") ? b : comment;
        }
        // repeats of one value are one finding (the pipeline folds them), and redaction removes every place of it
        assertEquals(1, numbers.size(), boxes.toString());
        JsonNode rects = numbers.get(0).get("rects");
        assertEquals(2, rects.size(), numbers.toString());
        assertTrue(rects.get(0).get("y").asDouble() < rects.get(1).get("y").asDouble(), "one box on the first line, one on the next: " + numbers);
        assertTrue(numbers.get(0).get("certain").asBoolean(), "two in the text, two on the page: " + numbers);
        assertBoxesSpellFindings("repeated", List.of("ID_NUMBER"));
        assertNotNull(comment, "the sticky note's text is a finding: " + boxes);
        assertEquals("ANNOTATION", comment.get("how").asText());
        JsonNode r = comment.get("rects").get(0);
        assertEquals(480 / 595.276, r.get("x").asDouble(), 0.002);
        assertEquals((841.89 - 620) / 841.89, r.get("y").asDouble(), 0.002);
    }

    @Test
    void a_rotated_page_is_boxed_where_the_text_is_drawn() throws Exception {
        // read as the drafter: the geometry is the point, and the route this draft takes decides which reviewer may see it
        String id = ids.get("rotated");
        JsonNode boxes = json(drafter, "/api/v1/documents/" + id + "/pages/1/boxes");
        assertEquals(90, boxes.get("rotation").asInt());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(get(drafter, "/api/v1/documents/" + id + "/pages/1").body().bytes()));
        assertTrue(img.getWidth() > img.getHeight(), "a quarter-turned A4 page is landscape");
        JsonNode idBox = null;
        for (JsonNode b : boxes.get("boxes")) {
            idBox = b.get("category").asText().equals("ID_NUMBER") ? b : idBox;
        }
        assertNotNull(idBox, boxes.toString());
        assertEquals("GLYPHS", idBox.get("how").asText());
        JsonNode r = idBox.get("rects").get(0);
        assertTrue(r.get("h").asDouble() * img.getHeight() > 3 * r.get("w").asDouble() * img.getWidth(), "the number runs down the turned page: " + r);
        assertTrue(ink(img, r) > 0.08, "the box holds the number's ink: " + ink(img, r));
    }

    /** Checks each finding of the categories on its page: boxed on glyphs, and PDFBox's own positions under the boxes spell its text. */
    private int assertBoxesSpellFindings(String key, List<String> categories) throws Exception {
        String id = ids.get(key);
        int checked = 0;
        Map<Integer, JsonNode> pages = new HashMap<>();
        for (JsonNode f : json(drafter, "/api/v1/documents/" + id + "/text").get("findings")) {
            if (!categories.contains(f.get("category").asText()) || f.get("page").isNull()) {
                continue;
            }
            int page = f.get("page").asInt();
            JsonNode boxes = pages.computeIfAbsent(page, p -> {
                try {
                    return json(reviewer, "/api/v1/documents/" + id + "/pages/" + p + "/boxes");
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            JsonNode box = null;
            for (JsonNode b : boxes.get("boxes")) {
                box = b.get("findingId").asText().equals(f.get("id").asText()) ? b : box;
            }
            assertNotNull(box, "every finding of the page has an entry: " + f);
            assertEquals("GLYPHS", box.get("how").asText(), box.toString());
            GlyphsUnder under = new GlyphsUnder(files.get(key), page);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(get(reviewer, "/api/v1/documents/" + id + "/pages/" + page).body().bytes()));
            StringBuilder spelled = new StringBuilder();
            for (JsonNode r : box.get("rects")) {
                spelled.append(under.under(r.get("x").asDouble(), r.get("y").asDouble(), r.get("w").asDouble(), r.get("h").asDouble()));
                assertTrue(ink(img, r) > 0.05, "ink under " + r + ": " + ink(img, r));
                assertTrue(r.get("h").asDouble() < 0.03, "one line high: " + r);
            }
            // a value standing several times on the page is boxed at each place: its text once per place
            String one = fold(f.get("text").asText());
            assertEquals(one.repeat(Math.max(1, fold(spelled.toString()).length() / Math.max(1, one.length()))), fold(spelled.toString()),
                    "the glyphs under the boxes are the finding's: " + box);
            checked++;
        }
        return checked;
    }

    /** The share of dark pixels inside a rectangle of the page image. */
    private static double ink(BufferedImage img, JsonNode r) {
        int x0 = (int) (r.get("x").asDouble() * img.getWidth());
        int y0 = (int) (r.get("y").asDouble() * img.getHeight());
        int x1 = (int) Math.ceil((r.get("x").asDouble() + r.get("w").asDouble()) * img.getWidth());
        int y1 = (int) Math.ceil((r.get("y").asDouble() + r.get("h").asDouble()) * img.getHeight());
        int dark = 0;
        int all = 0;
        for (int y = Math.max(0, y0); y < Math.min(img.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(img.getWidth(), x1); x++) {
                int rgb = img.getRGB(x, y);
                int luma = (((rgb >> 16) & 0xff) * 3 + ((rgb >> 8) & 0xff) * 6 + (rgb & 0xff)) / 10;
                dark += luma < 128 ? 1 : 0;
                all++;
            }
        }
        return all == 0 ? 0 : (double) dark / all;
    }

    @Test
    void hostile_or_unrenderable_files_get_a_clean_4xx_with_the_reason() throws Exception {
        for (String p : List.of("/pages/1", "/pages/1/boxes")) {
            DocumentApiTest.assertError(get(reviewer, "/api/v1/documents/" + ids.get("encrypted") + p), 422, "PDF_ENCRYPTED");
            DocumentApiTest.assertError(get(reviewer, "/api/v1/documents/" + ids.get("garbage") + p), 422, "PDF_UNREADABLE");
            DocumentApiTest.assertError(get(drafter, "/api/v1/documents/" + ids.get("absurd") + p), 422, "PAGE_SIZE");
            DocumentApiTest.assertError(get(drafter, "/api/v1/documents/" + ids.get("hidden") + p), 409, "PAGES_PDF_ONLY");
        }
        String penalty = "/api/v1/documents/" + ids.get("penalty");
        DocumentApiTest.assertError(get(drafter, penalty + "/pages/99"), 404, "NO_SUCH_PAGE");
        DocumentApiTest.assertError(get(drafter, penalty + "/pages/0"), 400, "BAD_PAGE");
        DocumentApiTest.assertError(get(drafter, penalty + "/pages/first"), 400, "BAD_PAGE");
        DocumentApiTest.assertError(get(drafter, penalty + "/pages/1?dpi=high"), 400, "BAD_DPI");
        JsonNode text = json(reviewer, "/api/v1/documents/" + ids.get("garbage") + "/text");
        assertTrue(text.get("checked").asBoolean() && text.get("blocks").isEmpty() && !text.get("complete").asBoolean(),
                "an unreadable file has no text, and says so: " + text);
        assertTrue(text.get("findings").toString().contains("EXTRACTION_FAILED") || text.get("findings").toString().contains("NO_TEXT"));
    }

    // ---- redaction preview ----

    @Test
    void the_redaction_preview_removes_the_chosen_findings_keeps_the_rest_and_records_nothing() throws Exception {
        String id = ids.get("penalty");
        JsonNode idNumber = finding("penalty", category("ID_NUMBER"));
        JsonNode name = finding("penalty", category("PERSON_NAME"));
        String versionBefore = json(reviewer, "/api/v1/documents/" + id + "/review").get("version").asText();
        String url = "/api/v1/documents/" + id + "/redaction-preview";
        Map<String, Object> body = Map.of("findings", List.of(idNumber.get("id").asText()));

        Response r = post(reviewer, url, body);
        String s = r.body().string();
        assertEquals(200, r.code(), s);
        JsonNode p = JSON.readTree(s);
        String idText = fold(idNumber.get("text").asText());
        assertTrue(p.get("removed").findValues("text").stream().anyMatch(t -> fold(t.asText()).equals(idText)), s);
        assertFalse(fold(p.get("text").asText()).contains(idText), "the ID number is gone");
        assertTrue(p.get("removed").get(0).get("decidedAt").isNull(), "not decided yet: " + p.get("removed"));
        assertTrue(p.get("text").asText().contains("〔已删除〕"));
        assertTrue(p.get("text").asText().contains(name.get("text").asText()), "a finding not chosen stays");
        assertTrue(p.get("text").asText().contains("行政处罚决定书"), "the rest of the text stays");

        byte[] pdf = bytes(post(reviewer, url + "?format=pdf", body), "application/pdf");
        try (PDDocument d = Loader.loadPDF(pdf)) {
            String t = new PDFTextStripper().getText(d);
            assertFalse(fold(t).contains(idText), "the ID number is not in the preview PDF");
            assertTrue(t.contains("删除预览稿") && t.contains(name.get("text").asText()) && t.contains("〔已删除〕"), t);
        }
        byte[] docx = bytes(post(reviewer, url + "?format=docx", body), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor x = new XWPFWordExtractor(d)) {
            String t = x.getText();
            assertFalse(fold(t).contains(idText), "the ID number is not in the preview DOCX");
            assertTrue(t.contains("删除预览稿") && t.contains(name.get("text").asText()), t);
        }
        assertEquals(0, json(reviewer, "/api/v1/documents/" + id + "/redactions").get("redactions").size(), "a preview records no redaction");
        assertEquals(versionBefore, json(reviewer, "/api/v1/documents/" + id + "/review").get("version").asText(), "nor moves the item");
    }

    @Test
    void only_someone_who_may_decide_the_document_sees_its_redaction_preview() throws Exception {
        String url = "/api/v1/documents/" + ids.get("roll") + "/redaction-preview";
        String fid = finding("roll", category("ID_NUMBER")).get("id").asText();
        Map<String, Object> body = Map.of("findings", List.of(fid));
        DocumentApiTest.assertError(post(drafter, url, body), 403, "OWN_DOCUMENT");
        Response a = post(approver, url, body);
        assertTrue(a.code() == 403 || a.code() == 404, "an approver does not decide 区分处理审查: " + a.code());
        DocumentApiTest.assertError(post(auditor, url, body), 403, "FORBIDDEN");
        DocumentApiTest.assertError(post(reviewer, url, Map.of("findings", List.of())), 400, "BAD_FINDINGS");
        DocumentApiTest.assertError(post(reviewer, url, Map.of("findings", List.of("no-such-finding"))), 400, "UNKNOWN_FINDING");
        DocumentApiTest.assertError(post(reviewer, url, Map.of("ids", List.of(fid))), 400, "BAD_BODY");
        DocumentApiTest.assertError(post(reviewer, url + "?format=exe", body), 400, "BAD_FORMAT");
    }

    @Test
    void the_preview_is_what_the_redact_decision_then_publishes() throws Exception {
        String id = ids.get("spaced");
        JsonNode idNumber = finding("spaced", f -> f.get("category").asText().equals("ID_NUMBER") && fold(f.get("text").asText()).equals(ReviewPdfs.SPACED_ID));
        JsonNode preview = JSON.readTree(post(reviewer, "/api/v1/documents/" + id + "/redaction-preview",
                Map.of("findings", List.of(idNumber.get("id").asText()))).body().string());
        JsonNode item = json(reviewer, "/api/v1/documents/" + id + "/review");
        Response claim = post(reviewer, "/api/v1/queues/" + item.get("queue").asText() + "/claim", Map.of());
        assertEquals(200, claim.code(), claim.body().string());
        int version = json(reviewer, "/api/v1/documents/" + id + "/review").get("version").asInt();
        Response decided = post(reviewer, "/api/v1/documents/" + id + "/decisions", Map.of("action", "REDACT", "comment", "删除身份证号",
                "version", version, "findings", List.of(Map.of("id", idNumber.get("id").asText(), "verdict", "CONFIRMED"))));
        assertEquals(200, decided.code(), decided.body().string());
        JsonNode published = json(reviewer, "/api/v1/documents/" + id + "/redacted");
        assertEquals(texts(preview.get("removed")), texts(published.get("removed")), "the same passages are removed");
        assertNotEquals(0, texts(published.get("removed")).size());
    }

    private static List<String> texts(JsonNode removed) {
        List<String> out = new ArrayList<>();
        removed.forEach(r -> out.add(r.get("text").asText() + "@" + r.get("where").asText()));
        out.sort(null);
        return out;
    }

    private static byte[] bytes(Response r, String type) throws Exception {
        byte[] b = r.body().bytes();
        assertEquals(200, r.code(), new String(b, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(type, r.header("Content-Type"));
        return b;
    }
}
