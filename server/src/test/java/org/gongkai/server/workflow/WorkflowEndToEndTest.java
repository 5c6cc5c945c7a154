package org.gongkai.server.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.gongkai.server.App;
import org.gongkai.server.TestAccounts;
import org.gongkai.server.TestEnv;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.document.DocumentApiTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks real documents from upload through every route to its end state over the HTTP API of a real server
 * (H2, all plugins): returned with a printable notice and resubmitted; three-level publication; partial
 * disclosure with redacted DOCX/PDF copies; secrecy review ending in 登记; a registered document; manual
 * review of a broken file — with a concurrent-claim race and a stale-version 409 on the way.
 */
class WorkflowEndToEndTest {
    private static final ObjectMapper JSON = App.objectMapper();
    private static final Path LABELLED = TestEnv.fixtures().resolve("labelled");

    /** Where each reviewer of this test works: 科室负责人 and 经办人 act for their own department's documents only. */
    private static final Map<String, String> DEPARTMENTS = Map.of("nong.li", "县农业农村局", "zhang.san", "县农业农村局", "li.ke", "县农业农村局",
            "wang.ling", "县人民政府", "chen.bm", "县保密办", "a.reviewer", "县保密办", "b.reviewer", "县保密办");
    private final TestAccounts.Caller caller = new TestAccounts.Caller();
    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    @TempDir
    Path data;

