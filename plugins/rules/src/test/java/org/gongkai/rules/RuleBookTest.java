package org.gongkai.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.gongkai.spi.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An office edits a rules file: the edit is used without a restart; a broken edit is refused and the old rules stay. */
class RuleBookTest {
    private static final Consumer<RuleSet> PHONES = s -> s.requireTargets(Set.of(Category.PHONE_NUMBER), Map.of(), Set.of());

    private static void write(Path f, String content, long mtime) throws Exception {
        Files.writeString(f, content);
        Files.setLastModifiedTime(f, FileTime.fromMillis(mtime));
    }

    @Test
    void an_edited_file_is_reloaded_and_a_broken_edit_keeps_the_rules_in_use(@TempDir Path config) throws Exception {
        Path f = config.resolve("phone.rules");
        write(f, "rule a PHONE_NUMBER set 0.5\n", 1_000_000);
        RuleBook book = RuleBook.open(config, "phone.rules", RuleBookTest.class, PHONES);
        assertEquals(f.toString(), book.source());
        assertEquals("a", book.current().rules().get(0).id());

        write(f, "rule b PHONE_NUMBER set 0.5\n", 2_000_000);
        Thread.sleep(1100);
        assertEquals("b", book.current().rules().get(0).id(), "the edit is in use");

        write(f, "rule c PHONE_NUMBER set 7\n", 3_000_000);
        Thread.sleep(1100);
        assertEquals("b", book.current().rules().get(0).id(), "a broken edit is refused");

        write(f, "rule d EMAIL set 0.5\n", 4_000_000);
        Thread.sleep(1100);
        assertEquals("b", book.current().rules().get(0).id(), "a rule the detector cannot apply is refused too");
    }

    @Test
    void a_broken_file_fails_at_start_up_with_its_line(@TempDir Path config) throws Exception {
        Files.writeString(config.resolve("phone.rules"), "# ok\nrule a PHONE_NUMBER set 7\n");
        RuleSyntaxException e = assertThrows(RuleSyntaxException.class, () -> RuleBook.open(config, "phone.rules", RuleBookTest.class, PHONES));
        assertTrue(e.getMessage().contains("phone.rules:2:"), e.getMessage());
    }

    @Test
    void without_the_office_file_the_copy_in_the_jar_is_used(@TempDir Path config) {
        RuleBook book = RuleBook.open(config, "shipped.rules", RuleBookTest.class, PHONES);
        assertEquals("classpath:shipped.rules", book.source());
        assertEquals("shipped", book.current().rules().get(0).id());
    }

    @Test
    void an_editor_is_told_every_problem_the_book_would_refuse_with_its_line() {
        assertEquals(java.util.List.of(), RuleBook.problems("phone.rules", "# ok\nrule a PHONE_NUMBER set 0.5\n", PHONES, Map.of()));
        java.util.List<String> syntax = RuleBook.problems("phone.rules", "# ok\nrule a PHONE_NUMBER set 7\nrules b\n", PHONES, Map.of());
        assertEquals(2, syntax.size(), syntax.toString());
        assertTrue(syntax.get(0).startsWith("第 2 行 / line 2："), syntax.get(0));
        assertTrue(syntax.get(1).startsWith("第 3 行 / line 3：") && syntax.get(1).contains("unknown directive"), syntax.get(1));
        java.util.List<String> target = RuleBook.problems("phone.rules", "\n\nrule d EMAIL set 0.5\n", PHONES, Map.of());
        assertEquals(1, target.size(), target.toString());
        assertTrue(target.get(0).startsWith("第 3 行 / line 3：") && target.get(0).contains("EMAIL"), target.get(0));
    }
}
