package org.gongkai.personal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.rules.Candidate;
import org.gongkai.rules.RuleSet;
import org.gongkai.rules.Site;
import org.gongkai.rules.Verdict;
import org.gongkai.spi.Category;
import org.gongkai.spi.DetectionContext;
import org.gongkai.spi.Finding;
import org.gongkai.spi.NormalizedText;
import org.gongkai.spi.Severity;

/**
 * House-level addresses of persons. Proposes addresses down to the house number — a street (路/街/巷/弄 … 号), a
 * village (村 … 组 … 号, a named group 老码头组016号, or a hamlet and house number such as 新店村后坑12号), or a residential estate's building
 * (XX小区3栋2单元501室, with no street at all) — as {@code house} candidates (0.55, which need personal context)
 * or, when they reach a unit or flat (单元/室), {@code flat} candidates (0.63, a private home by themselves). The
 * rules of {@code config/personal.rules} raise a home-address label (住址、家住、房屋坐落 …), an address column or a
 * person in the line, and drop an agency's 办公地址 and an organisation's 住所; a village or township name alone is
 * never an address.
 */
public final class AddressDetector extends PersonalDetector {
    /** A character of a hamlet's or a village group's name: no word of a document reference, organisation, street or date. */
    private static final String PLACE_CHAR = "(?:(?![级委第文令字发办会室楼号民务部集规划政策路街巷道区县市镇乡于在到从至自将已并和及与的对向为是等共有计约每月日年周时期间截止届])"
            + "\\p{IsHan})";
    /**
     * A hamlet (自然村、屯、组、坑 …) of a village with its house number: "新店村后坑12号", "红星村三屯45号". One to four
     * characters after 村 that hold no word of a document reference (第、级、委、文、号 …), of an organisation, of a
     * street (a 路/街 address has its own form) or of a date (于、在、月 …: "该村于5号召开"), and a number not followed
     * by 文/令/函/件 ("村级组织12号文" is a document, not a house). 村 must be a village's name, not part of a word
     * (农村、乡村、全村 …); the look-behind stands after 村 so that it costs nothing at other characters.
     */
    private static final String HAMLET = "(?<![农乡渔全各每]村)" + PLACE_CHAR + "{1,4}?\\d+(?:-\\d+)?号(?![文令函件])";
    /**
     * A named village group (村民小组) with a house number: "东塔社区老码头组老码头016号", "红旗村李家组5号". The group's name and
     * the hamlet after it hold no word of a document reference, organisation, street or date ({@link #PLACE_CHAR}); a
     * named group without a house number is no house-level address.
     */
    private static final String NAMED_GROUP = "(?<![农乡渔全各每]村)" + PLACE_CHAR + "{1,5}?组" + PLACE_CHAR + "{0,5}?\\d+(?:-\\d+)?号(?![文令函件])";
    /** A section of a street (中山路2段) or a numbered area of a residential quarter (花家地西里三区12号楼). */
    private static final String STREET_PART = "(?:\\d+段|(?:\\d{1,2}|[一二三四五六七八九十]{1,3})区)?";
    /** The building of a residential estate: 阳光小区3栋, 幸福家园12幢, 金色港湾A座, 锦绣花园二期5号楼. */
    private static final String ESTATE = "(?:小区|花园|家园|公寓|新村|苑|大厦|广场|社区|园|庭|府|湾|城|宿舍)(?:\\d+期|[一二三四五六七八九十]期)?"
            + "(?:[A-Za-z]|\\d+|[一二三四五六七八九十]+)(?:栋|幢|号楼|座)";
    private static final Pattern ADDRESS = Pattern.compile(
            "(?:[\\p{IsHan}]{2,8}?(?:省|自治区|市|州|盟))?(?:[\\p{IsHan}]{1,8}?(?:区|县|旗))?(?:[\\p{IsHan}]{1,8}?(?:镇|乡|街道))?"
            + "(?:(?:[\\p{IsHan}A-Za-z0-9]{1,12}?(?:路|街|大道|巷|弄|胡同|里)" + STREET_PART + "\\d+(?:-\\d+)?号(?!线)(?:院)?)"
            + "|(?:[\\p{IsHan}]{1,8}?(?:村|社区)(?:(?:\\d+|[一二三四五六七八九十]+)(?:(?:组|社|队)(?:\\d+号)?|(?:区|片)\\d+(?:-\\d+)?号)|" + NAMED_GROUP + "|" + HAMLET + "))"
            + "|(?:[\\p{IsHan}A-Za-z0-9]{1,12}?" + ESTATE + "))"
            + "(?:[\\p{IsHan}A-Za-z0-9]{0,12}?\\d+(?:栋|幢|号楼|单元|楼|层|室|号|附\\d+号))*");
    /**
     * The part every address must contain (a 路/街 … 号, a 村 … 组 or a 村 … hamlet … 号). Matching {@link #ADDRESS}
     * only near these anchors keeps its lazy place-name prefixes from being tried at every character of a long
     * document.
     */
    private static final Pattern ANCHOR = Pattern.compile("(?:路|街|大道|巷|弄|胡同|里)" + STREET_PART + "\\d+(?:-\\d+)?号(?!线)"
            + "|(?:村|社区)(?:(?:\\d+|[一二三四五六七八九十]+)(?:组|社|队|(?:区|片)\\d+(?:-\\d+)?号)|" + NAMED_GROUP + "|" + HAMLET + ")|" + ESTATE);
    /** Farthest an address can start before its anchor: three place-name levels and the street name. */
    private static final int REACH = 48;
    private static final Pattern FLAT = Pattern.compile("\\d+(?:单元|室)|\\d+(?:栋|幢|号楼|座)\\d+");
    /**
     * Words that end what comes before an address — labels, parties and function words no place name holds — so
     * the address starts after them ("家住…", "当事人在其租住的…"). A boundary of the match, not context.
     */
    private static final Pattern LEAD = Pattern.compile("住址|家住|住所|现住|现居|居住|住在|暂住|户籍地|户籍所在地|户口所在地|地址|租住|位于|居于|坐落于|坐落在|坐落|座落于|座落在|座落|"
            + "[的在其为是从到至把被对由了给与及或等系请]|当事人|申请人|投诉人|举报人|被处罚人|被检查人|户主|联系人|姓名|信访人|上访人|本人|家属|配偶|先生|女士|身份证|"
            + "家庭电话|住宅电话|宅电|个人|村民|居民|患者|学生|法定代表人|负责人[:：]|驾驶人|驾驶员|车主");

