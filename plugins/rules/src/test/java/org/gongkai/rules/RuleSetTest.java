package org.gongkai.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gongkai.spi.Block;
import org.gongkai.spi.Category;
import org.gongkai.spi.DetectionContext;
import org.gongkai.spi.DocumentStructure;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.Likelihood;
import org.gongkai.spi.NormalizedText;
import org.gongkai.spi.Part;
import org.gongkai.spi.Submission;
import org.junit.jupiter.api.Test;

/** How rules score a candidate: each scope, effects, exclusions first, the threshold, and what a finding may cite. */
class RuleSetTest {

    private static Site site(String text) {
        return Site.of(DetectionContext.of(text));
    }

    private static Candidate at(Site s, String value, Category c, String kind, double base) {
        int i = s.text().indexOf(value);
        return new Candidate(c, kind, i, i + value.length(), base);
    }

    private static Verdict score(String rules, String text, String value) {
        Site s = site(text);
        return RuleParser.parse("t.rules", rules).evaluate(at(s, value, Category.PERSON_NAME, "label", 0.3), s);
    }

    @Test
    void label_is_the_word_right_before_the_candidate_across_separators_only() {
        String rule = "rule a PERSON_NAME set 0.9 when label 当事人|申请人 says \"前有“{word}”\"";
        Verdict v = score(rule, "当事人：王建国，男", "王建国");
        assertTrue(v.reported());
        assertEquals(0.9, v.score());
        assertEquals(List.of("前有“当事人”"), v.phrases());
        assertEquals(List.of("t.rules:1 a"), v.ruleRefs());
        assertEquals(Likelihood.VERY_LIKELY, v.likelihood());
        assertFalse(score(rule, "当事人应当于王建国", "王建国").reported(), "near miss: words between the label and the name");
        assertFalse(score(rule, "当事人\n王建国", "王建国").reported(), "trap: a word on the line before is no label");
        assertTrue(score(rule, "当事人：\n王建国", "王建国").reported(), "a field label at the end of the line above, awaiting its value");
        assertFalse(score(rule, "当事人：\n经查，王建国", "王建国").reported(), "near miss: the value does not start its line");
    }

    @Test
    void follows_looks_right_after_the_candidate() {
        String rule = "rule a PERSON_NAME exclude when follows 同志|局长";
        assertTrue(score(rule, "王建国同志任局长", "王建国").excludedBy() != null);
        assertTrue(score(rule, "王建国 局长", "王建国").excludedBy() != null, "white space skipped");
        assertTrue(score(rule, "王建国，局长", "王建国").excludedBy() == null, "near miss: punctuation in between");
    }

    @Test
    void windows_leave_out_the_candidate_and_clip_at_line_sentence_and_since() {
        String rules = "rule a PERSON_NAME raise 0.5 when before 20 sentence 电话";
        assertEquals(0.8, score(rules, "联系电话王建国", "王建国").score(), 1e-9);
        assertEquals(0.3, score(rules, "联系电话。王建国", "王建国").score(), 1e-9, "the sentence ended");
        assertEquals(0.3, score("rule a PERSON_NAME raise 0.5 when line 王建国", "王建国在此", "王建国").score(), 1e-9,
                "the candidate's own text never makes a rule fire");
        String since = "rule a PHONE_NUMBER set 0.9 when before 40 since 监督电话 申请人";
        Site s = site("申请人张三提出，监督电话：023-1234567");
        Candidate c = at(s, "023-1234567", Category.PHONE_NUMBER, "", 0.3);
        assertEquals(0.3, RuleParser.parse("t.rules", since).evaluate(c, s).score(), 1e-9, "the window starts after the last 监督电话");
        Site s2 = site("监督电话由办公室提供，申请人张三：023-1234567");
        Candidate c2 = at(s2, "023-1234567", Category.PHONE_NUMBER, "", 0.3);
        assertEquals(0.9, RuleParser.parse("t.rules", since).evaluate(c2, s2).score(), 1e-9);
    }

    @Test
    void exclusion_wins_over_every_raise_and_is_the_only_rule_listed() {
        Verdict v = score("rule up PERSON_NAME set 0.95 when label 当事人\nrule out PERSON_NAME exclude when follows 同志", "当事人王建国同志", "王建国");
        assertFalse(v.reported());
        assertEquals("out", v.excludedBy().rule().id());
        assertEquals(1, v.fired().size());
    }

    @Test
    void effects_combine_set_then_raise_and_lower_then_times_and_the_threshold_decides() {
        String rules = """
                threshold PERSON_NAME 0.6
                rule s1 PERSON_NAME set 0.7 when line 甲
                rule s2 PERSON_NAME set 0.8 when line 乙
                rule r PERSON_NAME raise 0.1 when line 丙
                rule l PERSON_NAME lower 0.3 when line 丁
                rule t PERSON_NAME times 0.5 when line 戊
                """;
        assertEquals(0.9, score(rules, "甲乙丙 王建国", "王建国").score(), 1e-9);
        assertEquals(0.45, score(rules, "乙丙戊 王建国", "王建国").score(), 1e-9);
        Verdict below = score(rules, "乙丁 王建国", "王建国");
        assertEquals(0.5, below.score(), 1e-9);
        assertFalse(below.reported(), "0.5 is under the threshold 0.6");
        assertEquals(0.3, score(rules, "王建国", "王建国").score(), 1e-9, "no rule: the detector's base score");
    }

