package org.gongkai.personal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.rules.RuleBook;
import org.gongkai.rules.RuleSet;
import org.gongkai.rules.Site;
import org.gongkai.rules.Verdict;
import org.gongkai.spi.Category;
import org.gongkai.spi.DetectionContext;
import org.gongkai.spi.Finding;
import org.gongkai.spi.NormalizedText;
import org.gongkai.spi.PluginConfig;
import org.gongkai.spi.Severity;

/**
 * The rules file of the personal-information detectors ({@code config/personal.rules}, or the copy in this jar),
 * what it may target, and the one way findings are written from a {@link Verdict}: a plain Chinese sentence for
 * the person (what it is, the context that made it count, what to do with this value masked), and the rules,
 * scores and checks for the reviewer's "why" view.
 */
final class PersonalRules {
    static final String FILE = "personal.rules";
    static final String BASIS = "《政府信息公开条例》第十五条（个人隐私）";
    static final String SENSITIVE_BASIS = "《政府信息公开条例》第十五条（个人隐私）；《个人信息保护法》第二十八条（敏感个人信息）";
    static final Set<Category> CATEGORIES = Set.of(Category.ID_NUMBER, Category.PHONE_NUMBER, Category.BANK_CARD, Category.EMAIL,
            Category.PASSPORT, Category.LICENSE_PLATE, Category.ADDRESS, Category.PERSON_NAME);
    /** The kinds of match each detector proposes; rules may target {@code CATEGORY:kind}. */
    static final Map<Category, Set<String>> KINDS = Map.of(
            Category.ID_NUMBER, Set.of("id18", "ambiguous", "id15", "embedded"),
            Category.PHONE_NUMBER, Set.of("mobile", "landline"),
            Category.BANK_CARD, Set.of("luhn", "unchecked"),
            Category.EMAIL, Set.of("personal-service", "other"),
            Category.PASSPORT, Set.of("chinese", "generic"),
            Category.LICENSE_PLATE, Set.of("plate"),
            Category.ADDRESS, Set.of("house", "flat"),
            Category.PERSON_NAME, Set.of("label", "list", "honorific", "number", "column", "text-column", "group", "profile", "field",
                    "resume", "subject", "business"));
    /** Lists the detectors read themselves. */
    static final Set<String> LISTS = Set.of("TITLE", "PERSON_LABEL", "HONORIFIC", "NAME_COLUMN", "ROLE_NOUN", "SHOP", "FORM_LABEL");

    private PersonalRules() {
    }

    /**
     * Opens the rules: {@code rules=<path>} when the plugin is configured with one, else {@code personal.rules} in
     * the configuration folder, else the copy shipped in this jar.
     */
    static RuleBook open(PluginConfig config) {
        Path dir = null;
        String name = FILE;
        if (config != null) {
            String explicit = config.get("rules", null);
            if (explicit != null) {
                Path p = Path.of(explicit);
                dir = p.toAbsolutePath().getParent();
                name = p.getFileName().toString();
            } else {
                dir = config.environment().config();
            }
        }
        return RuleBook.open(dir, name, PersonalRules.class, PersonalRules::check, builtIn());
    }

    /** What the rules may target: the detectors' categories and kinds, and the lists they read must be there. */
    private static void check(RuleSet s) {
        s.requireTargets(CATEGORIES, KINDS, LISTS);
    }

    /** The lists the detectors provide: surnames. */
    private static Map<String, List<String>> builtIn() {
        return Map.of("SURNAME", Surnames.all(), "COMPOUND_SURNAME", Surnames.compounds());
    }

    /**
     * The rules file {@code config} makes the detectors read from the configuration folder: {@code personal.rules},
     * or the configured {@code rules=<path>} when that is in the folder too; none otherwise.
     */
    static List<String> owned(PluginConfig config) {
        Path configDir = config.environment().config();
        String explicit = config.get("rules", null);
        if (configDir == null) {
            return List.of();
        }
        if (explicit == null) {
            return List.of(FILE);
        }
        Path p = Path.of(explicit).toAbsolutePath().normalize();
        return p.getParent().equals(configDir.toAbsolutePath().normalize()) ? List.of(p.getFileName().toString()) : List.of();
    }

    /** A lazily opened rule book shared by a detector's threads: the shipped rules until {@link #configure} is called. */
    static final class Holder {
        private volatile RuleBook book;
        private volatile List<String> owned = List.of();

        void configure(PluginConfig config) {
            book = open(config);
            owned = owned(config);
        }

        /** For {@link org.gongkai.spi.RulesFileOwner#rulesFiles}: the file read from the configuration folder. */
        List<String> rulesFiles() {
            return owned;
        }

        /** For {@link org.gongkai.spi.RulesFileOwner#validateRules}: checked as {@link #open} checks the file at load. */
        List<String> validate(String file, String content) {
            return owned.contains(file) ? RuleBook.problems(file, content, PersonalRules::check, builtIn()) : List.of();
        }

        RuleSet get() {
            RuleBook b = book;
            if (b == null) {
                synchronized (this) {
                    if (book == null) {
                        book = open(null);
                    }
                    b = book;
                }
            }
            return b.current();
        }
    }

    /**
     * The finding for a reported verdict over [start, end) of the normalised text.
     *
     * @param what    what it is, in plain Chinese ("居民身份证号码")
     * @param checks  what the detector checked, in plain Chinese ("校验位正确"), or null
     * @param masked  the value as it may be published, or null
     * @param remedy  what to do, with {@code {masked}} standing for the masked value
     * @param engine  the detector's technical facts for the "why" view (pattern, checksum), or null
     */
    static Finding finding(NormalizedText n, int start, int end, Verdict v, Severity severity, String basis, String detector,
                           String what, String checks, String masked, String remedy, String engine) {
        List<String> why = new ArrayList<>();
        if (checks != null && !checks.isBlank()) {
            why.add(checks);
        }
        why.addAll(v.phrases());
        String sentence = what + (why.isEmpty() ? "" : "（" + String.join("；", why) + "）") + "。"
                + (masked == null ? remedy : remedy.replace("{masked}", masked));
        return new Finding(v.candidate().category(), severity, n.toOriginal(start, end),
                n.originalText(start, end), v.score(), basis, sentence, detector, null, v.likelihood(), v.ruleRefs(),
                v.detail(engine), masked);
    }

    static Site site(DetectionContext ctx) {
        return Site.of(ctx);
    }
}
