package org.gongkai.server.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.gongkai.rules.Rule;
import org.gongkai.rules.RuleParser;
import org.gongkai.rules.RuleSet;
import org.gongkai.server.TestEnv;
import org.gongkai.server.plugin.PluginRegistry;
import org.gongkai.spi.Category;
import org.gongkai.spi.DetectionContext;
import org.gongkai.spi.Detector;
import org.gongkai.spi.Finding;
import org.gongkai.spi.NormalizedText;
import org.gongkai.spi.PluginConfig;
import org.gongkai.spi.Submission;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rule of the shipped rules files ({@code config/*.rules}) with a hit, a near miss and a trap, run through
 * the detectors as the host configures them ({@code src/test/resources/rule-examples/<file>.examples}). A hit of a
 * raising rule lists the rule among those that fired; a hit of an exclusion rule changes the outcome when the rule
 * is taken out of the file; a near miss leaves the rule silent; a trap (DOMAIN.md) comes out right.
 */
class RuleExamplesTest {
    /** Rules file → the detectors that read it. */
    private static final Map<String, List<String>> DETECTORS = Map.of(
            "personal.rules", List.of("id-number", "phone-number", "bank-card", "email", "passport", "license-plate", "address", "person-name"),
            "dictionary.rules", List.of("dictionary"),
            "hidden.rules", List.of("hidden-content"));

    @TempDir
    static Path scratch;

    private static final Map<String, Detector> CONFIGURED = new HashMap<>();

    private static Path config() {
        return TestEnv.root().resolve("config");
    }

    private static RuleSet rules(String file) throws IOException {
        return RuleParser.parse(file, Files.readString(config().resolve(file)), Map.of("SURNAME", List.of("王"), "COMPOUND_SURNAME", List.of("欧阳")));
    }

    private static List<RuleExample> examples(String rulesFile) throws IOException {
        String name = rulesFile.replace(".rules", ".examples");
        List<String> lines;
        try (var in = RuleExamplesTest.class.getResourceAsStream("/rule-examples/" + name)) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        List<RuleExample> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.isBlank() && !l.startsWith("#")) {
                out.add(RuleExample.parse(name, i + 1, l));
            }
        }
        return out;
    }

    @Test
    void every_rule_has_a_hit_a_near_miss_and_a_trap() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String file : DETECTORS.keySet()) {
            Map<String, Set<RuleExample.Kind>> have = new HashMap<>();
            List<RuleExample> ex = examples(file);
            Set<String> ids = new TreeSet<>(rules(file).rules().stream().map(Rule::id).toList());
            for (RuleExample e : ex) {
                assertTrue(ids.contains(e.rule()), e + ": no such rule in " + file);
                have.computeIfAbsent(e.rule(), k -> EnumSet.noneOf(RuleExample.Kind.class)).add(e.kind());
            }
            for (String id : ids) {
                Set<RuleExample.Kind> k = have.getOrDefault(id, Set.of());
                if (k.size() < 3) {
                    missing.add(file + " " + id + " has " + k);
                }
            }
        }
        assertTrue(missing.isEmpty(), "rules without a hit, a near miss and a trap:\n" + String.join("\n", missing));
    }

    @TestFactory
    Stream<DynamicTest> each_example_comes_out_as_written() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : new TreeSet<>(DETECTORS.keySet())) {
            RuleSet set = rules(file);
            for (RuleExample e : examples(file)) {
                Rule rule = set.rules().stream().filter(r -> r.id().equals(e.rule())).findFirst().orElseThrow(() -> new AssertionError(e + ": no such rule"));
                tests.add(DynamicTest.dynamicTest(e.toString(), () -> check(file, rule, e)));
            }
        }
        return tests.stream();
    }

    private static void check(String file, Rule rule, RuleExample e) throws IOException {
        Set<Category> categories = categories(file, rule);
        List<Finding> with = run(file, null, e, categories);
        assertTrue(outcome(with, e), e + "\n  expected " + (e.reported() ? "reported" : "not reported") + ", got " + describe(with));
        boolean fired = with.stream().anyMatch(f -> f.rules().contains(rule.ref()));
        switch (e.kind()) {
            case HIT -> {
                // a raising rule is listed by the finding it made; a rule that drops or lowers decides the outcome
                if (!fired) {
                    List<Finding> without = run(file, rule, e, categories);
                    assertFalse(outcome(without, e), e + "\n  the rule should fire or decide; without it: " + describe(without));
                }
            }
            case MISS -> {
                assertFalse(fired, e + "\n  the rule should stay silent: " + describe(with));
                if (rule.effect() != Rule.Effect.SET && rule.effect() != Rule.Effect.RAISE) {
                    List<Finding> without = run(file, rule, e, categories);
                    assertEquals(outcome(with, e), outcome(without, e), e + "\n  the rule should not change the outcome: " + describe(without));
                }
            }
            case TRAP -> { }
        }
    }

    private static Set<Category> categories(String file, Rule rule) {
        Set<Category> out = EnumSet.noneOf(Category.class);
        for (Rule.Target t : rule.targets()) {
            if (t.category() == null) {
                DETECTORS.get(file).forEach(d -> out.addAll(detector(file, d, null).categories()));
            } else {
                out.add(t.category());
            }
        }
        return out;
    }

    /** Whether the findings of the example's categories come out as the example says. */
    private static boolean outcome(List<Finding> found, RuleExample e) {
        String want = squash(e.value());
        if (e.reported()) {
            return found.stream().anyMatch(f -> squash(f.text()).contains(want));
        }
        return found.stream().noneMatch(f -> want.isEmpty() || squash(f.text()).contains(want) || want.contains(squash(f.text())));
    }

    /** The findings of {@code categories} from the detectors reading {@code file}; without {@code removed} when given. */
    private static List<Finding> run(String file, Rule removed, RuleExample e, Set<Category> categories) throws IOException {
        RuleExample.Document doc = e.document();
        DetectionContext ctx = new DetectionContext(doc.text(), NormalizedText.of(doc.text()), doc.structure(), Submission.of("example.docx"));
        List<Finding> out = new ArrayList<>();
        for (String name : DETECTORS.get(file)) {
            Detector d = detector(file, name, removed);
            if (d.categories().stream().anyMatch(categories::contains)) {
                d.detect(ctx).stream().filter(f -> categories.contains(f.category())).forEach(out::add);
            }
        }
        return out;
    }

    /** A detector configured as the host does, on the shipped rules or on a copy without one rule. */
    private static Detector detector(String file, String name, Rule removed) {
        String key = name + "/" + (removed == null ? "" : removed.id());
        return CONFIGURED.computeIfAbsent(key, k -> {
            Map<String, String> params = new HashMap<>();
            if (removed != null) {
                params.put("rules", without(file, removed).toString());
            }
            Detector d = PluginRegistry.available(Detector.class).get(name).get();
            PluginConfig.Environment env = new PluginConfig.Environment(TestEnv.root().resolve("dictionaries"), config(), scratch);
            PluginConfig cfg = new PluginConfig(name, params, env);
            d.configure(cfg);
            cfg.ensureConsumed();
            return d;
        });
    }

    /** A copy of the rules file with one rule (and its continuation lines) taken out. */
    private static Path without(String file, Rule rule) {
        try {
            List<String> lines = Files.readAllLines(config().resolve(file), StandardCharsets.UTF_8);
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (i + 1 == rule.line()) {
                    while (i + 1 < lines.size() && !lines.get(i + 1).isEmpty() && Character.isWhitespace(lines.get(i + 1).charAt(0))) {
                        i++;
                    }
                    continue;
                }
                kept.add(lines.get(i));
            }
            Path dir = Files.createDirectories(scratch.resolve("without-" + rule.id()));
            return Files.write(dir.resolve(file), kept, StandardCharsets.UTF_8);
        } catch (IOException x) {
            throw new java.io.UncheckedIOException(x);
        }
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static String describe(List<Finding> found) {
        return found.stream().map(f -> f.category() + " “" + f.text() + "” " + f.rules()).toList().toString();
    }
}
