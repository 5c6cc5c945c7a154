package org.gongkai.personal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.rules.Candidate;
import org.gongkai.rules.Cue;
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
 * Names of private persons. HanLP's name recogniser tags ordinary words of administrative prose as names (依规,
 * 应在, 向社会 — DOMAIN.md) and reads ~0.2 M characters a second, so it is never run over a whole document: names are
 * proposed only where the word lists of {@code config/personal.rules} say names stand, and {@link NameShape} decides
 * where each one ends —
 * <ul>
 *   <li>after a label of {@code @PERSON_LABEL} (当事人、申请人、户主、联系人 …), also one a PDF line end cuts
 *       ("委托代\n理人尹志勇"), and the names listed after it ("赵德明、孙桂芬");</li>
 *   <li>before a 称谓 of {@code @HONORIFIC} (先生、女士 …);</li>
 *   <li>in a column headed by a word of {@code @NAME_COLUMN}, 姓名, or both (DOCX/DOC/PDF table cells, or PDF text
 *       rows under a header line, with running serial numbers);</li>
 *   <li>right before a valid ID, mobile or card number, after sex, age, ethnic group or the bank;</li>
 *   <li>before 等人/等N人 ({@code group}), and transliterated minority names described by sex, ethnic group and an
 *       ID or mobile number ({@code profile}, {@link MinorityNames});</li>
 *   <li>where no label stands ({@link NameFields}): a name alone on its line (the field values of e-invoices and
 *       certificates), before sex and birth month, as the subject of a personnel decision, inside an individual
 *       business's name.</li>
 * </ul>
 * A name written with spaces between its characters is taken as the original spacing allows ({@link NameSpacing}); a
 * role noun among the labels (居民, 患者) that runs into a noun labels nothing.
 * Every candidate — and a masked name or a bare surname with a title found in its place — is then scored by the
 * rules, which drop officials in role, an organisation's representative, an office's contact person, duty-roster
 * staff, masked forms and words that are no names.
 */
public final class PersonNameDetector extends PersonalDetector {
    /** What follows a label: separators (also a web table's "|"), a qualifier ("申请人（户主）：") and the name candidate. */
    private static final Pattern AFTER_LABEL = Pattern.compile("(?:[:：\\s]*[（(][\\p{IsHan}]{1,6}[）)])?[:：\\s|]*([\\p{IsHan}·]{2,4})");
    /** The next name of a list after a label ("赵德明、孙桂芬"). */
    private static final Pattern LIST_NEXT = Pattern.compile("\\G[、和及]([\\p{IsHan}·]{2,4})");
    /** What stands between a name and an ID, mobile or card number after it. */
    private static final Pattern BEFORE_NUMBER = Pattern.compile("([\\p{IsHan}]{2,4})[，,、:：（(\\s]{0,3}(?:[男女][，,、）)\\s]{0,3})?(?:\\d{1,3}岁[，,、\\s]{0,3})?"
            + "(?:[\\p{IsHan}]{1,3}族[，,、\\s]{0,3})?(?:开户(?:银)?行[:：]?[\\p{IsHan}]{2,24}[，,、\\s]{1,2})?"
            + "(?:(?:身份证号?码?|公民身份号码|证件号码|手机号?码?|(?:联系)?电话|(?:银行)?卡号|账号|帐号|存折号)[:：为]?)?$");
    /** Digit runs that may be an ID, mobile or card number. */
    static final Pattern NUMBER = Pattern.compile(Digits.NOT_AFTER + "(\\d{17}[Xx]|\\d{11,19})(?![A-Za-z])" + Digits.NOT_BEFORE);
    private static final Pattern CARD_LABEL = Pattern.compile("卡号|账号|帐号|银行卡|开户|存折|账户|帐户");
    private static final Pattern CARD_SCHEME = Pattern.compile("62|4|5[1-5]|2[2-7]|3[47]|35|9");
    /** 等人, 等5人, 等十余人, 等3名村民 after a list of names; what they did is for the rules. */
    private static final Pattern GROUP = Pattern.compile("等(?:\\d{1,3}|[一二两三四五六七八九十几数多余]{1,3})?(?:人|名)");

    private final NameShape shape = new NameShape();

