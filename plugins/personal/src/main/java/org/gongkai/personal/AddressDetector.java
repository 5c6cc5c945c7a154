package org.gongkai.personal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
import org.gongkai.spi.Severity;

/**
 * House-level addresses of persons: a street or village address down to the house number (路/街/巷/弄 … 号,
 * 栋/幢/单元/室, 村 … 组 … 号, or a village's hamlet and house number such as 新店村后坑12号、红星村三屯45号).
 * Reported with personal context — a label (住址、家住、户籍地、房屋坐落于 …), a table column headed 住址/家庭住址/
 * 房屋坐落 …, a person in the line — or when it reaches a flat (单元/室) with no agency in the line. An agency's
 * 办公地址 (本局地址、地址+邮编 of an office), a company's 住所 and the site of land or a project are public; a
 * village or township name alone is not an address.
 */
public final class AddressDetector implements Detector {
    /**
     * A hamlet (自然村、屯、组、坑 …) of a village with its house number: "新店村后坑12号", "红星村三屯45号". One to four
     * characters after 村 that hold no word of a document reference (第、级、委、文、号 …), of an organisation, of a
     * street (a 路/街 address has its own form) or of a date (于、在、月 …: "该村于5号召开"), and a number not followed
     * by 文/令/函/件 ("村级组织12号文" is a document, not a house). 村 must be a village's name, not part of a word
     * (农村、乡村、全村 …); the look-behind stands after 村 so that it costs nothing at other characters.
     */
    private static final String HAMLET = "(?<![农乡渔全各每]村)(?:(?![级委第文令字发办会室楼号民务部集规划政策路街巷道区县市镇乡于在到从至自将已并和及与的对向为是等共有计约每月日年周时期间截止届])"
            + "\\p{IsHan}){1,4}?\\d+(?:-\\d+)?号(?![文令函件])";
    /** A section of a street (中山路2段) or a numbered area of a residential quarter (花家地西里三区12号楼). */
    private static final String STREET_PART = "(?:\\d+段|(?:\\d{1,2}|[一二三四五六七八九十]{1,3})区)?";
    private static final Pattern ADDRESS = Pattern.compile(
            "(?:[\\p{IsHan}]{2,8}?(?:省|自治区|市|州|盟))?(?:[\\p{IsHan}]{1,8}?(?:区|县|旗))?(?:[\\p{IsHan}]{1,8}?(?:镇|乡|街道))?"
            + "(?:(?:[\\p{IsHan}A-Za-z0-9]{1,12}?(?:路|街|大道|巷|弄|胡同|里)" + STREET_PART + "\\d+(?:-\\d+)?号(?!线)(?:院)?)"
            + "|(?:[\\p{IsHan}]{1,8}?(?:村|社区)(?:(?:\\d+|[一二三四五六七八九十]+)(?:(?:组|社|队)(?:\\d+号)?|(?:区|片)\\d+(?:-\\d+)?号)|" + HAMLET + ")))"
            + "(?:[\\p{IsHan}A-Za-z0-9]{0,12}?\\d+(?:栋|幢|号楼|单元|楼|层|室|号|附\\d+号))*");
    /**
     * The part every address must contain (a 路/街 … 号, a 村 … 组 or a 村 … hamlet … 号). Matching {@link #ADDRESS}
     * only near these anchors keeps its lazy place-name prefixes from being tried at every character of a long
     * document.
     */
    private static final Pattern ANCHOR = Pattern.compile("(?:路|街|大道|巷|弄|胡同|里)" + STREET_PART + "\\d+(?:-\\d+)?号(?!线)"
            + "|(?:村|社区)(?:(?:\\d+|[一二三四五六七八九十]+)(?:组|社|队|(?:区|片)\\d+(?:-\\d+)?号)|" + HAMLET + ")");
    /** Farthest an address can start before its anchor: three place-name levels and the street name. */
    private static final int REACH = 48;
    /** Words that tie an address to a person. 住所 is also the legal term for a company's seat (see {@link #ORGANISATION}). */
    private static final Pattern PERSONAL = Pattern.compile("住址|家住|住所|户籍地|户籍所在地|居住地|现住|现居|住在|家庭住址|家庭地址|居住|暂住|户口所在地|租住|"
            + "(?:房屋|住房|住宅|宅基地|自建房|私房|房产)(?:坐落|座落|位于|地址)");
    /**
     * Personal-context words that an organisation's address can carry too (a company's 住所, 公司房屋坐落于 …): with
     * these the party is checked ({@link #ofOrganisation}).
     */
    private static final Pattern SHARED = Pattern.compile("住所|(?:房屋|住房|住宅|宅基地|自建房|私房|房产)(?:坐落|座落|位于|地址)");
    private static final Pattern FLAT = Pattern.compile("\\d+(?:单元|室)|\\d+(?:栋|幢)\\d+");
    private static final Pattern AGENCY_ADDRESS = Pattern.compile("[本我](?:局|委|办|院|所|中心|机关|单位|站|队|馆)(?:的)?(?:办公)?地址|机关地址|办公地址|单位地址|办公场所|"
            + "受理地点|办理地点|服务地点|地点[:：]|会议室|大厅|窗口|"
            + "(?:局|委|办|院|中心|机关|单位|站|队|馆|政府|公司|窗口|大厅)[（(]?(?:的)?(?:办公|通讯|通信|联系|来信|来访|邮寄)?地址|来信请寄|来信地址|来访地址");
    /** An organisation as the party an address belongs to (a company's 住所 is public registration data). */
    private static final Pattern ORGANISATION = Pattern.compile("公司|企业|集团|合作社|厂|商行|经营部|门市部|超市|酒店|宾馆|医院|学校|协会|事务所|银行|中心|局|委员会|政府");
    /** Labels of the party a decision or notice is about. */
    private static final Pattern PARTY = Pattern.compile("当事人|被处罚单位|被处罚人|被申请人|申请人|被检查单位|被检查人|被调查单位|被调查人|单位名称|企业名称|"
            + "被投诉人|投诉人|被举报人|举报人|供应商|中标人|成交人|被征收人");
    /** Postal-address labels: personal context only after a natural-person party ({@link #partyPostalAddress}). */
    private static final Pattern POSTAL = Pattern.compile("通信地址|通讯地址|联系地址|邮寄地址|送达地址|收件地址");
    /** Labels of a party that is a natural person unless an organisation is named after it. */
    private static final Pattern NATURAL_PARTY = Pattern.compile("当事人|被申请人|申请人|投诉人|举报人|信访人|上访人|来信人|被处罚人|被征收人|被拆迁人|"
            + "复议申请人|异议人|受害人|户主|姓名");
    /** Marks of a natural person between the party label and the address. */
    private static final Pattern NATURAL_PERSON = Pattern.compile("[，,、（(\\s][男女][，,、）)\\s]|身份证|公民身份号码|出生|\\d+岁|民族|家住|住址|家庭住址|户籍");
    /** Words that end what comes before an address: labels, parties and function words no place name holds. */
    private static final Pattern LEAD = Pattern.compile("住址|家住|住所|现住|现居|居住|住在|暂住|户籍地|户籍所在地|户口所在地|地址|租住|位于|居于|坐落于|坐落在|坐落|座落于|座落在|座落|"
            + "[的在其为是从到至把被对由了给与及或等系]|" + Context.PERSON.pattern());
    /** Table headers of address columns. */
    private static final Pattern ADDRESS_HEADER = Pattern.compile("(?:家庭|现|户籍|居住|常住)?(?:住址|住所|居住地|户籍地|家庭地址|户籍所在地)|坐落|座落|房屋地址|房屋位置|门牌");
    /** Headers of columns of land or project sites, which are public: "宗地坐落", "项目地址". */
    private static final Pattern SITE_HEADER = Pattern.compile("宗地|土地|地块|项目|工程|单位|机构|企业|公司");
    private static final Pattern CELL = Pattern.compile("表格(\\d+) 第(\\d+)行第(\\d+)列$");

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
        NormalizedText n = ctx.normalized();
        JoinedLines view = view(n);
        String t = view.text;
        Set<String> addressColumns = addressColumns(ctx.text());
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
            String before = Context.before(t, start, 15);
            String line = Context.line(t, start, m.end());
            String personal = Context.find(PERSONAL, before);
            if (personal == null) {
                personal = column(n.blockAt(view.normalised(start)), addressColumns);
            }
            if (personal == null) {
                personal = partyPostalAddress(t, start, before);
            }
            String personInLine = Context.find(Context.PERSON, line);
            boolean agency = agencyLabelNearest(before)
                    || personal == null && personInLine == null && Context.find(Context.AGENCY, Context.after(t, m.end(), 8)) != null;
            if (agency || ofOrganisation(partyScope(t, start, personal), personal)) {
                continue;
            }
            boolean flat = FLAT.matcher(address).find();
            if (personal == null && personInLine == null && !flat) {
                continue;
            }
            double score = 0.55 + (personal != null ? 0.35 : 0) + (flat ? 0.08 : 0) + (personInLine != null ? 0.05 : 0);
            out.add(Finding.at(n, view.normalised(start), view.normalisedEnd(m.end()), Category.ADDRESS, Severity.HIGH, Math.min(0.99, score),
                    PhoneNumberDetector.BASIS, "具体到门牌号的住址" + (flat ? "（含楼栋、单元或室号）" : "") + (personal != null ? "；上下文：" + personal
                            : personInLine != null ? "；同行出现“" + personInLine + "”" : "") + "。个人住址属个人隐私，公开前须删除或仅保留到村（社区）。", name()));
        }
        return out;
    }

    /**
     * A postal address label (通信地址、通讯地址、联系地址 …) right before the address, of a natural-person party: a
     * party label (申请人、当事人 …) within the four lines before it and no organisation named between them — the
     * 申请人's own address in a reply to a disclosure request. An agency's postal address is caught as such before.
     */
    private static String partyPostalAddress(String t, int start, String before) {
        String label = Context.find(POSTAL, before);
        if (label == null) {
            return null;
        }
        String scope = Context.before(t, start, 160);
        int lines = scope.length();
        for (int k = 0; k < 5 && lines > 0; k++) {
            lines = scope.lastIndexOf('\n', lines - 1);
        }
        scope = scope.substring(Math.max(0, lines + 1));
        Matcher p = NATURAL_PARTY.matcher(scope);
        int party = -1;
        String word = null;
        while (p.find()) {
            party = p.end();
            word = p.group();
        }
        if (party < 0 || ORGANISATION.matcher(scope.substring(party)).find()) {
            return null;
        }
        return word + label;
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

    /** True when the last label before the address is an agency's (本局地址、办公地址 …) rather than a person's. */
    private static boolean agencyLabelNearest(String before) {
        Matcher a = AGENCY_ADDRESS.matcher(before);
        int agencyEnd = -1;
        while (a.find()) {
            agencyEnd = a.end();
        }
        if (agencyEnd < 0) {
            return false;
        }
        Matcher p = PERSONAL.matcher(before);
        while (p.find()) {
            if (p.start() >= agencyEnd) {
                return false;
            }
        }
        return true;
    }

    /**
     * The text that tells whose address this is: its sentence, or — for a label an organisation's address can
     * carry too (住所, 房屋坐落) — everything from the last party label (当事人、被处罚单位 …) within 200
     * characters, since a decision's header gives the party's name, credit code and 住所 on lines of their own.
     */
    private static String partyScope(String t, int start, String personal) {
        String sentence = Context.sentenceBefore(t, start, 60);
        if (personal == null || !SHARED.matcher(personal).matches()) {
            return sentence;
        }
        String before = Context.before(t, start, 200);
        Matcher p = PARTY.matcher(before);
        int party = -1;
        while (p.find()) {
            party = p.start();
        }
        return party >= 0 && before.length() - party > sentence.length() ? before.substring(party) : sentence;
    }

    /** True when the party the address belongs to is an organisation: its name comes after the last mark of a natural person. */
    private static boolean ofOrganisation(String sentence, String personal) {
        if (personal != null && !SHARED.matcher(personal).matches()) {
            return false;
        }
        int org = -1;
        Matcher o = ORGANISATION.matcher(sentence);
        while (o.find()) {
            org = o.end();
        }
        if (org < 0) {
            return false;
        }
        Matcher p = NATURAL_PERSON.matcher(sentence);
        while (p.find()) {
            if (p.end() > org) {
                return false;
            }
        }
        return true;
    }

    /** Columns (table/column) whose header names a home address. */
    private static Set<String> addressColumns(DocumentText text) {
        Set<String> columns = new HashSet<>();
        for (Block b : text.blocks()) {
            Matcher m = CELL.matcher(b.source());
            String v = b.text().replaceAll("\\s", "");
            if (m.find() && v.length() <= 8 && ADDRESS_HEADER.matcher(v).find() && !SITE_HEADER.matcher(v).find()) {
                columns.add(m.group(1) + "/" + m.group(3));
            }
        }
        return columns;
    }

    /** The header word when {@code b} is a cell of an address column. */
    private static String column(Block b, Set<String> addressColumns) {
        if (b == null || addressColumns.isEmpty()) {
            return null;
        }
        Matcher m = CELL.matcher(b.source());
        return m.find() && addressColumns.contains(m.group(1) + "/" + m.group(3)) ? "表格住址列" : null;
    }
}