    @Test
    void documents_travel_from_upload_through_every_route_to_their_end_state() throws Exception {
        try (App app = App.create(TestAccounts.config(data)).startProcessing()) {
            JavalinTest.test(app.javalin(), caller.config(), (server, c) -> {
                caller.as(tokenFor(c, "nong.li", "DRAFTER")); // the drafter who uploads every document here
                // ---- RETURNED: a draft without a disclosure annotation, its notice, and the fixed resubmission
                String draft = "江北县农业农村局\n关于开展秋季动物防疫工作的通知\n各乡镇人民政府：\n为做好秋季动物防疫工作，现将有关事项通知如下。\n"
                        + "一、各乡镇要按时完成免疫任务。\n江北县农业农村局\n2023年9月1日\n";
                String returned = checked(c, "防疫通知.txt", draft.getBytes(StandardCharsets.UTF_8), "department", "县农业农村局");
                JsonNode r1 = report(c, returned);
                assertEquals("RETURNED", r1.get("route").asText(), r1.toString());
                JsonNode notice = json(c.get("/api/v1/documents/" + returned + "/return-notice"));
                assertEquals("ATTRIBUTE_MISSING", notice.get("reasons").get(0).get("category").asText(), notice.toString());
                assertTrue(notice.get("reasons").get(0).get("basis").asText().contains("国办发〔2016〕80号"), notice.toString());
                assertTrue(notice.get("reasons").get(0).get("remedy").asText().contains("此件主动公开"), notice.toString());
                assertTrue(notice.get("noticeText").asText().startsWith("退回通知"));
                Response html = c.request("/api/v1/documents/" + returned + "/return-notice?format=html", b -> { });
                String page = html.body().string();
                assertEquals(200, html.code());
                assertTrue(html.header("Content-Type").startsWith("text/html"), html.header("Content-Type"));
                assertTrue(page.contains("<h1>退回通知</h1>") && page.contains("未标注公开属性") && page.contains("县农业农村局"), page);
                Response pdfNotice = c.request("/api/v1/documents/" + returned + "/return-notice", b -> b.header("Accept", "application/pdf"));
                if (pdfNotice.code() == 503) {
                    System.out.println("[skip] no CJK font installed: PDF notice not checked (" + pdfNotice.body().string() + ")");
                } else {
                    assertEquals(200, pdfNotice.code());
                    byte[] pdf = pdfNotice.body().bytes();
                    try (PDDocument d = Loader.loadPDF(pdf)) {
                        String text = new PDFTextStripper().getText(d);
                        assertTrue(text.contains("退回通知") && text.contains("未标注公开属性") && text.contains("国办发"), text);
                        for (org.apache.pdfbox.cos.COSName f : d.getPage(0).getResources().getFontNames()) {
                            PDFont font = d.getPage(0).getResources().getFont(f);
                            assertTrue(font.isEmbedded(), "Chinese font embedded: " + font.getName());
                        }
                    }
                }
                DocumentApiTest.assertError(c.request("/api/v1/documents/" + returned + "/return-notice?format=doc", b -> { }), 400, "BAD_FORMAT");

                String fixed = checked(c, "防疫通知-修改.txt", (draft + "（此件主动公开）\n").getBytes(StandardCharsets.UTF_8),
                        "department", "县农业农村局", "supersedes", returned);
                JsonNode r2 = report(c, fixed);
                assertEquals("PUBLICATION_REVIEW", r2.get("route").asText(), r2.toString());
                assertEquals(returned, r2.get("supersedes").asText());
                assertEquals("ATTRIBUTE_MISSING", r2.get("resubmission").get("fixed").get(0).get("category").asText(), r2.toString());
                assertEquals(0, r2.get("resubmission").get("remaining").size());
                DocumentApiTest.assertError(c.get("/api/v1/documents/" + fixed + "/return-notice"), 404, "NOT_FOUND");

                // ---- PUBLICATION_REVIEW: 经办人 → 科室负责人 → 分管领导 → published, with a stale version on the way
                JsonNode item = json(as(c, "zhang.san", "DRAFTER", "GET", "/api/v1/documents/" + fixed + "/review", null));
                assertEquals("PUBLICATION_REVIEW", item.get("queue").asText());
                int v = item.get("version").asInt();
                JsonNode step = decide(c, "zhang.san", "DRAFTER", fixed, "APPROVE", "经办人核对无误", v, null);
                assertEquals("SECTION_HEAD", step.get("stage").asText());
                Response stale = as(c, "li.ke", "APPROVER", "POST", "/api/v1/documents/" + fixed + "/decisions",
                        "{\"action\":\"APPROVE\",\"version\":" + v + "}");
                DocumentApiTest.assertError(stale, 409, null);
                step = decide(c, "li.ke", "APPROVER", fixed, "APPROVE", "同意", step.get("version").asInt(), null);
                DocumentApiTest.assertError(as(c, "li.ke", "APPROVER", "POST", "/api/v1/documents/" + fixed + "/decisions",
                        "{\"action\":\"APPROVE\",\"version\":" + step.get("version").asInt() + "}"), 403, "SAME_PERSON_TWO_LEVELS");
                String deputyLevel = "{\"action\":\"APPROVE\",\"version\":" + step.get("version").asInt() + "}";
                DocumentApiTest.assertError(c.request("/api/v1/documents/" + fixed + "/decisions", b -> b.post(RequestBody.create(deputyLevel,
                        MediaType.get("application/json")))), 403, null); // the drafter cannot approve their own document
                step = decide(c, "wang.ling", "APPROVER", fixed, "APPROVE", "同意发布", step.get("version").asInt(), null);
                assertEquals("CLOSED", step.get("state").asText());
                assertEquals("PUBLISHED", step.get("outcome").asText());

                // ---- DISCLOSURE_REVIEW: a penalty decision with personal data → REDACT → redacted DOCX and PDF
                String penalty = checked(c, "penalty-decision-01.docx", Files.readAllBytes(LABELLED.resolve("penalty-decision-01.docx")));
                JsonNode rp = report(c, penalty);
                assertEquals("DISCLOSURE_REVIEW", rp.get("route").asText(), rp.toString());
                List<Map<String, String>> verdicts = new ArrayList<>();
                List<String> removedTexts = new ArrayList<>();
                for (JsonNode f : rp.get("findings")) {
                    if (List.of("ID_NUMBER", "PHONE_NUMBER", "ADDRESS", "PERSON_NAME").contains(f.get("category").asText())) {
                        verdicts.add(Map.of("id", f.get("id").asText(), "verdict", "CONFIRMED"));
                        removedTexts.add(f.get("text").asText());
                    }
                }
                assertTrue(removedTexts.size() >= 3, rp.toString());
                JsonNode pi = json(as(c, "chen.bm", "SECRECY_REVIEWER", "GET", "/api/v1/documents/" + penalty + "/review", null));
                JsonNode redacted = decide(c, "chen.bm", "SECRECY_REVIEWER", penalty, "REDACT", "当事人个人信息不予公开（条例第十五条）",
                        pi.get("version").asInt(), verdicts);
                assertEquals("PUBLICATION_REVIEW", redacted.get("queue").asText(), redacted.toString());
                assertEquals("PARTIAL", redacted.get("attribute").asText());
                JsonNode list = json(c.get("/api/v1/documents/" + penalty + "/redacted"));
                assertTrue(list.get("removed").size() >= removedTexts.size(), list.toString());
                assertNoLeak(c, penalty, removedTexts, List.of("行政处罚决定书", "〔已删除〕"));

                // hidden content: comments, tracked deletions, hidden runs and author metadata never reach the copy
                String hidden = checked(c, "hidden-tracked-comment.docx", Files.readAllBytes(LABELLED.resolve("hidden-tracked-comment.docx")));
                JsonNode rh = report(c, hidden);
                List<Map<String, String>> hv = new ArrayList<>();
                for (JsonNode f : rh.get("findings")) {
                    if (f.get("category").asText().equals("PHONE_NUMBER")) {
                        hv.add(Map.of("id", f.get("id").asText(), "verdict", "CONFIRMED"));
                    }
                }
                JsonNode hi = json(as(c, "chen.bm", "SECRECY_REVIEWER", "GET", "/api/v1/documents/" + hidden + "/review", null));
                decide(c, "chen.bm", "SECRECY_REVIEWER", hidden, "REDACT", "删除联系人手机号", hi.get("version").asInt(), hv);
                JsonNode hl = json(c.get("/api/v1/documents/" + hidden + "/redacted"));
                assertTrue(hl.get("stripped").has("COMMENT") && hl.get("stripped").has("TRACKED_DELETION") && hl.get("stripped").has("HIDDEN")
                        && hl.get("stripped").has("METADATA"), hl.toString());
                assertNoLeak(c, hidden, List.of("13812345678", "此处数字需核实", "内部掌握", "李小红", "江北县住建委"), List.of("城镇燃气安全专项整治"));

                // ---- SECRECY_REVIEW: a document bearing a secrecy marking is registered, never published
                String secret = checked(c, "secret-marked.docx", Files.readAllBytes(LABELLED.resolve("secret-marked.docx")));
                assertEquals("SECRECY_REVIEW", report(c, secret).get("route").asText());
                JsonNode si = json(as(c, "chen.bm", "SECRECY_REVIEWER", "GET", "/api/v1/documents/" + secret + "/review", null));
                DocumentApiTest.assertError(as(c, "chen.bm", "SECRECY_REVIEWER", "POST", "/api/v1/documents/" + secret + "/decisions",
                        "{\"action\":\"REGISTER\",\"version\":" + si.get("version").asInt() + "}"), 400, null);
                JsonNode sd = decide(c, "chen.bm", "SECRECY_REVIEWER", secret, "REGISTER", "属国家秘密，依条例第十四条不予公开", si.get("version").asInt(), null);
                assertEquals("CLOSED", sd.get("state").asText());
                assertEquals("REGISTERED", sd.get("outcome").asText());

                // ---- REGISTERED: 依申请公开 with its reason → the document office files it
                String onRequest = checked(c, "attr-on-request-reason.docx", Files.readAllBytes(LABELLED.resolve("attr-on-request-reason.docx")),
                        "attribute", "ON_REQUEST", "reason", "涉及第三方合法权益，依条例第三十二条");
                assertEquals("REGISTERED", report(c, onRequest).get("route").asText());
                JsonNode oi = json(as(c, "wang.fang", "DOCUMENT_OFFICE", "GET", "/api/v1/documents/" + onRequest + "/review", null));
                JsonNode od = decide(c, "wang.fang", "DOCUMENT_OFFICE", onRequest, "APPROVE", "登记备案", oi.get("version").asInt(), null);
                assertEquals("CLOSED", od.get("state").asText());
                assertEquals("REGISTERED", od.get("outcome").asText());

                // ---- MANUAL_REVIEW: a broken file; two reviewers race for it, exactly one gets it
                String broken = checked(c, "truncated.docx", Files.readAllBytes(TestEnv.fixtures().resolve("broken").resolve("truncated.docx")));
                assertEquals("MANUAL_REVIEW", report(c, broken).get("route").asText());
                List<Integer> codes = race(c, "/api/v1/queues/MANUAL_REVIEW/claim", List.of("a.reviewer", "b.reviewer", "c.office"));
                assertEquals(1, codes.stream().filter(x -> x == 200).count(), codes.toString());
                assertEquals(2, codes.stream().filter(x -> x == 204).count(), codes.toString());
                JsonNode mi = json(as(c, "a.reviewer", "SECRECY_REVIEWER", "GET", "/api/v1/documents/" + broken + "/review", null));
                String holder = mi.get("claimant").asText();
                String other = holder.equals("a.reviewer") ? "b.reviewer" : "a.reviewer";
                DocumentApiTest.assertError(as(c, other, "SECRECY_REVIEWER", "POST", "/api/v1/documents/" + broken + "/decisions",
                        "{\"action\":\"RETURN\",\"comment\":\"文件损坏\",\"version\":" + mi.get("version").asInt() + "}"), 409, null);
                JsonNode md = decide(c, holder, holder.equals("c.office") ? "DOCUMENT_OFFICE" : "SECRECY_REVIEWER", broken, "RETURN",
                        "文件损坏无法读取，请重新导出后报送", mi.get("version").asInt(), null);
                assertEquals("CLOSED", md.get("state").asText());
                JsonNode mn = json(c.get("/api/v1/documents/" + broken + "/return-notice"));
                assertEquals(holder, mn.get("issuedBy").asText());
                assertTrue(mn.get("reviewerText").asText().contains("文件损坏无法读取"), mn.toString());

                // ---- every move is in the append-only history
                JsonNode hist = json(c.get("/api/v1/documents/" + penalty + "/history"));
                assertTrue(hist.toString().contains("REDACT"), hist.toString());
                assertEquals(200, c.get("/api/v1/health").code());
            });
        }
    }

