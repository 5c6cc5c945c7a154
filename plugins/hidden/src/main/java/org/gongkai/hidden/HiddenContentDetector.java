package org.gongkai.hidden;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.gongkai.rules.Candidate;
import org.gongkai.rules.RuleBook;
import org.gongkai.rules.RuleSet;
import org.gongkai.rules.Site;
import org.gongkai.rules.Verdict;
import org.gongkai.spi.Block;
import org.gongkai.spi.Category;
import org.gongkai.spi.DetectionContext;
import org.gongkai.spi.Detector;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.Finding;
import org.gongkai.spi.PluginConfig;
import org.gongkai.spi.RulesFileOwner;
import org.gongkai.spi.Severity;
import org.gongkai.spi.Span;

/**
 * What a published file would carry without the reader seeing it: tracked deletions and insertions, comments,
 * hidden text and embedded objects (always reported), and document properties — reported only when
 * {@code config/hidden.rules} says they identify a person or hold text the page does not show (author, last
 * modified by, comments, custom text), never for software and system names, versions, placeholder authors or
 * codes and amounts printed on the page. Each must be cleaned (接受或拒绝修订、删除批注、清除隐藏文字和文档属性)
 * before publication.
 */
public final class HiddenContentDetector implements Detector, RulesFileOwner {
    private static final String BASIS = "发布前须清理（《政府信息公开条例》第十五条、第十六条；先审查、后公开）";
    static final String RULES_FILE = "hidden.rules";
    private static final Set<String> KINDS = Set.of("deletion", "insertion", "comment", "hidden", "attachment", "property");

    /** What the rules may target: only this detector's category and the kinds it proposes. */
    private static final Consumer<RuleSet> CHECK = r -> r.requireTargets(Set.of(Category.HIDDEN_CONTENT), Map.of(Category.HIDDEN_CONTENT, KINDS), Set.of());

    private volatile RuleBook rules;
    /** The rules file it reads from the configuration folder (none when configured elsewhere or not yet configured). */
    private volatile List<String> owned = List.of();

    @Override
    public String name() {
        return "hidden-content";
    }

    @Override
    public Set<Category> categories() {
        return Set.of(Category.HIDDEN_CONTENT);
    }

    @Override
    public void configure(PluginConfig config) {
        String explicit = config.get("rules", null);
        Path configDir = config.environment().config();
        Path dir = explicit == null ? configDir : Path.of(explicit).toAbsolutePath().getParent();
        String file = explicit == null ? RULES_FILE : Path.of(explicit).getFileName().toString();
        rules = open(dir, file);
        owned = configDir != null && dir.toAbsolutePath().normalize().equals(configDir.toAbsolutePath().normalize()) ? List.of(file) : List.of();
    }

    private static RuleBook open(Path dir, String file) {
        return RuleBook.open(dir, file, HiddenContentDetector.class, CHECK);
    }

    @Override
    public List<String> rulesFiles() {
        return owned;
    }

    /** The check {@link #configure} applies when it loads the file, and the edited file is reloaded with. */
    @Override
    public List<String> validateRules(String file, String content) {
        return owned.contains(file) ? RuleBook.problems(file, content, CHECK, Map.of()) : List.of();
    }

    private RuleSet rules() {
        RuleBook b = rules;
        if (b == null) {
            synchronized (this) {
                if (rules == null) {
                    rules = open(null, RULES_FILE);
                }
                b = rules;
            }
        }
        return b.current();
    }

    @Override
    public List<Finding> detect(DetectionContext ctx) {
        RuleSet r = rules();
        DocumentText t = ctx.text();
        Site site = new Site(t.text(), i -> i, t, ctx.structure());
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < t.blocks().size(); i++) {
            Block b = t.blocks().get(i);
            String text = b.text().strip();
            if (text.isEmpty()) {
                continue;
            }
            Span span = new Span(t.blockStart(i), t.blockEnd(i));
            Finding f = switch (b.part()) {
                case TRACKED_INSERTION -> f(r, site, t, span, text, "insertion", 0.9, Severity.MEDIUM,
                        "修订痕迹（插入）未接受：“" + cut(text) + "”", "发布前须接受或拒绝全部修订。");
                case TRACKED_DELETION -> f(r, site, t, span, text, "deletion", 1.0, Severity.HIGH,
                        "修订痕迹（删除）仍保存在文件中：“" + cut(text) + "”", "被删除的内容可被恢复查看，发布前须接受全部修订并清除。");
                case COMMENT -> f(r, site, t, span, text, "comment", 1.0, Severity.HIGH,
                        (b.source().isEmpty() ? "批注" : b.source()) + "：“" + cut(text) + "”", "发布前须删除全部批注。");
                case HIDDEN -> f(r, site, t, span, text, "hidden", 1.0, Severity.HIGH, "隐藏文字：“" + cut(text) + "”",
                        "隐藏文字不显示但随文件发布，须清除。");
                case ATTACHMENT -> f(r, site, t, span, text, "attachment", 0.9, Severity.MEDIUM,
                        "嵌入对象（" + b.source() + "）含文字“" + cut(text) + "”", "嵌入对象随文件发布，须审查或删除。");
                case METADATA -> f(r, site, t, span, text, "property", 0.3, Severity.LOW,
                        "文档属性“" + propertyName(b.source()) + "”为“" + cut(text) + "”", "发布的文件会带着文档属性，发布前应清除。");
                default -> null;
            };
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    private Finding f(RuleSet r, Site site, DocumentText t, Span span, String value, String kind, double base, Severity severity,
                      String what, String remedy) {
        Verdict v = r.evaluate(new Candidate(Category.HIDDEN_CONTENT, kind, span.start(), span.end(), base), value, site);
        if (!v.reported()) {
            return null;
        }
        List<String> why = v.phrases();
        String sentence = what + (why.isEmpty() ? "" : "（" + String.join("；", why) + "）") + "。" + remedy;
        String source = t.blockAt(span.start()).source();
        return new Finding(Category.HIDDEN_CONTENT, severity, span, t.text().substring(span.start(), span.end()), v.score(), BASIS, sentence,
                name(), null, v.likelihood(), v.ruleRefs(), v.detail(source.isEmpty() ? null : "位置：" + source), null);
    }

    /** The property's name for a person: the Chinese label the extractor appends ("dc:creator 作者" → 作者), else the name. */
    static String propertyName(String source) {
        String s = source.strip();
        int space = s.lastIndexOf(' ');
        return space >= 0 ? s.substring(space + 1) : s;
    }

    private static String cut(String s) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() > 40 ? flat.substring(0, 40) + "…" : flat;
    }
}
