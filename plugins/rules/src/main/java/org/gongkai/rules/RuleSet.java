package org.gongkai.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.spi.Category;

/**
 * One parsed rules file: named word lists, a threshold per category and the rules, in file order. Immutable and
 * thread-safe. {@link RuleParser} documents the file format.
 */
public final class RuleSet {
    /** Threshold of a category the file gives none for. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private final String file;
    private final String version;
    private final Map<String, List<String>> lists;
    private final Map<Category, Double> thresholds;
    private final List<Rule> rules;
    private final List<Rule> exclusions;

    RuleSet(String file, String version, Map<String, List<String>> lists, Map<Category, Double> thresholds, List<Rule> rules) {
        this.file = file;
        this.version = version;
        this.lists = Map.copyOf(lists);
        this.thresholds = Map.copyOf(thresholds);
        this.rules = List.copyOf(rules);
        this.exclusions = rules.stream().filter(r -> r.effect() == Rule.Effect.EXCLUDE).toList();
    }

    public String file() {
        return file;
    }

    /** A hash of the file's content; changes whenever the file does. */
    public String version() {
        return version;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** A named word list of the file, for a detector that proposes candidates from it (label words, column headers …). */
    public List<String> list(String name) {
        List<String> l = lists.get(name);
        if (l == null) {
            throw new IllegalArgumentException("规则文件 " + file + " 中没有词表 @" + name + " / no list @" + name + " in " + file);
        }
        return l;
    }

    /** The list as a {@link Cue}. */
    public Cue cue(String name) {
        return Cue.Words.of("@" + name, list(name));
    }

    public double threshold(Category c) {
        return thresholds.getOrDefault(c, DEFAULT_THRESHOLD);
    }

    /** Scores a candidate whose value is its text in the site. */
    public Verdict evaluate(Candidate c, Site site) {
        return evaluate(c, site.text().substring(c.start(), c.end()), site);
    }

    /**
     * Scores a candidate: exclusion rules first (the first that fires drops it), then every other rule that applies
     * and fires — the highest {@code set} replaces the base score, {@code raise}/{@code lower} add, {@code times}
     * multiplies — and the category's threshold.
     *
     * @param value the candidate's value as the {@code value} scope and {@code visible} see it
     */
    public Verdict evaluate(Candidate c, String value, Site site) {
        double threshold = threshold(c.category());
        for (Rule r : exclusions) {
            if (r.appliesTo(c)) {
                String w = fires(r, c, value, site);
                if (w != null) {
                    Verdict.Fired f = new Verdict.Fired(r, w);
                    return new Verdict(c, 0, threshold, f, List.of(f));
                }
            }
        }
        List<Verdict.Fired> fired = new ArrayList<>();
        double set = -1;
        double add = 0;
        double times = 1;
        for (Rule r : rules) {
            if (r.effect() == Rule.Effect.EXCLUDE || !r.appliesTo(c)) {
                continue;
            }
            String w = fires(r, c, value, site);
            if (w == null) {
                continue;
            }
            fired.add(new Verdict.Fired(r, w));
            switch (r.effect()) {
                case SET -> set = Math.max(set, r.value());
                case RAISE -> add += r.value();
                case LOWER -> add -= r.value();
                case TIMES -> times *= r.value();
                default -> { }
            }
        }
        double score = Math.max(0, Math.min(1, (set >= 0 ? set : c.base()) + add)) * times;
        return new Verdict(c, Math.max(0, Math.min(1, score)), threshold, null, fired);
    }

    /** The word that made the rule's first positive condition hold ("" when none), or null when the rule does not fire. */
    private static String fires(Rule r, Candidate c, String value, Site site) {
        String word = null;
        for (Condition k : r.when()) {
            String hit = k.test(c, value, site);
            if (hit == null) {
                return null;
            }
            if (word == null && !k.negated() && !hit.isEmpty()) {
                word = hit;
            }
        }
        return word == null ? "" : word;
    }

    /**
     * Checks the file against what a detector can do: every rule targets one of {@code categories} and a kind the
     * detector proposes ({@code kinds}: category → kinds; a category absent from it takes no kinds), and every list
     * the detector reads is defined.
     *
     * @throws RuleSyntaxException naming the file and line of each rule that cannot apply
     */
    public void requireTargets(Set<Category> categories, Map<Category, Set<String>> kinds, Set<String> requiredLists) {
        List<String> problems = new ArrayList<>();
        for (Rule r : rules) {
            for (Rule.Target t : r.targets()) {
                if (t.category() == null) {
                    continue;
                }
                if (!categories.contains(t.category())) {
                    problems.add(file + ":" + r.line() + ": 此检测器不报告该类别 / this detector does not report " + t.category() + " (" + categories + ")");
                } else if (t.kind() != null && !kinds.getOrDefault(t.category(), Set.of()).contains(t.kind())) {
                    problems.add(file + ":" + r.line() + ": 未知的匹配种类 / unknown kind '" + t + "' (" + kinds.getOrDefault(t.category(), Set.of()) + ")");
                }
            }
        }
        for (Map.Entry<Category, Double> t : thresholds.entrySet()) {
            if (!categories.contains(t.getKey())) {
                problems.add(file + ": 阈值所指类别不由此检测器报告 / threshold for " + t.getKey() + ", which this detector does not report");
            }
        }
        for (String l : requiredLists) {
            if (!lists.containsKey(l)) {
                problems.add(file + ": 缺少检测器需要的词表 / the detector needs list @" + l);
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSyntaxException(file, problems);
        }
    }
}
