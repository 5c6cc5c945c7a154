package org.gongkai.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.gongkai.spi.Category;

/**
 * Reads a rules file (UTF-8; {@code #} starts a comment; a line that starts with white space continues the one
 * before it). Three directives:
 *
 * <pre>
 * list PARTY = 当事人 申请人 被申请人            # a named word list; words separated by spaces or |
 * threshold PERSON_NAME 0.6                     # report a category's candidates scoring at least this
 * rule name.label PERSON_NAME set 0.9 when label @PARTY says "前有“{word}”"
 * </pre>
 *
 * A rule: {@code rule <id> <target>[,<target>…] <effect> [when <condition> [and <condition>]…] [says "…"]}.
 * <ul>
 *   <li>target: a category ({@code PHONE_NUMBER}), one kind of the detector's matches ({@code PHONE_NUMBER:landline}),
 *       or {@code *} for every category of the detector;</li>
 *   <li>effect: {@code exclude}, {@code set S}, {@code raise D}, {@code lower D} or {@code times F};</li>
 *   <li>condition: {@code [not] <scope> [N] [line|sentence] [since <cue>] [until <cue>] [count K] <cue>} — scopes
 *       are listed in {@link Scope} ({@code visible} takes no cue);</li>
 *   <li>cue: {@code @LIST}, words {@code 先生|女士}, or a Java regular expression {@code /…/} (no spaces: use
 *       {@code \s}), in which {@code @LIST} stands for the list's words;</li>
 *   <li>{@code says "…"}: the plain-Chinese phrase a finding's explanation uses; {@code {word}} is the text that
 *       matched.</li>
 * </ul>
 * Every problem is reported with its file and line ({@link RuleSyntaxException}); a file with any problem is not used.
 */
public final class RuleParser {
    private static final Pattern LIST_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern RULE_ID = Pattern.compile("[a-z][a-z0-9.-]*");
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern LIST_IN_REGEX = Pattern.compile("@([A-Z][A-Z0-9_]*)");

    private RuleParser() {
    }

    /** Parses the content of one file. */
    public static RuleSet parse(String file, String content) {
        return parse(file, content, Map.of());
    }

