package org.gongkai.server.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gongkai.server.TestEnv;
import org.junit.jupiter.api.Test;

/** The dictionaries' format as the editor enforces it before any edit is written. */
class DictionaryValidatorTest {
    private final DictionaryValidator v = new DictionaryValidator();

    @Test
    void every_dictionary_shipped_in_the_repository_is_valid() throws IOException {
        try (Stream<Path> s = Files.list(TestEnv.root().resolve("dictionaries"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".txt")).toList()) {
                assertEquals(List.of(), v.problems(p.getFileName().toString(), Files.readAllLines(p)), p.toString());
            }
        }
    }

    @Test
    void a_weighted_term_with_context_is_accepted_and_comments_are_free() {
        assertEquals(List.of(), v.problems("stability.txt", List.of("# 注释 with\ttab", "", "集体上访\t0.75", "上访\t0.45\t人员|群众")));
    }

    @Test
    void a_weight_outside_zero_to_one_or_a_missing_weight_is_refused_with_its_line() {
        List<String> p = v.problems("stability.txt", List.of("集体上访\t1.5", "稳控"));
        assertEquals(2, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("第 1 行") && p.get(0).contains("权重"), p.get(0));
        assertTrue(p.get(1).startsWith("第 2 行"), p.get(1));
    }

    @Test
    void a_phrase_list_takes_one_phrase_a_line_and_no_columns() {
        assertEquals(List.of(), v.problems("allow.txt", List.of("保守国家秘密法")));
        assertEquals(1, v.problems("allow.txt", List.of("保守国家秘密法\t0.5")).size());
    }

    @Test
    void a_duplicate_term_is_refused_even_with_another_weight() {
        List<String> p = v.problems("stability.txt", List.of("维稳\t0.5", "维稳\t0.6\t名单"));
        assertEquals(1, p.size());
        assertTrue(p.get(0).contains("重复"), p.get(0));
    }

    @Test
    void a_personal_identifier_never_enters_a_word_list_but_a_year_does() {
        assertEquals(1, v.problems("allow.txt", List.of("500105195803124428")).size(), "an ID number");
        assertEquals(1, v.problems("stability.txt", List.of("13912345678\t0.5")).size(), "a mobile number");
        assertEquals(List.of(), v.problems("allow.txt", List.of("2022年度工作要点")), "a four-digit year is no identifier");
    }
}
