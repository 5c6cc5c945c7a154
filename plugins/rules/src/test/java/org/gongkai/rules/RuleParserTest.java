package org.gongkai.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.spi.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules file format: lists, thresholds, rules, comments and continuation lines; every error with its line. */
class RuleParserTest {

    private static final String GOOD = """
            # 姓名的上下文 / context of names
            list PARTY = 当事人 申请人 | 被申请人   # three words
                户主                                 # a continuation line adds a word
            threshold PERSON_NAME 0.6
            rule name.label PERSON_NAME set 0.9 when label @PARTY says "前有“{word}”"
            rule name.official PERSON_NAME exclude when follows 同志|局长
            rule phone.office PHONE_NUMBER:landline exclude when before 30 line since @PARTY /监督电话|#热线/
                and not line @PARTY
            """;

    @Test
    void a_well_formed_file_gives_its_lists_thresholds_and_rules_in_order() {
        RuleSet s = RuleParser.parse("test.rules", GOOD);
        assertEquals(List.of("当事人", "申请人", "被申请人", "户主"), s.list("PARTY"));
        assertEquals(0.6, s.threshold(Category.PERSON_NAME));
        assertEquals(RuleSet.DEFAULT_THRESHOLD, s.threshold(Category.PHONE_NUMBER));
        assertEquals(List.of("name.label", "name.official", "phone.office"), s.rules().stream().map(Rule::id).toList());
        Rule label = s.rules().get(0);
        assertEquals(Rule.Effect.SET, label.effect());
        assertEquals(0.9, label.value());
        assertEquals("前有“{word}”", label.says());
        assertEquals("test.rules:5 name.label", label.ref());
        Rule office = s.rules().get(2);
        assertEquals(7, office.line(), "a rule continued on the next line keeps its first line number");
        assertEquals(2, office.when().size());
        assertTrue(office.when().get(1).negated());
        assertEquals("landline", office.targets().get(0).kind());
        assertNotNull(office.when().get(0).cue().find("请拨打监督电话"), "a # inside a regex is no comment");
        assertNotNull(office.when().get(0).cue().find("#热线"));
    }

    @Test
    void a_list_inside_a_regex_stands_for_its_words() {
        RuleSet s = RuleParser.parse("t.rules", "list L = 局长 副局长\nrule a PERSON_NAME exclude when follows /@L(?![\\p{IsHan}])/\n");
        Cue c = s.rules().get(0).when().get(0).cue();
        assertEquals("副局长", c.prefixOf("副局长，"));
        assertNull(c.prefixOf("局长办公会"));
    }

    @Test
    void a_byte_order_mark_and_windows_line_ends_are_accepted() {
        RuleSet s = RuleParser.parse("t.rules", "\uFEFFlist A = 甲\r\nrule a PERSON_NAME raise 0.1 when line @A\r\n");
        assertEquals(1, s.rules().size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rule a PERSON_NAME set 1.5 when line 甲|set must be in [0.0, 1.0]",
        "rule a NO_SUCH set 0.5 when line 甲|unknown category 'NO_SUCH'",
        "rule a PERSON_NAME boost 0.5|unknown effect 'boost'",
        "rule a PERSON_NAME set 0.5 when nearby 甲|unknown scope 'nearby'",
        "rule a PERSON_NAME set 0.5 when line @MISSING|unknown list @MISSING",
        "rule a PERSON_NAME set 0.5 when before 甲|scope 'before' needs a size",
        "rule a PERSON_NAME set 0.5 when line /[/|bad regex",
        "rule a PERSON_NAME set 0.5 when line sentence 甲|'line' and 'sentence' clip before, after and around only",
        "rule a PERSON_NAME set 0.5 when after 10 since 乙 甲|'since' goes with before",
        "rule A PERSON_NAME set 0.5|rule ids are lowercase",
        "rule a PERSON_NAME:Mobile set 0.5|kinds are lowercase",
        "rule a PERSON_NAME set 0.5 says 前有|'says' takes one \"quoted phrase\"",
        "rule a PERSON_NAME set 0.5 when visible 甲|'visible' takes no cue",
        "threshold PERSON_NAME high|threshold takes a number",
        "list lower = 甲|list names are UPPER_CASE",
        "list A =|a list is written",
        "regel a|unknown directive 'regel'",
    })
    void each_error_names_the_file_the_line_and_what_is_wrong(String line, String message) {
        RuleSyntaxException e = assertThrows(RuleSyntaxException.class, () -> RuleParser.parse("office.rules", "# header\n\n" + line + "\n"));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith("office.rules:3: "), e.problems().get(0));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().contains("规则文件"), "Chinese and English: " + e.getMessage());
    }

    @Test
    void every_error_of_a_file_is_reported_at_once() {
        RuleSyntaxException e = assertThrows(RuleSyntaxException.class, () -> RuleParser.parse("o.rules",
                "list A = 甲\nlist A = 乙\nrule x PERSON_NAME set 2\nrule y PERSON_NAME set 0.5\nrule y PERSON_NAME set 0.5\n  \n"));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).contains("o.rules:2: ") && e.problems().get(0).contains("already defined on line 1"), e.getMessage());
        assertTrue(e.problems().get(1).startsWith("o.rules:3: "), e.getMessage());
        assertTrue(e.problems().get(2).startsWith("o.rules:5: ") && e.problems().get(2).contains("duplicate rule id 'y'"), e.getMessage());
    }

    @Test
    void a_continuation_line_with_nothing_before_it_is_an_error() {
        RuleSyntaxException e = assertThrows(RuleSyntaxException.class, () -> RuleParser.parse("o.rules", "   甲 乙\n"));
        assertTrue(e.problems().get(0).startsWith("o.rules:1: "), e.getMessage());
    }

    @Test
    void a_detector_refuses_rules_it_cannot_apply_with_their_lines() {
        RuleSet s = RuleParser.parse("p.rules", "rule a PHONE_NUMBER:fax set 0.5\nrule b EMAIL set 0.5\nrule c * set 0.5\n");
        RuleSyntaxException e = assertThrows(RuleSyntaxException.class, () -> s.requireTargets(Set.of(Category.PHONE_NUMBER),
                Map.of(Category.PHONE_NUMBER, Set.of("mobile", "landline")), Set.of("PARTY")));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith("p.rules:1: ") && e.problems().get(0).contains("unknown kind 'PHONE_NUMBER:fax'"), e.getMessage());
        assertTrue(e.problems().get(1).startsWith("p.rules:2: ") && e.problems().get(1).contains("does not report EMAIL"), e.getMessage());
        assertTrue(e.problems().get(2).contains("@PARTY"), e.getMessage());
    }
}
