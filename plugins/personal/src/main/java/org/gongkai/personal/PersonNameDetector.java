package org.gongkai.personal;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.spi.Block;
import org.gongkai.spi.Category;
import org.gongkai.spi.DetectionContext;
import org.gongkai.spi.Detector;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.Finding;
import org.gongkai.spi.NormalizedText;
import org.gongkai.spi.PluginConfig;
import org.gongkai.spi.Severity;
import org.gongkai.spi.Span;

/**
 * Names of private persons, only where context says a person is meant: a label (当事人、申请人、姓名、户主、联系人 …),
 * a 称谓 (先生、女士), a 姓名 column of a table, or a name right before an ID or mobile number. HanLP's name
 * recogniser confirms candidates in a short window only — run over whole administrative prose it tags words
 * like 依规、应在、向社会 as names (DOMAIN.md) and costs ~0.2 M chars/s. Officials named in their role (…同志,
 * 局长…, 签发人) are not findings: their names in office are public.
 */
public final class PersonNameDetector implements Detector {
    private static final Pattern LABEL = Pattern.compile("(当事人|申请人|信访人员|上访人员|重点人员|涉事人员|被申请人|投诉人|举报人|被处罚人|被检查人|被调查人|户主|联系人|姓名|信访人|上访人|"
            + "法定代表人|委托代理人|代理人|监护人|受害人|死者|患者|承租人|出租人|借款人|购房人|经营者|业主)[:：\\s]*([\\p{IsHan}·]{2,4})");
    private static final Pattern HONORIFIC = Pattern.compile("(?<=\\p{IsHan}{2})(先生|女士|老人|老汉|大爷|大妈|阿姨|之子|之女|之妻|之夫|夫妇|一家)");
    /** Characters that may follow a name right after its label without being part of it ("赵德明、孙桂芬等5人", "王建国，男"). */
    private static final String FOLLOWERS = "等男女和及与系";
    /**
     * Surnames that are also everyday words of administrative prose (向 本机关, 应当, 申请, 陈述, 关于, 全部 …): HanLP
     * tags "向本" as a name, so a name with one of these surnames must end where a name ends.
     */
    private static final String WORD_SURNAMES = "向于应和申陈高全关时成任付方万文车房计解查利公干但信展由那宣来相初门云容敬都普平国支索修居揭元束衣智幸富闭战危印隆宿鲜况";
    /** What may follow a name: punctuation, digits, or a word that starts after a name (于2022年, 电话, 身份证, 住 …). */
    private static final String NAME_END = FOLLOWERS + "于在已曾因将同先之夫一家现住户手身性年电联";
    /** Function words that never stand inside a given name: "申请于", "当事人在" are prose. */
    private static final String NOT_IN_GIVEN_NAME = "的了于在是及或等对从把被这该此各每所而且并但则因据按过不没也都就还要会能";
    private static final Pattern BEFORE_ID = Pattern.compile("([\\p{IsHan}]{2,4})[，,、:：\\s]{0,3}(?:[男女][，,、\\s]{0,3})?(?:\\d{2}岁[，,、\\s]{0,3})?"
            + "(?:身份证号?码?[:：]?|公民身份号码[:：]?|手机号?码?[:：]?|电话[:：]?)?$");
    private static final Pattern OFFICIAL_AFTER = Pattern.compile("^(同志|局长|副局长|书记|副书记|县长|副县长|区长|副区长|市长|副市长|主任|副主任|科长|副科长|镇长|副镇长|乡长|"
            + "处长|部长|主席|委员|组长|副组长|队长|所长|站长|院长|校长|经理|秘书长|常委|代表|专员|主持|签发)");
    private static final Pattern OFFICIAL_BEFORE = Pattern.compile("(局长|书记|县长|区长|市长|主任|科长|镇长|乡长|处长|部长|主席|委员|组长|队长|所长|站长|院长|校长|"
            + "签发人|主持人|出席|参加|列席|主持|审核人|审批人|经办人|起草人|分管领导|负责同志)[:：]?\\s*$");
    private static final Set<String> NOT_NAMES = Set.of("本人", "其他", "某某", "无", "不详", "情况", "信息", "单位", "名称", "地址", "电话", "身份",
            "证件", "性别", "年龄", "民族", "住址", "以上", "如下", "姓名", "同志", "签字", "盖章", "本单位", "个人", "家庭", "户主");

