package org.gongkai.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import okhttp3.Response;
import org.gongkai.server.App;
import org.gongkai.server.TestAccounts;
import org.gongkai.server.TestEnv;
import org.gongkai.server.auth.Actor.Role;
import org.gongkai.server.document.DocumentApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Separation of duties and provenance over HTTP: nobody takes a flagged draft to PUBLISHED alone, whatever roles
 * they hold; the administrator decides nothing; a resubmission replaces only a returned document of the same
 * department, once; search and snippets show only what the caller may open; opening personal data is audited.
 */
class SeparationOfDutiesTest {
    private static final Path LABELLED = TestEnv.fixtures().resolve("labelled");
    private final TestAccounts.Caller caller = new TestAccounts.Caller();

    @TempDir
    Path data;

    private static String checked(HttpClient c, String token, String file, String... fields) throws Exception {
        Response r = DocumentApiTest.upload(c, token, file, Files.readAllBytes(LABELLED.resolve(file)), fields);
        String body = r.body().string();
        assertEquals(202, r.code(), body);
        String id = App.objectMapper().readTree(body).get("id").asText();
        DocumentApiTest.awaitChecked(c, token, id);
        return id;
    }

    private static JsonNode searchUntilFound(HttpClient c, String token, String q) throws Exception {
        JsonNode r = null;
        for (int i = 0; i < 50; i++) {
            r = TestAccounts.read(c.request("/api/v1/search?q=" + q, TestAccounts.bearer(token)));
            if (r.get("hits").size() > 0) {
                return r;
            }
            Thread.sleep(100);
        }
        return r;
    }

    private static Response decide(HttpClient c, String token, String id, String action, String comment) throws Exception {
        JsonNode item = TestAccounts.read(c.request("/api/v1/documents/" + id + "/review", TestAccounts.bearer(token)));
        return c.request("/api/v1/documents/" + id + "/decisions", TestAccounts.bearer(token).andThen(b -> b.post(TestAccounts.json(
                Map.of("action", action, "comment", comment == null ? "" : comment, "version", item.get("version").asInt())))));
    }

    @Test
    void one_person_holding_every_role_cannot_take_a_flagged_draft_to_published() throws Exception {
        try (App app = App.create(TestAccounts.config(data)).startProcessing()) {
            JavalinTest.test(app.javalin(), caller.config(), (server, c) -> {
                Role[] all = {Role.DRAFTER, Role.DOCUMENT_OFFICE, Role.SECRECY_REVIEWER, Role.APPROVER};
                String alone = TestAccounts.token(c, "du.yi", "民政局", all);
                String flagged = checked(c, alone, "petition-briefing-public.docx");
                assertEquals("SECRECY_REVIEW", TestAccounts.read(c.request("/api/v1/documents/" + flagged, TestAccounts.bearer(alone)))
                        .get("route").asText());
                assertEquals(204, c.request("/api/v1/queues/SECRECY_REVIEW/claim", TestAccounts.bearer(alone).andThen(b -> b.post(
                        TestAccounts.json(Map.of())))).code(), "the drafter is never handed their own document");
                DocumentApiTest.assertError(decide(c, alone, flagged, "APPROVE", "自审"), 403, "OWN_DOCUMENT");

                // a second person with every role may act at one level only
                String second = TestAccounts.token(c, "du.er", "民政局", all);
                assertEquals(200, decide(c, second, flagged, "APPROVE", "经审查可公开").code());
                DocumentApiTest.assertError(decide(c, second, flagged, "APPROVE", "再批一级"), 403, "SAME_PERSON_TWO_LEVELS");
                DocumentApiTest.assertError(c.request("/api/v1/documents/" + flagged + "/decisions", TestAccounts.bearer(TestAccounts.ADMIN_TOKEN)
                        .andThen(b -> b.post(TestAccounts.json(Map.of("action", "APPROVE", "version", 1))))), 403, "FORBIDDEN");

                // an unreadable document the same way
                String broken = DocumentApiTest.awaitChecked(c, alone, TestAccounts.read(DocumentApiTest.upload(c, alone, "truncated.docx",
                        Files.readAllBytes(TestEnv.fixtures().resolve("broken").resolve("truncated.docx")))).get("id").asText()).get("id").asText();
                DocumentApiTest.assertError(decide(c, alone, broken, "APPROVE", "自审"), 403, "OWN_DOCUMENT");
                JsonNode history = TestAccounts.read(c.request("/api/v1/documents/" + flagged + "/history", TestAccounts.bearer(second)));
                assertEquals("du.yi", history.get(0).get("actor").asText(), "the uploader is the signed-in account");
                assertEquals("民政局", TestAccounts.read(c.request("/api/v1/documents/" + flagged, TestAccounts.bearer(second)))
                        .get("department").asText(), "filed under the uploader's department");
            });
        }
    }