    @Override
    public String name() {
        return "person-name";
    }

    @Override
    public Set<Category> categories() {
        return Set.of(Category.PERSON_NAME);
    }

    @Override
    public void configure(PluginConfig config) {
        super.configure(config);
        shape.segment(); // load HanLP's dictionaries now, not on the first upload
    }

    @Override
    public List<Finding> detect(DetectionContext ctx) {
        Scan s = new Scan(ctx, rules.get());
        s.labels();
        s.honorifics();
        s.numbers();
        s.minority.profiles();
        s.groups();
        s.fields();
        NameTables tables = new NameTables(ctx.text(), s.n, s.view, s.site, s.headers, s.labelCues.get(0), s::evaluate);
        tables.nameColumns();
        tables.formFields();
        tables.textTableRows();
        return new ArrayList<>(s.found.values());
    }

    /** The whole text of a header cell of a name column: a word of the list, 姓名, or both. */
    static String header(List<String> nameColumns) {
        String words = nameColumns.stream().sorted((a, b) -> b.length() - a.length()).map(Pattern::quote).collect(java.util.stream.Collectors.joining("|"));
        return "(?:" + words + ")(?:姓名|名称)?|(?:" + words + ")?姓名(?:（名称）|\\(名称\\))?";
    }

    /** One detection run: the view, the rules, and what was found (by original start offset). */
    private final class Scan {
        final DetectionContext ctx;
        final RuleSet rules;
        final NormalizedText n;
        final JoinedLines view;
        final String t;
        final Site site;
        final List<Cue> labelCues;
        /** Role nouns among the labels (居民, 患者 …): no label when a noun follows them directly. */
        final Set<String> roleNouns;
        /** A header cell of a name column: a party or role, 姓名, or both (户主姓名, 被征收人). */
        final Pattern headers;
        final Map<Integer, Finding> found = new HashMap<>();
        /** Names already scored (view offset, kind, length), so a name proposed twice is scored once per kind. */
        final Set<String> seen = new HashSet<>();
        final MinorityNames minority;

        Scan(DetectionContext ctx, RuleSet rules) {
            this.ctx = ctx;
            this.rules = rules;
            this.n = ctx.normalized();
            this.labelCues = List.of(rules.cue("PERSON_LABEL"), rules.cue("FORM_LABEL"));
            this.roleNouns = Set.copyOf(rules.list("ROLE_NOUN"));
            this.headers = Pattern.compile(header(rules.list("NAME_COLUMN")));
            this.view = JoinedLines.acrossLabels(n, labelCues);
            this.t = view.text;
            this.site = new Site(t, i -> n.originalStart(view.normalised(i)), ctx.text(), ctx.structure());
            this.minority = new MinorityNames(t, this::accept);
        }

        /** Names after a label, and the names listed after the first one. */
        void labels() {
            Matcher value = AFTER_LABEL.matcher(t);
            for (Cue cue : labelCues) {
                for (int[] h = cue.next(t, 0); h != null; h = cue.next(t, h[1])) {
                    if (!value.region(h[1], t.length()).lookingAt()) {
                        continue;
                    }
                    // "港澳台居民居住证": a role noun running into a noun modifies it; it labels no name
                    if (roleNouns.contains(t.substring(h[0], h[1])) && value.start(1) == h[1] && shape.nounAt(t, h[1])) {
                        continue;
                    }
                    String name = candidate(value.start(1), value.group(1), "label", true);
                    int end = name == null ? -1 : value.start(1) + name.length();
                    while (end > 0) {
                        Matcher next = LIST_NEXT.matcher(t);
                        int at;
                        String raw;
                        if (next.find(end)) {
                            at = next.start(1);
                            raw = next.group(1);
                        } else if (NameSpacing.spaceBefore(n, view, end)) {
                            at = end; // "权利人：张三 李四": names the original text separates by spaces
                            raw = hanRun(end, 4);
                        } else {
                            break;
                        }
                        String more = raw.length() < 2 ? null : candidate(at, raw, "list", true);
                        end = more == null ? -1 : at + more.length();
                    }
                }
            }
        }