    private volatile Segment segment;

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
        segment(); // load the dictionaries now, not on the first upload
    }

    /** The HanLP segmenter, created on first use when the host did not call {@link #configure}. */
    private Segment segment() {
        Segment s = segment;
        if (s == null) {
            synchronized (this) {
                s = segment;
                if (s == null) {
                    s = HanLP.newSegment().enableNameRecognize(true).enableOffset(true)
                            .enablePlaceRecognize(false).enableOrganizationRecognize(false);
                    s.seg("张三于2022年提出申请。");
                    segment = s;
                }
            }
        }
        return s;
    }

    @Override
    public List<Finding> detect(DetectionContext ctx) {
        NormalizedText n = ctx.normalized();
        String t = n.text();
        Map<Integer, Finding> found = new HashMap<>();
        Matcher m = LABEL.matcher(t);
        Pattern next = Pattern.compile("\\G[、和及]([\\p{IsHan}·]{2,4})");
        while (m.find()) {
            String name = candidate(ctx, m.start(2), m.group(2), "标签“" + m.group(1) + "”", 0.9, found, true);
            int at = name == null ? -1 : m.start(2) + name.length();
            // a list after the label: 重点信访人员赵德明、孙桂芬等
            while (at > 0) {
                Matcher n2 = next.matcher(t);
                if (!n2.find(at)) {
                    break;
                }
                String more = candidate(ctx, n2.start(1), n2.group(1), "标签“" + m.group(1) + "”后的列举", 0.85, found, true);
                at = more == null ? -1 : n2.start(1) + more.length();
            }
        }
        m = HONORIFIC.matcher(t);
        while (m.find()) {
            // the name ends at the 称谓: a three-character name, else a two-character one ("市民王强先生")
            for (int len = 3; len >= 2; len--) {
                int from = m.start() - len;
                if (from >= 0 && t.substring(from, m.start()).codePoints().allMatch(Character::isIdeographic)
                        && candidate(ctx, from, t.substring(from, m.start()), "称谓“" + m.group(1) + "”", 0.8, found, false) != null) {
                    break;
                }
            }
        }
        for (int[] idAt : identifiers(t)) {
            String before = t.substring(Math.max(0, idAt[0] - 16), idAt[0]);
            Matcher b = BEFORE_ID.matcher(before);
            if (b.find()) {
                // a valid ID number right after the word is strong context, like a label; a phone number less so
                boolean id = idAt[1] - idAt[0] == 18;
                candidate(ctx, idAt[0] - before.length() + b.start(1), b.group(1), id ? "紧邻身份证号码" : "紧邻手机号码", 0.8, found, id);
            }
        }
        nameColumns(ctx, found);
        return new ArrayList<>(found.values());
    }

    /** Positions of ID and mobile numbers (validated), which make an adjacent word a name. */
    private static List<int[]> identifiers(String t) {
        List<int[]> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?<![0-9])(\\d{17}[0-9Xx]|1[3-9]\\d{9})(?![0-9])").matcher(t);
        while (m.find()) {
            String s = m.group(1);
            if (s.length() == 11 || IdNumber.isValid18(s.toUpperCase())) {
                out.add(new int[] {m.start(), m.end()});
            }
        }
        return out;
    }

    /** Cells under a 姓名 header in DOCX/DOC tables (sources "表格N 第r行第c列"). */
    private void nameColumns(DetectionContext ctx, Map<Integer, Finding> found) {
        DocumentText text = ctx.text();
        Set<String> nameColumns = new HashSet<>();
        Pattern cell = Pattern.compile("表格(\\d+) 第(\\d+)行第(\\d+)列$");
        for (Block b : text.blocks()) {
            Matcher m = cell.matcher(b.source());
            if (m.find() && b.text().replaceAll("\\s", "").matches("姓名|户主姓名|申请人姓名|户主|申请人|姓名（名称）|当事人")) {
                nameColumns.add(m.group(1) + "/" + m.group(3));
            }
        }
        if (nameColumns.isEmpty()) {
            return;
        }
        for (int i = 0; i < text.blocks().size(); i++) {
            Block b = text.blocks().get(i);
            Matcher m = cell.matcher(b.source());
            String v = b.text().strip();
            if (m.find() && nameColumns.contains(m.group(1) + "/" + m.group(3)) && v.matches("[\\p{IsHan}·]{2,4}") && !NOT_NAMES.contains(v)
                    && Surnames.startsWithSurname(v) && !masked(v, 0, v)) {
                int start = text.blockStart(i) + b.text().indexOf(v);
                Span span = new Span(start, start + v.length());
                found.putIfAbsent(start, Finding.at(text, span, Category.PERSON_NAME, Severity.MEDIUM, 0.9, PhoneNumberDetector.BASIS,
                        "表格“姓名”列中的个人姓名“" + v + "”（" + b.source() + "）。公开时应隐去或部分遮盖（如“张*”）。", name()));
            }
        }
    }

    /** Reports the name at {@code start} when it is one; returns the name (also when already reported), or null. */
    private String candidate(DetectionContext ctx, int start, String raw, String why, double score, Map<Integer, Finding> found, boolean labelled) {
        String t = ctx.normalized().text();
        if (masked(t, start, raw)) {
            return null;
        }
        String name = confirm(t, start, raw, labelled);
        if (name == null || NOT_NAMES.contains(name)) {
            return null;
        }
        if (found.containsKey(start)) {
            return name;
        }
        String after = t.substring(start + name.length(), Math.min(t.length(), start + name.length() + 6));
        String before = t.substring(Math.max(0, start - 12), start);
        if (OFFICIAL_AFTER.matcher(after).find() || OFFICIAL_BEFORE.matcher(before).find()) {
            return null;
        }
        found.put(start, Finding.at(ctx.normalized(), start, start + name.length(), Category.PERSON_NAME, Severity.MEDIUM, score,
                PhoneNumberDetector.BASIS, "个人姓名“" + name + "”，依据：" + why + "，经分词确认为人名。公开时应隐去或部分遮盖（如“" + name.charAt(0) + "某某”）。", name()));
        return name;
    }

    /**
     * True when HanLP reads the start of the candidate as an ordinary word other than a noun — a verb, adverb,
     * numeral, preposition … ("申请"/v, "应当"/v, "高度"/d, "全部"/m): prose after the label, not a name.
     * Nouns stay possible ("白云" of 白云飞).
     */
    private static boolean proseWord(Term term) {
        if (term == null || term.word.length() < 2 || term.nature == null) {
            return false;
        }
        String nature = term.nature.toString();
        return !nature.startsWith("n") && !nature.startsWith("g") && !nature.startsWith("x");
    }

    private static boolean hasFunctionWord(String name) {
        int given = Surnames.compound(name) ? 2 : 1;
        for (int i = given; i < name.length(); i++) {
            if (NOT_IN_GIVEN_NAME.indexOf(name.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsAName(String t, int next) {
        char c = next < t.length() ? t.charAt(next) : '\n';
        return !Character.isIdeographic(c) || NAME_END.indexOf(c) >= 0;
    }

    /** Already anonymised: 王某, 王某某, 张*明, 李** — fine to publish. */
    private static boolean masked(String t, int start, String raw) {
        int end = Math.min(t.length(), start + Math.max(raw.length(), 3));
        String s = t.substring(start, end);
        return s.length() >= 2 && (s.charAt(1) == '某' || s.indexOf('*') >= 0 || s.indexOf('＊') >= 0 || s.indexOf('×') >= 0);
    }

    /**
     * The name at {@code start}: HanLP's name recogniser on a short window decides where it ends; with a
     * strong label, a surname-led 2–3 character word is accepted when HanLP splits it differently.
     */
    private String confirm(String t, int start, String raw, boolean labelled) {
        if (!Surnames.startsWithSurname(raw)) {
            return null;
        }
        int from = Math.max(0, start - 4);
        String window = t.substring(from, Math.min(t.length(), start + raw.length() + 4));
        Term first = null;
        for (Term term : segment().seg(window)) {
            if (term.offset + from != start) {
                continue;
            }
            first = term;
            if (term.nature != null && term.nature.toString().startsWith("nr") && term.word.length() >= 2 && term.word.length() <= 4) {
                if (hasFunctionWord(term.word)
                        || WORD_SURNAMES.indexOf(term.word.charAt(0)) >= 0 && !endsAName(t, start + term.word.length())) {
                    return null;
                }
                return term.word;
            }
        }
        if (labelled && !proseWord(first)) {
            // HanLP splits the name differently: take the surname-led word that ends where a name ends — at
            // punctuation, a digit, the end of the line or a word such as 等/男/女/电话/身份证. Prose after a label
            // ("当事人应当配合", "申请人向本机关") runs on into more characters and is no name.
            int longest = Math.min(raw.length(), Surnames.compound(raw) ? 4 : 3);
            for (int len = longest; len >= 2; len--) {
                if (!Character.isIdeographic(raw.charAt(len - 1))) {
                    continue;
                }
                int next = start + len;
                String name = raw.substring(0, len);
                if (endsAName(t, next) && !hasFunctionWord(name)) {
                    return name;
                }
            }
        }
        return null;
    }
}