    @Test
    void not_holds_when_the_cue_is_absent_and_every_condition_must_hold() {
        String rule = "rule a PHONE_NUMBER exclude when before 10 电话 and not line 本人";
        Site s = site("办公电话：13912345678");
        assertFalse(RuleParser.parse("t", rule).evaluate(at(s, "13912345678", Category.PHONE_NUMBER, "", 0.85), s).reported());
        Site p = site("本人办公电话：13912345678");
        assertTrue(RuleParser.parse("t", rule).evaluate(at(p, "13912345678", Category.PHONE_NUMBER, "", 0.85), p).reported());
    }

    @Test
    void rules_for_another_kind_or_category_do_not_apply() {
        String rule = "rule a PHONE_NUMBER:landline exclude when line 电话";
        Site s = site("电话 13912345678");
        assertTrue(RuleParser.parse("t", rule).evaluate(at(s, "13912345678", Category.PHONE_NUMBER, "mobile", 0.85), s).reported());
        assertFalse(RuleParser.parse("t", rule).evaluate(at(s, "13912345678", Category.PHONE_NUMBER, "landline", 0.85), s).reported());
        assertFalse(RuleParser.parse("t", "rule a * exclude when line 电话").evaluate(at(s, "13912345678", Category.EMAIL, "", 0.85), s).reported());
    }

    @Test
    void table_cells_see_their_row_and_column_header() {
        DocumentText doc = DocumentText.of(List.of(Block.body("救助对象名单"),
                new Block(Part.TABLE, "序号", null, "表格1 第1行第1列"), new Block(Part.TABLE, "户主姓名", null, "表格1 第1行第2列"),
                new Block(Part.TABLE, "金额（元）", null, "表格1 第1行第3列"),
                new Block(Part.TABLE, "1", null, "表格1 第2行第1列"), new Block(Part.TABLE, "王建国", null, "表格1 第2行第2列"),
                new Block(Part.TABLE, "１２００", null, "表格1 第2行第3列")));
        NormalizedText n = NormalizedText.of(doc);
        Site s = Site.of(new DetectionContext(doc, n, DocumentStructure.empty(), Submission.of("t.docx")));
        Candidate c = at(s, "王建国", Category.PERSON_NAME, "", 0.3);
        String rules = "rule h PERSON_NAME set 0.9 when header 姓名 says \"“{word}”列\"\nrule r PERSON_NAME raise 0.05 when row /\\d{3,}/\nrule p PERSON_NAME raise 0.01 when part TABLE";
        Verdict v = RuleParser.parse("t", rules).evaluate(c, s);
        assertEquals(0.96, v.score(), 1e-9, v.detail(null));
        assertEquals(List.of("“姓名”列"), v.phrases());
        Candidate amount = at(s, "1200", Category.PERSON_NAME, "", 0.3);
        assertEquals(0.36, RuleParser.parse("t", rules).evaluate(amount, s).score(), 1e-9, "the amount's column header is 金额, not 姓名");
    }

    @Test
    void a_row_of_a_text_table_sees_the_header_lines_above_it() {
        String text = "序号 姓名 身份证号码\n1 王建国 500105195803124428\n2 李秀英 510102199007143215";
        Site s = site(text);
        Candidate c = at(s, "510102199007143215", Category.ID_NUMBER, "", 0.5);
        RuleSet r = RuleParser.parse("t", "rule h ID_NUMBER set 0.9 when header 身份证");
        assertEquals(0.9, r.evaluate(c, s).score(), 1e-9);
        Site prose = site("序号 姓名 身份证号码。\n1 王建国 500105195803124428");
        Candidate p = at(prose, "500105195803124428", Category.ID_NUMBER, "", 0.5);
        assertEquals(0.5, r.evaluate(p, prose).score(), 1e-9, "a sentence ends the table");
    }

    @Test
    void title_document_count_and_visible() {
        DocumentText doc = DocumentText.of(List.of(Block.body("2023年部门预算"), Block.body("保密经费 12 万元，预算 3 项。"),
                new Block(Part.METADATA, "2023年部门预算", null, "dc:title 标题"), new Block(Part.METADATA, "张伟", null, "dc:creator 作者")));
        NormalizedText n = NormalizedText.of(doc);
        Site s = new Site(n.text(), n::originalStart, doc, new DocumentStructure(null, java.util.Map.of("title", "2023年部门预算"), null, 0));
        RuleSet r = RuleParser.parse("t", """
                rule t SECRET_CONTENT times 0.5 when title 预算
                rule d SECRET_CONTENT times 0.5 when document count 3 预算
                rule v HIDDEN_CONTENT exclude when visible
                rule m HIDDEN_CONTENT set 0.9 when source 作者
                """);
        Candidate secret = at(s, "保密经费", Category.SECRET_CONTENT, "", 0.8);
        assertEquals(0.2, r.evaluate(secret, s).score(), 1e-9, "title and three mentions of 预算");
        int t = s.text().lastIndexOf("2023年部门预算");
        assertFalse(r.evaluate(new Candidate(Category.HIDDEN_CONTENT, "", t, t + 8, 0.3), s).reported(), "a title also on the page is visible");
        int a = s.text().indexOf("张伟");
        assertEquals(0.9, r.evaluate(new Candidate(Category.HIDDEN_CONTENT, "", a, a + 2, 0.3), s).score(), 1e-9);
    }

    @Test
    void the_detail_for_the_why_view_names_rules_effects_and_scores() {
        Verdict v = score("threshold PERSON_NAME 0.6\nrule name.label PERSON_NAME set 0.9 when label 当事人", "当事人：王建国", "王建国");
        String d = v.detail("HanLP 确认");
        assertTrue(d.contains("HanLP 确认") && d.contains("t.rules:2 name.label set 0.90（“当事人”）") && d.contains("得分 0.90（阈值 0.60"), d);
    }
}