    @Override
    public String name() {
        return "address";
    }

    @Override
    public Set<Category> categories() {
        return Set.of(Category.ADDRESS);
    }

    @Override
    public List<Finding> detect(DetectionContext ctx) {
        RuleSet r = rules.get();
        NormalizedText n = ctx.normalized();
        JoinedLines view = view(n);
        String t = view.text;
        Site site = new Site(t, i -> n.originalStart(view.normalised(i)), ctx.text(), ctx.structure());
        List<Finding> out = new ArrayList<>();
        Matcher m = ADDRESS.matcher(t);
        Matcher anchors = ANCHOR.matcher(t);
        int done = 0;
        while (anchors.find()) {
            if (anchors.start() < done) {
                continue;
            }
            m.region(Math.max(done, anchors.start() - REACH), t.length());
            if (!m.find()) {
                break;
            }
            done = m.end();
            int start = trimmedStart(n, view, m.start(), m.end());
            if (m.end() - start < 5) {
                continue;
            }
            String address = t.substring(start, m.end());
            boolean flat = FLAT.matcher(address).find();
            Verdict v = r.evaluate(new Candidate(Category.ADDRESS, flat ? "flat" : "house", start, m.end(), flat ? 0.63 : 0.55), site);
            if (v.reported()) {
                out.add(PersonalRules.finding(n, view.normalised(start), view.normalisedEnd(m.end()), v, Severity.HIGH, PersonalRules.BASIS, name(),
                        "具体到门牌号的个人住址", flat ? "含楼栋、单元或室号" : null, Masks.address(address),
                        "个人住址属个人隐私，公开前须删除或仅保留到村（社区），如“{masked}”。", flat ? "门牌号地址，含楼栋、单元或室号" : "门牌号地址格式"));
            }
        }
        return out;
    }