        /** A name ends at a 称谓: three characters, else two ("市民王强先生"). */
        void honorifics() {
            for (Cue cue : List.of(rules.cue("HONORIFIC"))) {
                for (int[] h = cue.next(t, 0); h != null; h = cue.next(t, h[1])) {
                    for (int len = 3; len >= 2; len--) {
                        int from = h[0] - len;
                        if (from >= 0 && t.substring(from, h[0]).codePoints().allMatch(Character::isIdeographic)
                                && candidate(from, t.substring(from, h[0]), "honorific", false) != null) {
                            break;
                        }
                    }
                }
            }
        }

        /** A name right before a valid ID, mobile or card number. */
        void numbers() {
            Matcher m = NUMBER.matcher(t);
            while (m.find()) {
                String kind = numberKind(m.group(1), m.start());
                if (kind == null) {
                    continue;
                }
                minority.beforeNumber(m.start());
                String before = t.substring(Math.max(0, m.start() - (kind.equals("card") ? 48 : 20)), m.start());
                Matcher b = BEFORE_NUMBER.matcher(before);
                if (!b.find()) {
                    continue;
                }
                int start = m.start() - before.length() + b.start(1);
                String raw = b.group(1);
                // the leftmost reading may hold a word before the name ("经营者系张三", "拨付至蒙秀英"): then try the
                // name's own start, as strong context only right after a preposition, verb or conjunction
                for (int k = 0; k + 2 <= raw.length(); k++) {
                    if (candidate(start + k, raw.substring(k), "number", k == 0 || shape.afterFunctionWord(t, start + k)) != null) {
                        break;
                    }
                }
            }
        }

        /** "id", "mobile", "card" or null for a digit run. */
        private String numberKind(String s, int start) {
            if (s.length() == 11) {
                return s.charAt(0) == '1' && s.charAt(1) >= '3' ? "mobile" : null;
            }
            if (s.length() == 18 && IdNumber.isValid18(s.toUpperCase())) {
                return "id";
            }
            if (s.length() < 16 || !Character.isDigit(s.charAt(s.length() - 1)) || CreditCode.isValid(s)) {
                return null;
            }
            boolean labelled = CARD_LABEL.matcher(t.substring(Math.max(0, start - 12), start)).find();
            return Luhn.valid(s) && CARD_SCHEME.matcher(s).lookingAt() || labelled ? "card" : null;
        }

        /**
         * Names listed before 等人/等N人 ("由张三、李四等人组织策划"): each name between 、 is taken as it stands; the
         * first one must be confirmed by HanLP, since nothing marks where it starts. Whether what follows makes them
         * private persons (an act such as 聚集, 上访) is for the rules.
         */
        void groups() {
            Matcher g = GROUP.matcher(t);
            for (int i = t.indexOf('等'); i >= 0; i = t.indexOf('等', i + 1)) {
                if (!g.region(i, Math.min(t.length(), i + 8)).lookingAt() || !groupCanCount(i)) {
                    continue;
                }
                int end = i;
                for (int count = 0; count < 8 && end >= 2; count++) {
                    int a = end;
                    while (a > 0 && end - a < 5 && Character.isIdeographic(t.charAt(a - 1))) {
                        a--;
                    }
                    int start;
                    if (a > 0 && t.charAt(a - 1) == '、' && end - a >= 2 && end - a <= 4) {
                        start = a; // between 、 and the next 、 or 等: the whole word
                        candidate(start, t.substring(start, end), "group", true);
                    } else {
                        start = maskedEndingAt(end);
                        if (start < 0) {
                            start = shape.nameEndingAt(t, end);
                            if (start < 0) {
                                break;
                            }
                            candidate(start, t.substring(start, end), "group", false);
                        }
                    }
                    if (start < 1 || "、和及与".indexOf(t.charAt(start - 1)) < 0) {
                        break;
                    }
                    end = start - 1;
                }
            }
        }

        /**
         * Names no label announces: lines that are nothing but a name (looked for only where the rules can count
         * them, i.e. in a form), names before sex and birth month, proprietors in individual businesses' names.
         */
        void fields() {
            NameFields f = new NameFields(t, shape);
            if (rules.evaluate(new Candidate(Category.PERSON_NAME, "field", 0, 0, 0.3), "", site).reported()) {
                f.loneLines(this::accept);
            }
            f.resumes(this::accept);
            f.subjects(this::accept);
            f.proprietors(rules.cue("SHOP"), this::accept);
        }

