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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyword dictionaries for content exempt by its subject (secret content, trade secrets, stability, internal
 * affairs, process information, enforcement cases): one Aho-Corasick automaton over every term of
 * {@code dictionaries/*.txt}, hits kept only on HanLP word boundaries and outside allow-listed phrases, then
 * scored per sentence by term weights, required context and rule-prose markers — so a policy text about
 * secrecy review is not itself secret while a bid's cost breakdown is a trade secret. Files are reloaded when
 * they change; every finding carries the dictionary version.
 */
public final class DictionaryDetector implements Detector, org.gongkai.spi.WordLists {
    private static final Logger LOG = LoggerFactory.getLogger(DictionaryDetector.class);
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？；;!?\\n]");
    private static final Pattern RULE_TITLE = Pattern.compile("制度|办法|规定|条例|规范|细则|标准|指南|体系|规则|实施意见|工作方案|须知");
    private static final Pattern ARTICLE = Pattern.compile("第[一二三四五六七八九十百零]+条");
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
    private double threshold;
    private int window;
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
        threshold = config.getDouble("threshold", 0.5);
        window = config.getInt("window", 60);
        segment = HanLP.newSegment().enableOffset(true).enableNameRecognize(false).enablePlaceRecognize(false)
                .enableOrganizationRecognize(false).enableTranslatedNameRecognize(false).enableJapaneseNameRecognize(false);
        try {
            current.set(DictionarySet.load(dir));
            current.get().problems.forEach(p -> LOG.warn("dictionary line skipped: {}", p));
        } catch (IOException e) {
            throw new UncheckedIOException("词典目录无法读取 / cannot read dictionaries " + dir, e);
        }
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
                : f.equals("allow.txt") ? "ALLOW_LIST" : "RULE_PROSE", n, s.version,
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
        boolean ruleText = ruleText(ctx);
        Map<String, List<Hit>> groups = new LinkedHashMap<>();
        for (Hit h : hits) {
            if (inside(allowed, h) || !onWordBoundaries(text, h) || !contextHolds(text, h)) {
                continue;
            }
            int[] sentence = sentence(text, h.begin());
            groups.computeIfAbsent(h.term().category() + "@" + sentence[0], k -> new ArrayList<>()).add(h);
        }
        List<Finding> out = new ArrayList<>();
        for (List<Hit> g : groups.values()) {
            Finding f = score(ctx, s, g, ruleText);
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    private Finding score(DetectionContext ctx, DictionarySet s, List<Hit> g, boolean ruleText) {
        String text = ctx.normalized().text();
        Map<String, DictionaryTerm> distinct = new TreeMap<>();
        g.forEach(h -> distinct.putIfAbsent(h.term().text(), h.term()));
        double miss = 1;
        for (DictionaryTerm t : distinct.values()) {
            miss *= 1 - t.weight();
        }
        double score = 1 - miss;
        int[] sentence = sentence(text, g.get(0).begin());
        List<String> prose = s.ruleProse.stream().filter(m -> occursOutside(text, sentence, m, g)).toList();
        if (!prose.isEmpty()) {
            score *= 0.6;
        }
        if (ruleText) {
            score *= 0.35;
        }
        if (score < threshold) {
            return null;
        }
        int begin = g.stream().mapToInt(Hit::begin).min().orElseThrow();
        int end = g.stream().mapToInt(Hit::end).max().orElseThrow();
        Category c = g.get(0).term().category();
        StringBuilder why = new StringBuilder("词典 ").append(g.get(0).term().file()).append("：");
        distinct.values().forEach(t -> why.append(t.text()).append("(").append(t.weight()).append(")、"));
        why.setLength(why.length() - 1);
        List<String> contexts = distinct.values().stream().flatMap(t -> t.contexts().stream()).filter(w -> window(text, begin, end).contains(w)).distinct().toList();
        if (!contexts.isEmpty()) {
            why.append("；上下文：").append(String.join("、", contexts));
        }
        if (!prose.isEmpty()) {
            why.append("；句中有规范性表述（").append(String.join("、", prose)).append("），降低得分");
        }
        why.append(String.format("；得分 %.2f（阈值 %.2f）；词典版本 %s。", score, threshold, s.version));
        return Finding.at(ctx.normalized(), begin, end, c, SEVERITY.get(c), Math.min(1, score), BASIS.get(c), why.toString(), name()).withVersion(s.version);
    }

    /**
     * Whether a rule-prose marker stands in the sentence outside the hits themselves: the "不得" of the term
     * "不得扩散" is the term, not normative prose about it.
     */
    private static boolean occursOutside(String text, int[] sentence, String marker, List<Hit> hits) {
        int from = sentence[0];
        while (true) {
            int i = text.indexOf(marker, from);
            if (i < 0 || i + marker.length() > sentence[1]) {
                return false;
            }
            int end = i + marker.length();
            boolean inHit = hits.stream().anyMatch(h -> h.begin() <= i && end <= h.end());
            if (!inHit) {
                return true;
            }
            from = i + 1;
        }
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

    /** A term counts only when HanLP's segmentation of the words around it starts and ends a word where the term does. */
    private boolean onWordBoundaries(String text, Hit h) {
        if (h.end() - h.begin() >= 4) {
            return true; // long terms are not accidental substrings
        }
        int from = Math.max(0, h.begin() - 6);
        String w = text.substring(from, Math.min(text.length(), h.end() + 6));
        boolean start = false;
        boolean end = false;
        for (Term t : segment.seg(w)) {
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

    /** Rule texts (制度、办法、条例 …) discuss exempt categories as concepts; their hits weigh much less. */
    private static boolean ruleText(DetectionContext ctx) {
        String title = ctx.structure().elements().getOrDefault("title", "");
        String type = ctx.structure().docType();
        if (RULE_TITLE.matcher(title).find() || type != null && Set.of("办法", "规定", "细则", "制度", "规则", "规划").contains(type)) {
            return true;
        }
        var m = ARTICLE.matcher(ctx.normalized().text());
        int count = 0;
        while (m.find() && count < 3) {
            count++;
        }
        return count >= 3;
    }
}