    /**
     * Parses the content of one file, with lists the detector provides (such as {@code @SURNAME}); a file may use
     * them but not define them again.
     */
    public static RuleSet parse(String file, String content, Map<String, List<String>> builtIn) {
        if (content.startsWith("\uFEFF")) {
            content = content.substring(1);
        }
        List<String> problems = new ArrayList<>();
        List<RuleLines.Logical> directives = RuleLines.logical(file, content, problems);
        Map<String, List<String>> lists = new LinkedHashMap<>(builtIn);
        Map<String, Integer> listLines = new LinkedHashMap<>();
        builtIn.keySet().forEach(k -> listLines.put(k, 0));
        for (RuleLines.Logical d : directives) {
            if (d.tokens().get(0).equals("list")) {
                try {
                    parseList(d, lists, listLines);
                } catch (IllegalArgumentException e) {
                    problems.add(problem(file, d, e.getMessage()));
                }
            }
        }
        Map<Category, Double> thresholds = new LinkedHashMap<>();
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (RuleLines.Logical d : directives) {
            try {
                switch (d.tokens().get(0)) {
                    case "list" -> { }
                    case "threshold" -> parseThreshold(d, thresholds);
                    case "rule" -> {
                        Rule r = parseRule(file, d, lists);
                        if (!ids.add(r.id())) {
                            throw new IllegalArgumentException("规则名重复 / duplicate rule id '" + r.id() + "'");
                        }
                        rules.add(r);
                    }
                    default -> throw new IllegalArgumentException("未知指令 / unknown directive '" + d.tokens().get(0) + "' (list, threshold, rule)");
                }
            } catch (IllegalArgumentException e) {
                problems.add(problem(file, d, e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSyntaxException(file, problems);
        }
        return new RuleSet(file, version(content), lists, thresholds, rules);
    }

    private static String problem(String file, RuleLines.Logical d, String message) {
        String shown = d.text().length() > 80 ? d.text().substring(0, 80) + "…" : d.text();
        return file + ":" + d.line() + ": " + message + " — \"" + shown + "\"";
    }

    private static void parseList(RuleLines.Logical d, Map<String, List<String>> lists, Map<String, Integer> lines) {
        List<String> t = d.tokens();
        if (t.size() < 4 || !t.get(2).equals("=")) {
            throw new IllegalArgumentException("词表应写作 / a list is written 'list NAME = word word …'");
        }
        String name = t.get(1);
        if (!LIST_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("词表名须为大写字母、数字、下划线 / list names are UPPER_CASE: '" + name + "'");
        }
        if (lists.containsKey(name) && lines.get(name) == 0) {
            throw new IllegalArgumentException("@" + name + " 是检测器内置词表，不能重新定义 / @" + name + " is built in and cannot be redefined");
        }
        if (lists.containsKey(name)) {
            throw new IllegalArgumentException("词表重复定义（第" + lines.get(name) + "行已定义）/ list @" + name + " already defined on line " + lines.get(name));
        }
        List<String> words = new ArrayList<>();
        for (String tok : t.subList(3, t.size())) {
            for (String w : tok.split("\\|")) {
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("词表为空 / list @" + name + " is empty");
        }
        lists.put(name, List.copyOf(words));
        lines.put(name, d.line());
    }

    private static void parseThreshold(RuleLines.Logical d, Map<Category, Double> thresholds) {
        List<String> t = d.tokens();
        if (t.size() != 3) {
            throw new IllegalArgumentException("阈值应写作 / a threshold is written 'threshold CATEGORY 0.6'");
        }
        Category c = category(t.get(1));
        double v = number(t.get(2), 0, 1, "threshold");
        if (thresholds.put(c, v) != null) {
            throw new IllegalArgumentException("阈值重复 / threshold for " + c + " given twice");
        }
    }

    private static Rule parseRule(String file, RuleLines.Logical d, Map<String, List<String>> lists) {
        List<String> t = new ArrayList<>(d.tokens());
        String says = null;
        int saysAt = t.indexOf("says");
        if (saysAt >= 0) {
            if (saysAt != t.size() - 2 || !t.get(saysAt + 1).startsWith("\"")) {
                throw new IllegalArgumentException("says 后应是结尾的一段引号文字 / 'says' takes one \"quoted phrase\" at the end");
            }
            String q = t.get(saysAt + 1);
            says = q.substring(1, q.length() - 1);
            t = t.subList(0, saysAt);
        }
        if (t.size() < 4) {
            throw new IllegalArgumentException("规则应写作 / a rule is written 'rule <id> <CATEGORY> <effect> [when …]'");
        }
        String id = t.get(1);
        if (!RULE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("规则名须为小写字母、数字、点和连字符 / rule ids are lowercase (a-z 0-9 . -): '" + id + "'");
        }
        List<Rule.Target> targets = new ArrayList<>();
        for (String s : t.get(2).split(",")) {
            targets.add(target(s));
        }
        Rule.Effect effect;
        try {
            effect = Rule.Effect.valueOf(t.get(3).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("未知效果 / unknown effect '" + t.get(3) + "' (exclude, set, raise, lower, times)");
        }
        int i = 4;
        double value = 0;
        if (effect != Rule.Effect.EXCLUDE) {
            if (t.size() <= i) {
                throw new IllegalArgumentException("效果缺少数值 / '" + t.get(3) + "' needs a number");
            }
            value = switch (effect) {
                case SET -> number(t.get(i), 0, 1, "set");
                case TIMES -> number(t.get(i), 0, 5, "times");
                default -> number(t.get(i), 0, 1, t.get(3));
            };
            i++;
        }
        List<Condition> when = new ArrayList<>();
        if (i < t.size()) {
            if (!t.get(i).equals("when")) {
                throw new IllegalArgumentException("此处应为 when / expected 'when' at '" + t.get(i) + "'");
            }
            List<String> part = new ArrayList<>();
            for (String tok : t.subList(i + 1, t.size())) {
                if (tok.equals("and")) {
                    when.add(condition(part, lists));
                    part = new ArrayList<>();
                } else {
                    part.add(tok);
                }
            }
            when.add(condition(part, lists));
        }
        return new Rule(id, List.copyOf(targets), effect, value, List.copyOf(when), says, file, d.line());
    }

    private static Rule.Target target(String s) {
        String cat = s;
        String kind = null;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            cat = s.substring(0, colon);
            kind = s.substring(colon + 1);
            if (!KIND.matcher(kind).matches()) {
                throw new IllegalArgumentException("种类名须为小写 / kinds are lowercase: '" + kind + "'");
            }
        }
        return new Rule.Target(cat.equals("*") ? null : category(cat), kind);
    }

    private static Condition condition(List<String> t, Map<String, List<String>> lists) {
        if (t.isEmpty()) {
            throw new IllegalArgumentException("条件为空 / empty condition");
        }
        int i = 0;
        boolean negated = t.get(0).equals("not");
        if (negated) {
            i++;
        }
        if (i >= t.size()) {
            throw new IllegalArgumentException("not 后缺少范围 / 'not' needs a scope");
        }
        Scope scope = Scope.parse(t.get(i++));
        int size = 0;
        if (scope.sized()) {
            if (i >= t.size() || !t.get(i).matches("\\d+")) {
                throw new IllegalArgumentException("范围 " + scope.keyword() + " 需要大小 / scope '" + scope.keyword() + "' needs a size");
            }
            size = (int) number(t.get(i++), 1, 2000, scope.keyword());
        }
        Condition.Clip clip = Condition.Clip.NONE;
        Cue since = null;
        Cue until = null;
        int count = 1;
        while (i < t.size() - 1) {
            switch (t.get(i)) {
                case "line" -> clip = Condition.Clip.LINE;
                case "sentence" -> clip = Condition.Clip.SENTENCE;
                case "since" -> since = cue(t.get(++i), lists);
                case "until" -> until = cue(t.get(++i), lists);
                case "count" -> count = (int) number(t.get(++i), 1, 1000, "count");
                default -> throw new IllegalArgumentException("无法理解 / cannot read '" + t.get(i) + "' in the condition");
            }
            i++;
        }
        boolean window = scope == Scope.BEFORE || scope == Scope.AFTER || scope == Scope.AROUND;
        if (clip != Condition.Clip.NONE && !window) {
            throw new IllegalArgumentException("line/sentence 只用于 before/after/around / 'line' and 'sentence' clip before, after and around only");
        }
        if (since != null && scope != Scope.BEFORE && scope != Scope.AROUND || until != null && scope != Scope.AFTER && scope != Scope.AROUND) {
            throw new IllegalArgumentException("since 用于 before，until 用于 after / 'since' goes with before, 'until' with after");
        }
        if (scope == Scope.VISIBLE) {
            if (i < t.size() && t.get(i).matches("\\d+")) {
                size = (int) number(t.get(i++), 1, 100, "visible");
            }
            if (i < t.size()) {
                throw new IllegalArgumentException("visible 不带词 / 'visible' takes no cue");
            }
            return new Condition(negated, scope, size, clip, null, null, 1, null);
        }
        if (i != t.size() - 1) {
            throw new IllegalArgumentException("条件末尾应为一个词表、词或正则 / a condition ends with one cue (@LIST, words or /regex/)");
        }
        return new Condition(negated, scope, size, clip, since, until, count, cue(t.get(i), lists));
    }

    private static Cue cue(String s, Map<String, List<String>> lists) {
        if (s.startsWith("@")) {
            String name = s.substring(1);
            List<String> words = lists.get(name);
            if (words == null) {
                throw new IllegalArgumentException("未定义的词表 / unknown list @" + name);
            }
            return Cue.Words.of(s, words);
        }
        if (s.length() >= 2 && s.startsWith("/") && s.endsWith("/")) {
            String body = s.substring(1, s.length() - 1).replace("\\/", "/");
            Matcher m = LIST_IN_REGEX.matcher(body);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                List<String> words = lists.get(m.group(1));
                if (words == null) {
                    throw new IllegalArgumentException("正则中引用了未定义的词表 / unknown list @" + m.group(1) + " in the regex");
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(alternation(words)));
            }
            m.appendTail(sb);
            try {
                return Cue.Regex.of(s, sb.toString());
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("正则表达式有误 / bad regex " + s + ": " + e.getDescription());
            }
        }
        List<String> words = new ArrayList<>();
        for (String w : s.split("\\|")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        if (words.isEmpty() || s.startsWith("\"")) {
            throw new IllegalArgumentException("无法理解的词 / cannot read the cue '" + s + "'");
        }
        return Cue.Words.of(s, words);
    }

    /** A list's words as a regex alternation, longest first so the longest word wins. */
    private static String alternation(List<String> words) {
        StringBuilder sb = new StringBuilder("(?:");
        words.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed())
                .forEach(w -> sb.append(sb.length() > 3 ? "|" : "").append(Pattern.quote(w)));
        return sb.append(')').toString();
    }

    private static Category category(String s) {
        try {
            return Category.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("未知类别 / unknown category '" + s + "'");
        }
    }

    private static double number(String s, double min, double max, String what) {
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " 的值不是数字 / " + what + " takes a number, not '" + s + "'");
        }
        if (Double.isNaN(v) || v < min || v > max) {
            throw new IllegalArgumentException(what + " 的值应在 " + min + "–" + max + " 之间 / " + what + " must be in [" + min + ", " + max + "]: " + s);
        }
        return v;
    }

    private static String version(String content) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(content.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
