package org.gongkai.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gongkai.spi.Attribute;
import org.gongkai.spi.Category;
import org.gongkai.spi.DocumentStructure;
import org.gongkai.spi.Finding;
import org.gongkai.spi.PluginConfig;
import org.gongkai.spi.Route;
import org.gongkai.spi.RouteDecision;
import org.gongkai.spi.RoutingInput;
import org.gongkai.spi.Severity;
import org.gongkai.spi.Submission;
import org.junit.jupiter.api.Test;

class PolicyRouterTest {
    private static final Path ROOT = Path.of(System.getProperty("gongkai.root", "../.."));
    private final PolicyRouter router = configured();

    private static PolicyRouter configured() {
        PolicyRouter r = new PolicyRouter();
        PluginConfig c = new PluginConfig("policy", Map.of(), new PluginConfig.Environment(ROOT.resolve("dictionaries"), ROOT.resolve("config"), ROOT));
        r.configure(c);
        c.ensureConsumed();
        return r;
    }

    private static Finding f(Category c, Severity s) {
        return Finding.document(c, s, null, "test", "test");
    }

    private RouteDecision route(Attribute effective, String reason, Finding... findings) {
        return router.route(new RoutingInput(Arrays.asList(findings), DocumentStructure.empty(), Submission.of("x.docx"), effective, reason)).orElseThrow();
    }

    @Test
    void unreadable_document_goes_to_manual_review_before_anything_else() {
        assertEquals(Route.MANUAL_REVIEW, route(Attribute.PUBLIC, null, f(Category.NO_TEXT, Severity.HIGH), f(Category.SECRECY_MARKING, Severity.BLOCKER)).route());
    }

    @Test
    void secrecy_marking_goes_to_secrecy_review_even_without_annotation() {
        assertEquals(Route.SECRECY_REVIEW, route(Attribute.NONE, null, f(Category.SECRECY_MARKING, Severity.BLOCKER), f(Category.ATTRIBUTE_MISSING, Severity.BLOCKER)).route());
    }

    @Test
    void unmarked_draft_is_returned_to_drafter() {
        assertEquals(Route.RETURNED, route(Attribute.NONE, null, f(Category.ATTRIBUTE_MISSING, Severity.BLOCKER)).route());
        assertEquals(Route.RETURNED, route(Attribute.ON_REQUEST, null, f(Category.ATTRIBUTE_REASON_MISSING, Severity.HIGH)).route());
        assertEquals(Route.RETURNED, route(Attribute.PUBLIC, null, f(Category.ATTRIBUTE_MISMATCH, Severity.HIGH), f(Category.ID_NUMBER, Severity.BLOCKER)).route());
    }

    @Test
    void public_document_with_personal_data_goes_to_disclosure_review_with_conflict_added() {
        RouteDecision d = route(Attribute.PUBLIC, null, f(Category.ID_NUMBER, Severity.BLOCKER));
        assertEquals(Route.DISCLOSURE_REVIEW, d.route());
        assertEquals(Category.ATTRIBUTE_CONFLICT, d.addedFindings().get(0).category());
        assertTrue(d.addedFindings().get(0).explanation().contains("居民身份证号码"));
    }

    @Test
    void public_document_with_stability_content_goes_to_secrecy_review() {
        assertEquals(Route.SECRECY_REVIEW, route(Attribute.PARTIAL, "x", f(Category.STABILITY, Severity.HIGH)).route());
        assertEquals(Route.SECRECY_REVIEW, route(Attribute.PUBLIC, null, f(Category.INTERNAL_MARKING, Severity.HIGH)).route());
    }

    @Test
    void non_public_with_reason_is_registered() {
        assertEquals(Route.REGISTERED, route(Attribute.NOT_PUBLIC, "涉及个人隐私", f(Category.ID_NUMBER, Severity.BLOCKER)).route());
        assertEquals(Route.REGISTERED, route(Attribute.ON_REQUEST, "内部管理信息").route());
    }

    @Test
    void clean_public_document_goes_to_publication_review_and_format_advice_does_not_block() {
        assertEquals(Route.PUBLICATION_REVIEW, route(Attribute.PUBLIC, null).route());
        assertEquals(Route.PUBLICATION_REVIEW, route(Attribute.PUBLIC, null, f(Category.FORMAT, Severity.LOW)).route());
    }

    @Test
    void info_findings_do_not_change_a_route() {
        assertEquals(Route.PUBLICATION_REVIEW, route(Attribute.PUBLIC, null, f(Category.PERSON_NAME, Severity.INFO)).route());
    }

    @Test
    void policy_without_interpretation_is_returned() {
        assertEquals(Route.RETURNED, route(Attribute.PUBLIC, null, f(Category.INTERPRETATION_MISSING, Severity.MEDIUM)).route());
    }

    @Test
    void bad_policy_line_is_reported_with_its_line_number() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PolicyRouter.of(List.of("# c", "when any NOT_A_CATEGORY -> RETURNED")));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void office_can_change_policy_without_recompiling(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path rules = dir.resolve("strict.rules");
        Files.writeString(rules, "when any PERSON_NAME -> SECRECY_REVIEW\notherwise -> MANUAL_REVIEW\n");
        PolicyRouter r = new PolicyRouter();
        PluginConfig c = new PluginConfig("policy", Map.of("rules", rules.toString()), new PluginConfig.Environment(dir, dir, dir));
        r.configure(c);
        c.ensureConsumed();
        RoutingInput in = new RoutingInput(List.of(f(Category.PERSON_NAME, Severity.LOW)), DocumentStructure.empty(), Submission.of("a"), Attribute.PUBLIC, null);
        assertEquals(Route.SECRECY_REVIEW, r.route(in).orElseThrow().route());
    }
}