        /**
         * Whether names listed before the 等 at {@code i} can be reported at all: the rules are asked about an empty
         * name there, so the segmenter runs only where what follows (an act such as 聚集, 上访) makes a group count.
         */
        private boolean groupCanCount(int i) {
            return rules.evaluate(new Candidate(Category.PERSON_NAME, "group", i, i, 0.3), "", site).reported();
        }

        /** Start of a masked name (王某某, 王某, 张*) ending at {@code end}, or -1. */
        private int maskedEndingAt(int end) {
            for (int len = 3; len >= 2; len--) {
                int s = end - len;
                if (s >= 0 && Character.isIdeographic(t.charAt(s)) && NameShape.maskedAt(t, s) != null && s + NameShape.maskedAt(t, s).length() == end) {
                    return s;
                }
            }
            return -1;
        }

        /**
         * Proposes the name starting at view offset {@code start} ({@code raw}: the characters that may hold it):
         * a masked name or a bare surname with a title found there is proposed as it stands (for the rules to drop);
         * a transliterated name is taken whole; otherwise {@link NameShape#confirm} decides where the name ends.
         * Returns the name proposed, or null when there is none.
         */
        String candidate(int start, String raw, String kind, boolean strong) {
            String masked = NameShape.maskedAt(t, start);
            if (masked != null) {
                return accept(start, masked, kind, null);
            }
            String title = NameShape.titleAt(t, start, rules.list("TITLE"));
            if (title != null) {
                return accept(start, title, kind, null);
            }
            int runStart = start;
            while (runStart > 0 && runStart > start - 10 && (NameShape.TRANSLITERATION.indexOf(t.charAt(runStart - 1)) >= 0 || t.charAt(runStart - 1) == '·')) {
                runStart--;
            }
            for (int from = runStart; from <= start; from++) {
                String whole = NameShape.minorityNameAt(t, from);
                if (whole != null && from + whole.length() > start) {
                    return strong ? accept(from, whole, kind, "按少数民族姓名整体识别") : null; // never a piece of such a name
                }
            }
            // a value the original text closes with white space ("权利人 王建国 李秀英"): the space ends the name
            String token = raw.substring(0, NameSpacing.tokenLength(n, view, start, raw.length()));
            if (strong && token.length() < raw.length() && NameShape.nameCell(token)) {
                return accept(start, token, kind, "按原文空格分隔识别");
            }
            String name = shape.confirm(t, start, raw, strong);
            return name == null ? null : accept(start, name, kind, "经分词确认为人名");
        }

        /** Scores the name at view offset {@code start}; returns it whether or not it is reported. */
        /** Scores the name at view offset {@code start}; returns it as taken (the spacing may shorten it), or null. */
        String accept(int start, String name, String kind, String how) {
            return evaluate(start, name, kind, how);
        }

        /** Up to {@code max} Han characters from view offset {@code at}. */
        private String hanRun(int at, int max) {
            int e = at;
            while (e < t.length() && e - at < max && Character.isIdeographic(t.charAt(e))) {
                e++;
            }
            return t.substring(at, e);
        }

        String evaluate(int start, String rawName, String kind, String how) {
            String name = NameSpacing.asSpaced(n, view, start, rawName);
            if (name == null || !seen.add(start + "/" + kind + "/" + name.length())) {
                return name;
            }
            int ns = view.normalised(start);
            int original = n.originalStart(ns);
            Verdict v = rules.evaluate(new Candidate(Category.PERSON_NAME, kind, start, start + name.length(), 0.3), name, site);
            if (!v.reported()) {
                return name;
            }
            Finding f = PersonalRules.finding(n, ns, view.normalisedEnd(start + name.length()), v, Severity.MEDIUM, PersonalRules.BASIS,
                    PersonNameDetector.this.name(), "个人姓名", null, Masks.name(name), "公开时应隐去或部分遮盖为“{masked}”。",
                    how == null ? "候选：" + kind : how + "；候选：" + kind);
            Finding before = found.get(original);
            if (before == null || before.score() < f.score()) {
                found.put(original, f);
            }
            return name;
        }
    }
}
