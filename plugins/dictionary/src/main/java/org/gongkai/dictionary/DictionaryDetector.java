package org.gongkai.dictionary;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.gongkai.spi.Category;
import org.gongkai.spi.DetectionContext;
import org.gongkai.spi.Detector;
import org.gongkai.spi.Finding;
import org.gongkai.spi.NormalizedText;
import org.gongkai.spi.PluginConfig;
import org.gongkai.spi.Severity;
import org.gongkai.spi.Span;
import org.gongkai.rules.Candidate;
import org.gongkai.rules.RuleBook;
import org.gongkai.rules.RuleSet;
import org.gongkai.rules.Site;
import org.gongkai.rules.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyword dictionaries for content exempt by its subject (secret content, trade secrets, stability, internal
 * affairs, process information, enforcement cases): one Aho-Corasick automaton over every term of
 * {@code dictionaries/*.txt}, hits kept only on HanLP word boundaries, outside allow-listed phrases and with the
 * context a term requires; the hits of one category in one sentence make one candidate scoring 1 − Π(1 − weight).
 * Whether it is disclosure of such content is for {@code config/dictionary.rules}: rule texts and normative prose
 * weigh less, a term in a table of figures, a heading or a list of duties, or in a budget, annual report or
 * certificate published by law, is no disclosure, and an internal bulletin's personnel and logistics content is
 * internal affairs. Dictionaries and rules reload when they change; every finding carries the dictionary version.
 */
public final class DictionaryDetector implements Detector, org.gongkai.spi.WordLists, org.gongkai.spi.RulesFileOwner {
    private static final Logger LOG = LoggerFactory.getLogger(DictionaryDetector.class);
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？；;!?\\n]");
    static final String RULES_FILE = "dictionary.rules";
    private static final Map<Category, String> REMEDY = Map.of(
            Category.SECRET_CONTENT, "须先经保密审查；不能确定是否涉密的，报保密工作部门确定。",
            Category.TRADE_SECRET, "涉及第三方商业秘密，公开前应删除，或征求第三方意见后决定。",
            Category.STABILITY, "公开后可能影响社会稳定，须经保密审查后决定是否公开。",
            Category.INTERNAL_AFFAIRS, "属内部事务信息，可以不予公开；随文公开时应删除这部分内容。",
            Category.PROCESS_INFO, "属过程性信息，可以不予公开；定稿公开时应删除。",
            Category.ENFORCEMENT_CASE, "属行政执法案卷信息，可以不予公开；公开时应删除。");
    private static final Map<Category, Severity> SEVERITY = Map.of(Category.SECRET_CONTENT, Severity.HIGH, Category.TRADE_SECRET, Severity.HIGH,
            Category.STABILITY, Severity.HIGH, Category.INTERNAL_AFFAIRS, Severity.MEDIUM, Category.PROCESS_INFO, Severity.MEDIUM,
            Category.ENFORCEMENT_CASE, Severity.MEDIUM);
    private static final Map<Category, String> BASIS = Map.of(
            Category.SECRET_CONTENT, "《政府信息公开条例》第十四条（依法确定为国家秘密的政府信息不予公开）；保密审查制度（不能确定是否涉密的，报保密工作部门确定）",
            Category.TRADE_SECRET, "《政府信息公开条例》第十五条（涉及商业秘密的政府信息，行政机关不得公开）",
            Category.STABILITY, "《政府信息公开条例》第十四条（公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息不予公开）",
            Category.INTERNAL_AFFAIRS, "《政府信息公开条例》第十六条第一款（人事管理、后勤管理、内部工作流程等内部事务信息可以不予公开）",
            Category.PROCESS_INFO, "《政府信息公开条例》第十六条第二款（讨论记录、过程稿、磋商信函、请示报告等过程性信息可以不予公开）",
            Category.ENFORCEMENT_CASE, "《政府信息公开条例》第十六条第二款（行政执法案卷信息可以不予公开）");

    private final AtomicReference<DictionarySet> current = new AtomicReference<>();
    private final AtomicLong lastCheck = new AtomicLong();
    private Path dir;
    private Double thresholdOverride;
    private int window;
    private RuleBook rules;
    /** The rules file it reads from the configuration folder (none when configured elsewhere or not yet configured). */
    private volatile List<String> ownedRules = List.of();
    private Segment segment;

    @Override
    public String name() {
        return "dictionary";
    }

    @Override
    public Set<Category> categories() {
        return SEVERITY.keySet();
    }

    @Override
    public void configure(PluginConfig config) {
        String d = config.get("dir", null);
        dir = d == null ? config.environment().dictionaries() : Path.of(d);
        String t = config.get("threshold", null);
        try {
            thresholdOverride = t == null ? null : Double.valueOf(t.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Plugin 'dictionary': parameter 'threshold' is not a number: " + t, e);
        }
        window = config.getInt("window", 60);
        String explicit = config.get("rules", null);
        Path configDir = config.environment().config();
        Path rulesDir = explicit == null ? configDir : Path.of(explicit).toAbsolutePath().getParent();
        String rulesFile = explicit == null ? RULES_FILE : Path.of(explicit).getFileName().toString();
        rules = RuleBook.open(rulesDir, rulesFile, DictionaryDetector.class, DictionaryDetector::checkRules);
        ownedRules = configDir != null && rulesDir.toAbsolutePath().normalize().equals(configDir.toAbsolutePath().normalize())
                ? List.of(rulesFile) : List.of();
        try {
            current.set(DictionarySet.load(dir));
            current.get().problems.forEach(p -> LOG.warn("dictionary line skipped: {}", p));
        } catch (IOException e) {
            throw new UncheckedIOException("词典目录无法读取 / cannot read dictionaries " + dir, e);
        }
    }

    /** What the rules may target: the categories of the dictionaries, no kinds. */
    private static void checkRules(RuleSet r) {
        r.requireTargets(SEVERITY.keySet(), Map.of(), Set.of());
    }

    @Override
    public List<String> rulesFiles() {
        return ownedRules;
    }

    /** The check {@link #configure} applies when it loads the file, and the edited file is reloaded with. */
    @Override
    public List<String> validateRules(String file, String content) {
        return ownedRules.contains(file) ? RuleBook.problems(file, content, DictionaryDetector::checkRules, Map.of()) : List.of();
    }

    /** One loaded dictionary file, for {@code GET /api/v1/dictionaries}. */
    public record DictionaryInfo(String file, String category, int terms, String version, List<String> problems) {
        public DictionaryInfo {
            problems = problems == null ? List.of() : List.copyOf(problems);
        }

        public DictionaryInfo(String file, String category, int terms, String version) {
            this(file, category, terms, version, List.of());
        }
    }

    /** The dictionaries in use, with term counts and the version stored with each finding. */
    public List<DictionaryInfo> dictionaries() {
        DictionarySet s = snapshot();
        List<DictionaryInfo> out = new ArrayList<>();
        new java.util.TreeMap<>(s.counts).forEach((f, n) -> out.add(new DictionaryInfo(f, DictionarySet.FILES.containsKey(f) ? DictionarySet.FILES.get(f).name()
                : "ALLOW_LIST", n, s.version,
                s.problems.stream().filter(p -> p.contains(" " + f + ":")).toList())));
        return out;
    }

    /** Lines (and files) skipped when the dictionaries in use were loaded, each with its file and line number. */
    public List<String> problems() {
        return snapshot().problems;
    }

    @Override
    public List<WordList> wordLists() {
        return dictionaries().stream().map(d -> new WordList(d.file(), d.category(), d.terms(), d.version())).toList();
    }

    public String version() {
        return snapshot().version;
    }

    /** The current snapshot, reloaded (at most once a second) when a file changed; a bad file keeps the old one. */
    DictionarySet snapshot() {
        long now = System.currentTimeMillis();
        long last = lastCheck.get();
        if (now - last >= 1000 && lastCheck.compareAndSet(last, now)) {
            try {
                if (DictionarySet.stamp(dir) != current.get().stamp) {
                    current.set(DictionarySet.load(dir));
                    LOG.info("dictionaries reloaded from {}: version {}", dir, current.get().version);
                    current.get().problems.forEach(p -> LOG.warn("dictionary line skipped: {}", p));
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("dictionaries in {} not reloaded, keeping version {}: {}", dir, current.get().version, e.getMessage());
            }
        }
        return current.get();
    }

    private record Hit(int begin, int end, DictionaryTerm term) {
    }

    @Override
    public List<Finding> detect(DetectionContext ctx) {
        DictionarySet s = snapshot();
        RuleSet r = rules().current();
        NormalizedText n = ctx.normalized();
        String text = n.text();
        List<int[]> allowed = new ArrayList<>();
        if (s.hasAllow) {
            s.allow.parseText(text, (b, e, v) -> allowed.add(new int[] {b, e}));
        }
        List<Hit> hits = new ArrayList<>();
        if (s.hasTerms) {
            s.terms.parseText(text, (b, e, terms) -> {
                for (DictionaryTerm t : terms) {
                    hits.add(new Hit(b, e, t));
                }
            });
        }
        Map<String, List<Hit>> groups = new LinkedHashMap<>();
        for (Hit h : hits) {
            if (inside(allowed, h) || !onWordBoundaries(text, h) || !contextHolds(text, h)) {
                continue;
            }
            int[] sentence = sentence(text, h.begin());
            groups.computeIfAbsent(h.term().category() + "@" + sentence[0], k -> new ArrayList<>()).add(h);
        }
        Site site = Site.of(ctx);
        List<Finding> out = new ArrayList<>();
        for (List<Hit> g : groups.values()) {
            Finding f = score(ctx, s, r, site, g);
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    /** The rules in use: the configured file, or the copy in this jar when the host never configured the detector. */
    private RuleBook rules() {
        RuleBook b = rules;
        if (b == null) {
            synchronized (this) {
                if (rules == null) {
                    rules = RuleBook.open(null, RULES_FILE, DictionaryDetector.class, x -> x.requireTargets(SEVERITY.keySet(), Map.of(), Set.of()));
                }
                b = rules;
            }
        }
        return b;
    }

    /** One candidate per category and sentence: its hits' combined weight, scored by the rules. */
    private Finding score(DetectionContext ctx, DictionarySet s, RuleSet r, Site site, List<Hit> g) {
        String text = ctx.normalized().text();
        Map<String, DictionaryTerm> distinct = new TreeMap<>();
        g.forEach(h -> distinct.putIfAbsent(h.term().text(), h.term()));
        double miss = 1;
        for (DictionaryTerm t : distinct.values()) {
            miss *= 1 - t.weight();
        }
        int begin = g.stream().mapToInt(Hit::begin).min().orElseThrow();
        int end = g.stream().mapToInt(Hit::end).max().orElseThrow();
        Category c = g.get(0).term().category();
        List<int[]> parts = g.stream().map(h -> new int[] {h.begin(), h.end()}).toList();
        Verdict v = r.evaluate(new Candidate(c, "", begin, end, 1 - miss, parts), site);
        double threshold = thresholdOverride == null ? v.threshold() : thresholdOverride;
        if (v.excludedBy() != null || v.score() < threshold) {
            return null;
        }
        String terms = distinct.keySet().stream().map(t -> "“" + t + "”").collect(java.util.stream.Collectors.joining(""));
        List<String> why = v.phrases();
        String sentence = "疑似" + c.chinese() + "：句中有" + terms + (why.isEmpty() ? "" : "（" + String.join("；", why) + "）") + "。" + REMEDY.get(c);
        StringBuilder engine = new StringBuilder("词典 ").append(g.get(0).term().file()).append("：");
        distinct.values().forEach(t -> engine.append(t.text()).append("(").append(t.weight()).append(")、"));
        engine.setLength(engine.length() - 1);
        List<String> contexts = distinct.values().stream().flatMap(t -> t.contexts().stream()).filter(w -> window(text, begin, end).contains(w)).distinct().toList();
        if (!contexts.isEmpty()) {
            engine.append("；上下文：").append(String.join("、", contexts));
        }
        String detail = v.detail(engine.toString()) + (thresholdOverride == null ? "" : String.format(Locale.ROOT, "；插件阈值 %.2f", threshold))
                + "；词典版本 " + s.version + "；规则版本 " + r.version();
        Span span = ctx.normalized().toOriginal(begin, end);
        return new Finding(c, SEVERITY.get(c), span, ctx.text().text().substring(span.start(), span.end()), v.score(), BASIS.get(c), sentence,
                name(), s.version, v.likelihood(), v.ruleRefs(), detail, null);
    }

    private String window(String text, int begin, int end) {
        return text.substring(Math.max(0, begin - window), Math.min(text.length(), end + window));
    }

    private boolean contextHolds(String text, Hit h) {
        if (h.term().contexts().isEmpty()) {
            return true;
        }
        String w = window(text, h.begin(), h.end());
        return h.term().contexts().stream().anyMatch(w::contains);
    }

    /** HanLP's segmenter, built when a term first needs its boundaries checked (loading HanLP's dictionaries takes a second). */
    private synchronized Segment segment() {
        if (segment == null) {
            segment = HanLP.newSegment().enableOffset(true).enableNameRecognize(false).enablePlaceRecognize(false)
                    .enableOrganizationRecognize(false).enableTranslatedNameRecognize(false).enableJapaneseNameRecognize(false);
        }
        return segment;
    }

    /** A term counts only when HanLP's segmentation of the words around it starts and ends a word where the term does. */
    private boolean onWordBoundaries(String text, Hit h) {
        if (h.end() - h.begin() >= 4) {
            return true; // long terms are not accidental substrings
        }
        int from = Math.max(0, h.begin() - 6);
        String w = text.substring(from, Math.min(text.length(), h.end() + 6));
        boolean start = false;
        boolean end = false;
        for (Term t : segment().seg(w)) {
            int b = from + t.offset;
            int e = b + t.word.length();
            start |= b == h.begin();
            end |= e == h.end();
        }
        return start && end;
    }

    private static boolean inside(List<int[]> allowed, Hit h) {
        for (int[] a : allowed) {
            if (a[0] <= h.begin() && h.end() <= a[1]) {
                return true;
            }
        }
        return false;
    }

    private static int[] sentence(String text, int at) {
        int b = at;
        while (b > 0 && !SENTENCE_END.matcher(String.valueOf(text.charAt(b - 1))).matches() && at - b < 300) {
            b--;
        }
        int e = at;
        while (e < text.length() && !SENTENCE_END.matcher(String.valueOf(text.charAt(e))).matches() && e - at < 300) {
            e++;
        }
        return new int[] {b, e};
    }
}