    /** Downloads both redacted copies and reads them back: removed texts are gone, the rest is there. */
    private static void assertNoLeak(HttpClient c, String id, List<String> removed, List<String> kept) throws Exception {
        Response docx = c.request("/api/v1/documents/" + id + "/redacted?format=docx", b -> { });
        assertEquals(200, docx.code());
        String docxText;
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx.body().bytes())); XWPFWordExtractor x = new XWPFWordExtractor(d)) {
            docxText = x.getText() + d.getProperties().getCoreProperties().getCreator() + d.getProperties().getExtendedProperties().getCompany();
            assertTrue(d.getAllEmbeddedParts().isEmpty(), "no embedded objects");
        }
        check("DOCX", docxText, removed, kept);
        Response pdf = c.request("/api/v1/documents/" + id + "/redacted?format=pdf", b -> { });
        if (pdf.code() == 503) {
            Assumptions.abort("no CJK font installed: redacted PDF not checked");
        }
        assertEquals(200, pdf.code());
        try (PDDocument d = Loader.loadPDF(pdf.body().bytes())) {
            check("PDF", new PDFTextStripper().getText(d) + d.getDocumentInformation().getAuthor(), removed, kept);
        }
    }

    private static void check(String format, String text, List<String> removed, List<String> kept) {
        String flat = text.replaceAll("\\s+", "");
        for (String r : removed) {
            assertFalse(flat.contains(r.replaceAll("\\s+", "")), format + " still contains redacted «" + r + "»:\n" + text);
        }
        for (String k : kept) {
            assertTrue(flat.contains(k), format + " lost «" + k + "»:\n" + text);
        }
    }

    private List<Integer> race(HttpClient c, String path, List<String> users) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(users.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> fs = new ArrayList<>();
            for (String u : users) {
                String role = u.endsWith("office") ? "DOCUMENT_OFFICE" : "SECRECY_REVIEWER";
                tokenFor(c, u, role);
                Callable<Integer> call = () -> {
                    go.await();
                    try (Response r = as(c, u, role, "POST", path, null)) {
                        return r.code();
                    }
                };
                fs.add(pool.submit(call));
            }
            go.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : fs) {
                codes.add(f.get());
            }
            return codes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String checked(HttpClient c, String name, byte[] bytes, String... fields) throws Exception {
        Response r = DocumentApiTest.upload(c, name, bytes, fields);
        String body = r.body().string();
        assertEquals(202, r.code(), body);
        String id = JSON.readTree(body).get("id").asText();
        DocumentApiTest.awaitChecked(c, id);
        return id;
    }

    private static JsonNode report(HttpClient c, String id) throws Exception {
        return json(c.get("/api/v1/documents/" + id));
    }

    private JsonNode decide(HttpClient c, String user, String role, String id, String action, String comment, int version,
                                   List<Map<String, String>> findings) throws Exception {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("action", action);
        body.put("comment", comment);
        body.put("version", version);
        if (findings != null) {
            body.put("findings", findings);
        }
        Response r = as(c, user, role, "POST", "/api/v1/documents/" + id + "/decisions", JSON.writeValueAsString(body));
        String s = r.body().string();
        assertEquals(200, r.code(), action + " by " + user + ": " + s);
        return JSON.readTree(s);
    }

    /** An account of {@code role} for {@code user} (made once), and its bearer token. */
    private String tokenFor(HttpClient c, String user, String role) {
        return tokens.computeIfAbsent(user, u -> TestAccounts.token(c, u, DEPARTMENTS.getOrDefault(u, "县人民政府办公室"), Actor.Role.valueOf(role)));
    }

    private Response as(HttpClient c, String user, String role, String method, String path, String body) {
        String token = tokenFor(c, user, role);
        return c.request(path, b -> {
            b.header("Authorization", "Bearer " + token);
            if (method.equals("POST")) {
                b.post(RequestBody.create(body == null ? "" : body, MediaType.get("application/json")));
            }
        });
    }

    private static JsonNode json(Response r) throws Exception {
        String s = r.body().string();
        assertTrue(r.code() < 300, r.code() + " " + s);
        JsonNode n = JSON.readTree(s);
        assertNotNull(n);
        return n;
    }
}