    @Test
    void a_resubmission_replaces_only_a_returned_document_of_the_same_department_once() throws Exception {
        try (App app = App.create(TestAccounts.config(data)).startProcessing()) {
            JavalinTest.test(app.javalin(), caller.config(), (server, c) -> {
                String mine = TestAccounts.token(c, "wei.yi", "农业农村局", Role.DRAFTER);
                String theirs = TestAccounts.token(c, "wei.er", "教育局", Role.DRAFTER);
                String returned = checked(c, mine, "attr-missing.docx");
                String clean = checked(c, mine, "notice-public-clean.docx");
                byte[] fixed = Files.readAllBytes(LABELLED.resolve("notice-public-clean.docx"));
                DocumentApiTest.assertError(DocumentApiTest.upload(c, theirs, "a.docx", fixed, "supersedes", returned), 400, "BAD_SUPERSEDES");
                DocumentApiTest.assertError(DocumentApiTest.upload(c, mine, "a.docx", fixed, "supersedes", clean), 409, "NOT_RETURNED");
                DocumentApiTest.assertError(DocumentApiTest.upload(c, mine, "a.docx", fixed, "department", "教育局"), 403, "NOT_YOUR_DEPARTMENT");
                assertEquals(202, DocumentApiTest.upload(c, mine, "a.docx", fixed, "supersedes", returned).code());
                DocumentApiTest.assertError(DocumentApiTest.upload(c, mine, "b.docx", "另一份".getBytes(StandardCharsets.UTF_8), "supersedes", returned),
                        409, "ALREADY_RESUBMITTED");
                JsonNode dup = TestAccounts.read(DocumentApiTest.upload(c, theirs, "same.docx", fixed));
                assertFalse(dup.has("duplicateOf"), "another department is not told an earlier document with the same bytes exists: " + dup);
            });
        }
    }

    @Test
    void search_and_snippets_show_hidden_text_to_reviewers_only_and_opening_personal_data_is_audited() throws Exception {
        try (App app = App.create(TestAccounts.config(data)).startProcessing()) {
            JavalinTest.test(app.javalin(), caller.config(), (server, c) -> {
                String drafter = TestAccounts.token(c, "jian.yi", "住建委", Role.DRAFTER);
                String reviewer = TestAccounts.token(c, "jian.shen", "保密办", Role.SECRECY_REVIEWER);
                String hidden = checked(c, drafter, "hidden-tracked-comment.docx");
                JsonNode forReviewer = searchUntilFound(c, reviewer, "此处数字需核实"); // the index follows within a second
                assertEquals(hidden, forReviewer.get("hits").get(0).get("id").asText(), forReviewer.toString());
                assertTrue(forReviewer.get("hits").get(0).get("snippet").asText().contains("隐藏内容"), forReviewer.toString());
                JsonNode forDrafter = TestAccounts.read(c.request("/api/v1/search?q=此处数字需核实", TestAccounts.bearer(drafter)));
                assertEquals(0, forDrafter.get("hits").size(), "a comment's text is not searched for a drafter: " + forDrafter);
                assertEquals(1, TestAccounts.read(c.request("/api/v1/search?q=城镇燃气安全专项整治", TestAccounts.bearer(drafter))).get("hits").size());

                String penalty = checked(c, drafter, "penalty-decision-01.docx");
                assertEquals(200, c.request("/api/v1/documents/" + penalty, TestAccounts.bearer(reviewer)).code());
                String auditor = TestAccounts.token(c, "jian.audit", "信息中心", Role.AUDITOR);
                JsonNode opened = TestAccounts.read(c.request("/api/v1/audit/security?action=DOCUMENT_OPENED", TestAccounts.bearer(auditor)));
                assertTrue(opened.toString().contains("jian.shen") && opened.toString().contains(penalty), opened.toString());
                assertFalse(opened.toString().contains("500105"), "the audit names what was opened, never the personal data itself");
                Response csv = c.request("/api/v1/audit/security?format=csv", TestAccounts.bearer(auditor));
                assertTrue(csv.header("Content-Type").startsWith("text/csv") && csv.body().string().contains("DOCUMENT_OPENED"));
            });
        }
    }
}