    /**
     * The text addresses are matched in: the normalised text with a line break inside a block removed where a PDF
     * line end cuts an address ("青年路\n38号楼", "港沟\n街道神武村二区17号", "3单元6\n01室"), with a map back to normalised
     * offsets. A break is removed only when an address read across it runs over it; breaks between blocks stay.
     */
    static JoinedLines view(NormalizedText n) {
        return JoinedLines.of(n, (t, i) -> addressChar(t.charAt(i - 1)) && addressChar(t.charAt(i + 1)) && wrapsAddress(t, i));
    }

    private static boolean addressChar(char c) {
        return Character.isIdeographic(c) || c >= '0' && c <= '9';
    }

    /**
     * Whether an address read over the two lines joined at break {@code i} runs across it. The line before
     * the break must be a wrapped line of some length (a short title line is not joined to what follows).
     */
    private static boolean wrapsAddress(String t, int i) {
        int lineStart = t.lastIndexOf('\n', i - 1) + 1;
        if (i - lineStart < 10) {
            return false;
        }
        int lineEnd = t.indexOf('\n', i + 1);
        lineEnd = lineEnd < 0 ? t.length() : lineEnd;
        String left = t.substring(Math.max(lineStart, i - REACH), i);
        String joined = left + t.substring(i + 1, Math.min(lineEnd, i + 1 + 40));
        int split = left.length();
        Matcher a = ANCHOR.matcher(joined);
        Matcher m = ADDRESS.matcher(joined);
        int done = 0;
        while (a.find()) {
            if (a.start() < done) {
                continue;
            }
            m.region(Math.max(done, a.start() - REACH), joined.length());
            if (!m.find()) {
                return false;
            }
            if (m.start() < split && m.end() > split) {
                return true;
            }
            done = m.end();
        }
        return false;
    }

    /**
     * Where the address really starts: the pattern's optional 省/市/区/镇 prefixes take any characters before
     * them, so cut after the last label, party or function word ("家住…", "当事人在其租住的…") and after a
     * column gap of the original text (a PDF table row "1 谭正国 城口县…").
     */
    private static int trimmedStart(NormalizedText n, JoinedLines view, int start, int end) {
        String t = view.text;
        int firstDigit = start;
        while (firstDigit < end && !Character.isDigit(t.charAt(firstDigit))) {
            firstDigit++;
        }
        int cut = start;
        Matcher lead = LEAD.matcher(t).region(start, firstDigit);
        while (lead.find()) {
            cut = lead.end();
        }
        String original = n.original().text();
        int oFrom = n.originalStart(view.normalised(cut));
        int oTo = n.originalStart(view.normalised(firstDigit));
        int gap = -1;
        int spaces = 0;
        for (int i = oFrom; i < oTo; i++) {
            char c = original.charAt(i);
            if (Character.isWhitespace(c) && c != '\n') { // a line break here is a wrapped line the view joined
                spaces++;
                gap = i;
            }
        }
        if (gap >= 0 && spaces * 3 < oTo - oFrom) { // not a letter-spaced line
            while (cut < firstDigit && n.originalStart(view.normalised(cut)) <= gap) {
                cut++;
            }
        }
        if (cut > start && cut < end) {
            Matcher rest = ADDRESS.matcher(t).region(cut, end);
            if (rest.lookingAt() && rest.end() == end) {
                return cut;
            }
        }
        return start;
    }

}
