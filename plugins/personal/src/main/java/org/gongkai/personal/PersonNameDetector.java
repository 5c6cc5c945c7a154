package org.gongkai.personal;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CoreDictionary;
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
 * Names of private persons, only where context says a person is meant:
 * <ul>
 *   <li>a label naming a party or a private role (当事人、申请人、被征收人、被处罚人、受害人、户主、村民、联系人、委托代理人 …),
 *       also when a PDF line end cuts the label word ("委托代理\n人邵建平");</li>
 *   <li>a 称谓 (先生、女士 …);</li>
 *   <li>a name column of a table: a DOCX cell under a header such as 姓名、户主、被征收人、申请人、救助对象, or a PDF
 *       text table whose header line names such a column and whose rows start with running serial numbers;</li>
 *   <li>a name right before an ID number, a mobile number or a bank card/account ("覃某某（身份证号…）",
 *       "张三，开户行：…银行，账号：…");</li>
 *   <li>names listed before 等人/等N人 followed by a disruptive or unlawful act ("由张三、李四等人组织策划",
 *       "等5人多次聚集上访").</li>
 * </ul>
 * HanLP's name recogniser confirms candidates in a short window only — run over whole administrative prose it
 * tags words like 依规、应在、向社会 as names (DOMAIN.md) and costs ~0.2 M chars/s. With strong context (a label, a
 * name column, an adjacent ID/phone/card) a 2–3 character word starting with a surname is accepted also when
 * HanLP splits it ("唐小/nr 玲/nz"), provided it ends where a name ends and is no dictionary word, function word
 * or place/organisation name.
 *
 * <p>Not reported:
 * <ul>
 *   <li>officials named in their role (…同志, 局长…, 签发人): their names in office are public;</li>
 *   <li>masked names (王某、张*明);</li>
 *   <li>an office's 联系人 named beside the office's landline (no mobile), and staff in a duty roster's 值班人员/带班领导
 *       columns: officials named in role;</li>
 *   <li>a bare surname with a title or form of address (刘工、谭女士、王先生、张科长), which identifies no one;</li>
 *   <li>a piece of a transliterated minority name (平措 of 扎西平措): such names (乌云其木格、买买提·吐尔逊) are taken whole
 *       after a label, or when sex, ethnic group and an ID or mobile number describe the person.</li>
 *   <li>the 法定代表人 (法人代表, 负责人) of an organisation party — a company, cooperative, association … named as
 *       当事人/被处罚单位/被申请人, or with its 统一社会信用代码 — in the lines from that party label to the
 *       representative label. Reasoning: a 行政处罚决定 against a legal person is published with the legal person's
 *       name, credit code, address and 法定代表人 (the 行政处罚信息公示 practice and the national enterprise credit
 *       publicity system show the same fields); the representative is named in the capacity of the
 *       organisation's registered organ, which is public registration data, not as a private individual. This
 *       differs from a natural person as party (当事人：张三，男 …), whose name is private and is reported, as is
 *       every other private individual in the same decision (a victim, a witness, an agent, the person who
 *       signed a 询问笔录). The name is held back from every context (also when a phone number follows it); the
 *       representative's own ID or mobile number is still reported by those detectors. When no organisation party
 *       can be seen before the label, a 法定代表人 is reported, to be safe; 负责人 alone is no label of a private
 *       person (project and office 负责人 are usually officials).</li>
 * </ul>
 */
public final class PersonNameDetector implements Detector {
    /** Labels before a person's name: parties and private roles. Longer words first where one starts another. */
    private static final String LABEL_WORDS = "当事人|被申请人|申请人|信访人员|上访人员|重点人员|涉事人员|被投诉人|投诉人|被举报人|举报人|被处罚人|被检查人|被调查人|"
            + "被询问人|被征收人|被拆迁人|被执行人|被告人|被告|原告|被上诉人|上诉人|申诉人|违法行为人|违法嫌疑人|犯罪嫌疑人|受害人|被害人|伤者|死者|遇难者|"
            + "户主|户名|村民|居民|农户|房主|产权人|权利人|所有权人|房屋所有人|联系人|姓名|信访人|上访人|来访人|来电人|报案人|报警人|求助人|证人|"
            + "法定代表人|法人代表|委托代理人|代理人|被监护人|监护人|患者|病人|承租人|出租人|借款人|购房人|买受人|经营者|业主|收款人|持卡人|开户人|配偶|"
            + "救助对象|保障对象|低保对象|补助对象|帮扶对象|拟聘用人员|拟录用人员|拟聘人员|拟录取人员";
    private static final Pattern LABEL_WORD = Pattern.compile(LABEL_WORDS);
    /**
     * Label words by their first character, longest first: labels are found by a look-up at each character
     * rather than by trying a long regex alternation at every position of the document.
     */
    private static final Map<Character, String[]> LABELS_BY_FIRST = byFirst(LABEL_WORDS + "|" + "负责人|主要负责人|单位负责人|企业负责人");
    /** The next name of a list after a label ("赵德明、孙桂芬"). */
    private static final Pattern LIST_NEXT = Pattern.compile("\\G[、和及]([\\p{IsHan}·]{2,4})");
    /** What follows a label: separators and the name candidate. */
    private static final Pattern AFTER_LABEL = Pattern.compile("[:：\\s]*([\\p{IsHan}·]{2,4})");
    /** Labels of an organisation's representative: not reported when the party is an organisation (see class Javadoc). */
    private static final Set<String> REPRESENTATIVE = Set.of("法定代表人", "法人代表", "负责人", "主要负责人", "单位负责人", "企业负责人");
    /**
     * Representative labels that are no label of a private person on their own (a project's or an office's 负责人 is
     * usually an official): they only hold back the name of an organisation's representative from other contexts.
     */
    private static final Set<String> HOLD_ONLY = Set.of("负责人", "主要负责人", "单位负责人", "企业负责人");
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
    /** Last characters of place and organisation names, which a name taken without HanLP's confirmation must not end in. */
    private static final String PLACE_END = "县区市省镇乡村局委办所站队院厅处科部室组社庄屯街路号楼栋厂店司行馆";
    /**
     * What stands between a name and an ID, mobile or card number after it: a separator or an opening bracket, sex,
     * age, ethnic group, the bank where the account is held, and the number's label.
     */
    private static final Pattern BEFORE_NUMBER = Pattern.compile("([\\p{IsHan}]{2,4})[，,、:：（(\\s]{0,3}(?:[男女][，,、）)\\s]{0,3})?(?:\\d{1,3}岁[，,、\\s]{0,3})?"
            + "(?:[\\p{IsHan}]{1,3}族[，,、\\s]{0,3})?(?:开户(?:银)?行[:：]?[\\p{IsHan}]{2,24}[，,、\\s]{1,2})?"
            + "(?:(?:身份证号?码?|公民身份号码|证件号码|手机号?码?|(?:联系)?电话|(?:银行)?卡号|账号|帐号|存折号)[:：为]?)?$");
    /** Digit runs that may be an ID, mobile or card number. */
    private static final Pattern NUMBER = Pattern.compile("(?<![0-9])(\\d{17}[Xx]|\\d{11,19})(?![0-9A-Za-z])");
    private static final Pattern CARD_LABEL = Pattern.compile("卡号|账号|帐号|银行卡|开户|存折|账户|帐户");
    /** Prefixes of card schemes (UnionPay 62, Visa, Mastercard …), as in {@link BankCardDetector}. */
    private static final Pattern CARD_SCHEME = Pattern.compile("62|4|5[1-5]|2[2-7]|3[47]|35|9");
    private static final Pattern OFFICIAL_AFTER = Pattern.compile("^(同志|局长|副局长|书记|副书记|县长|副县长|区长|副区长|市长|副市长|主任|副主任|科长|副科长|镇长|副镇长|乡长|"
            + "处长|部长|主席|委员|组长|副组长|队长|所长|站长|院长|校长|经理|秘书长|常委|代表|专员|主持|签发)");
    private static final Pattern OFFICIAL_BEFORE = Pattern.compile("(局长|书记|县长|区长|市长|主任|科长|镇长|乡长|处长|部长|主席|委员|组长|队长|所长|站长|院长|校长|"
            + "签发人|主持人|出席|参加|列席|主持|审核人|审批人|经办人|起草人|分管领导|负责同志)[:：]?\\s*$");
    /** A name that is the start of an organisation's name ("李记商行", "张三副食店"): a short run of characters and a suffix. */
    private static final Pattern ORGANISATION_AFTER = Pattern.compile("^(?![\\p{IsHan}]*?(?:经营|开办|开设|承包|租赁|在|的|于|到|向|等|和|与|及))"
            + "[\\p{IsHan}]{0,6}?(?:公司|银行|支行|分行|信用社|合作社|商行|商店|超市|经营部|门市部|工作室|事务所|委员会|中心|厂|店|馆|局)(?![\\p{IsHan}])");
    /** Party labels whose value may be an organisation. */
    private static final Pattern PARTY = Pattern.compile("当事人|被处罚单位|被处罚人|被申请人|申请人|被检查单位|被检查人|被调查单位|被调查人|单位名称|企业名称|名称|"
            + "被投诉人|投诉人|被举报人|举报人|供应商|中标人|成交人|受让人|出让人|承包人|发包人|委托人|原告|被告|第三人");
    /** Marks of an organisation as the party: its name's suffix or its registration code. */
    private static final Pattern ORGANISATION = Pattern.compile("有限责任公司|有限公司|股份公司|公司|企业|集团|合作社|合伙|厂|商行|经营部|门市部|超市|酒店|宾馆|饭店|"
            + "医院|诊所|学校|幼儿园|协会|商会|事务所|委员会|工作室|中心|银行|统一社会信用代码|组织机构代码|营业执照");
    /** Private parties whose contact person is theirs, not an office's. */
    private static final Pattern PRIVATE_PARTY = Pattern.compile("当事人|申请人|投诉人|举报人|信访人|上访人|被处罚人|户主|家属|监护人|患者");
    /** 等人, 等5人, 等十余人, 等3名村民 after a list of names. */
    private static final Pattern GROUP = Pattern.compile("等(?:\\d{1,3}|[一二两三四五六七八九十几数多余]{1,3})?(?:人|名(?:群众|村民|居民|人员|当事人|男子|女子)?)");
    /** What the listed persons did: acts that make the list about private persons, not officials at work. */
    private static final Pattern GROUP_ACT = Pattern.compile("^(?:多次|先后|长期|共同|一起|再次|曾|又|屡次|伙同他人)?(?:组织|带头|牵头|煽动)?"
            + "(?:策划|煽动|纠集|聚集|聚众|围堵|堵塞|堵路|冲击|闹事|滋事|上访|越级上访|集体上访|缠访|闹访|扬言|串联|阻挠|阻工|殴打|打砸|拒不|涉嫌|非法|擅自|私自|"
            + "无证|违规|违法|群众|村民)|^(?:多次|先后|再次)?(?:在|到|赴)[\\p{IsHan}]{1,10}?(?:上访|聚集|闹事|静坐|围堵|滋事|拉横幅)");
    private static final Set<String> NOT_NAMES = Set.of("本人", "其他", "某某", "无", "不详", "情况", "信息", "单位", "名称", "地址", "电话", "身份",
            "证件", "性别", "年龄", "民族", "住址", "以上", "如下", "姓名", "同志", "签字", "盖章", "本单位", "个人", "家庭", "户主", "合计", "小计", "总计", "暂无",
            // administrative words that start with a surname character and that HanLP, missing them from its core
            // dictionary, tags as names after a label ("救助对象公示", "申请人花名册")
            "公示", "公布", "公开", "公式", "公用", "花名册", "明细", "时间", "费用", "安置", "申报", "常住", "方案", "金额", "名单", "汇总表");
    /** Header cells of name columns in tables: 姓名, a party or a role (被征收人、户主、救助对象 …), optionally with 姓名/名称. */
    private static final Pattern NAME_HEADER = Pattern.compile("(?:户主|申请人|被申请人|当事人|被处罚人|被征收人|被拆迁人|被补偿人|被安置人|救助对象|保障对象|低保对象|"
            + "特困对象|补助对象|补贴对象|帮扶对象|资助对象|受助人|拟聘用人员|拟录用人员|拟聘人员|拟录取人员|聘用人员|录用人员|农户|权利人|产权人|房屋所有人|"
            + "所有权人|承包户|承包人|收款人|持卡人|户名|村民|居民|监护人|联系人|代理人|考生|学生|患者|死者|伤者|受害人)(?:姓名|名称)?"
            + "|(?:户主|申请人|农户|村民|居民|考生|学生|患者|家庭成员|成员|人员|对象|本人)?姓名(?:（名称）|\\(名称\\))?");
    private static final Pattern CELL = Pattern.compile("表格(\\d+) 第(\\d+)行第(\\d+)列$");
    /**
     * Titles and forms of address that stand right after a bare surname (刘工, 谭女士, 王先生, 李经理, 张科长, 陈主任): such a
     * term identifies no one and is no name to report. One-character titles count only where the term ends.
     */
    private static final String[] TITLES = {"女士", "先生", "小姐", "老师", "师傅", "经理", "总经理", "科长", "副科长", "主任", "副主任", "局长", "副局长",
            "处长", "部长", "书记", "队长", "所长", "站长", "院长", "校长", "组长", "股长", "同志", "律师", "医生", "大夫", "会计", "干事", "秘书", "警官",
            "阿姨", "大爷", "大妈", "大姐", "总工", "工", "总", "老", "姐", "哥", "董"};
    /**
     * Column headers of a duty roster (值班表): the staff on duty and the leader in charge are officials named in
     * their role, not private persons — their names are held back from every context (their mobiles are still
     * reported by {@link PhoneNumberDetector}).
     */
    private static final Pattern DUTY_HEADER = Pattern.compile("(?:带班|值班|值守|值宿|跟班)(?:领导|人员|干部|负责人|主任|员|长|人|同志|科室|处室)(?:姓名)?");
    private static final Pattern MASK = Pattern.compile("[\\p{IsHan}]{1,2}(?:某某?|[*＊×]{1,2})");

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
        Scan s = new Scan(ctx);
        s.dutyRoster();
        s.labels();
        s.honorifics();
        s.numbers();
        s.minorityProfiles();
        s.groups();
        s.nameColumns();
        s.textTableRows();
        return new ArrayList<>(s.found.values());
    }

    private static Map<Character, String[]> byFirst(String alternation) {
        Map<Character, List<String>> lists = new HashMap<>();
        for (String w : alternation.split("\\|")) {
            lists.computeIfAbsent(w.charAt(0), k -> new ArrayList<>()).add(w);
        }
        Map<Character, String[]> out = new HashMap<>();
        lists.forEach((c, ws) -> out.put(c, ws.stream().sorted((a, b) -> b.length() - a.length()).toArray(String[]::new)));
        return out;
    }

    /** The label word starting at {@code i}, or null. */
    private static String labelAt(String t, int i) {
        String[] words = LABELS_BY_FIRST.get(t.charAt(i));
        if (words != null) {
            for (String w : words) {
                if (t.startsWith(w, i)) {
                    return w;
                }
            }
        }
        return null;
    }

    /**
     * The text names are matched in: the normalised text with a line break removed where a PDF line end cuts a
     * label word ("委托代理\n人邵建平") or a name right after its label ("委托代理人邵\n建平"), with a map back to
     * normalised offsets. Breaks between blocks are kept, so a table's header cell never reads as a label of the
     * next cell.
     */
    static JoinedLines view(NormalizedText n) {
        return JoinedLines.of(n, (t, i) -> Character.isIdeographic(t.charAt(i - 1)) && Character.isIdeographic(t.charAt(i + 1)) && labelAcross(t, i));
    }

    /** Whether a label word runs across the line break at {@code i}, or ends one or two characters before it on a long line. */
    private static boolean labelAcross(String t, int i) {
        int lineStart = t.lastIndexOf('\n', i - 1) + 1;
        int lineEnd = t.indexOf('\n', i + 1);
        lineEnd = lineEnd < 0 ? t.length() : lineEnd;
        String left = t.substring(Math.max(lineStart, i - 8), i);
        String joined = left + t.substring(i + 1, Math.min(lineEnd, i + 9));
        int split = left.length();
        Matcher m = LABEL_WORD.matcher(joined);
        while (m.find()) {
            if (m.start() < split && m.end() > split) {
                return true;
            }
            if (m.end() <= split && i - lineStart >= 10 && joined.substring(m.end(), split).matches("[:：]?\\p{IsHan}{1,2}")) {
                return true;
            }
        }
        return false;
    }

    /** One detection run: the view, what was found (by original start offset), and names held back. */
    private final class Scan {
        final DetectionContext ctx;
        final NormalizedText n;
        final JoinedLines view;
        final String t;
        final Map<Integer, Finding> found = new HashMap<>();
        /** View offsets of names that are not reported (a 法定代表人 of an organisation party). */
        final Set<Integer> held = new HashSet<>();
        /** Original ranges whose names are not reported (cells of a duty roster's staff columns). */
        final List<int[]> heldOriginal = new ArrayList<>();

        Scan(DetectionContext ctx) {
            this.ctx = ctx;
            this.n = ctx.normalized();
            this.view = view(n);
            this.t = view.text;
        }

        void labels() {
            Matcher value = AFTER_LABEL.matcher(t);
            for (int i = 0; i < t.length(); i++) {
                String label = labelAt(t, i);
                if (label == null) {
                    continue;
                }
                int labelStart = i;
                i += label.length() - 1; // a label may stand right after a label ("当事人委托代理人邵建平")
                if (!value.region(labelStart + label.length(), t.length()).lookingAt()) {
                    continue;
                }
                int at = value.start(1);
                String raw = value.group(1);
                if (REPRESENTATIVE.contains(label) && organisationParty(labelStart)) {
                    if (!masked(t, at, raw) && confirm(t, at, raw, true) != null) {
                        held.add(at);
                    }
                    continue;
                }
                if (HOLD_ONLY.contains(label)) {
                    continue;
                }
                if (label.equals("联系人") && officialContact(labelStart, at, raw)) {
                    for (int k = at; k < at + raw.length(); k++) {
                        held.add(k);
                    }
                    continue;
                }
                String whole = masked(t, at, raw) ? null : minorityNameAt(t, at);
                String name = whole != null ? accept(at, whole, "标签“" + label + "”", 0.9, "按少数民族姓名整体识别")
                        : candidate(at, raw, "标签“" + label + "”", 0.9, true);
                int end = name == null ? -1 : at + name.length();
                // a list after the label: 重点信访人员赵德明、孙桂芬等
                while (end > 0) {
                    Matcher n2 = LIST_NEXT.matcher(t);
                    if (!n2.find(end)) {
                        break;
                    }
                    String more = candidate(n2.start(1), n2.group(1), "标签“" + label + "”后的列举", 0.85, true);
                    end = more == null ? -1 : n2.start(1) + more.length();
                }
            }
        }

        /**
         * True when the 联系人 at {@code at} is an office's contact person named in role: the first telephone number
         * after the name on its line (up to the next 联系人) is a landline that is no private party's — or, with no
         * number there, the line before or after gives a landline and no mobile ("联系单位及电话：市住建局城市更新科，
         * 0471-6912345" / "联系人：赵敏"). A 联系人 with a mobile stays a private person's name; so does one of a
         * private party (申请人的联系人 …, see {@link PhoneNumberDetector#personalLandline}).
         */
        boolean officialContact(int label, int at, String raw) {
            int lineStart = t.lastIndexOf('\n', Math.max(0, label - 1)) + 1;
            int lineEnd = t.indexOf('\n', at);
            lineEnd = lineEnd < 0 ? t.length() : lineEnd;
            int next = t.indexOf("联系人", at + 1);
            int restEnd = next >= 0 && next < lineEnd ? next : lineEnd;
            String rest = t.substring(at, Math.max(at, restEnd));
            int mobile = firstAt(PhoneNumberDetector.MOBILE, rest);
            int landline = firstAt(PhoneNumberDetector.LANDLINE, rest);
            if (mobile >= 0 || landline >= 0) {
                if (mobile >= 0 && (landline < 0 || mobile <= landline)) {
                    return false;
                }
                int l = at + landline;
                return PhoneNumberDetector.personalLandline(Context.sentenceBefore(t, l, 60)) == null
                        && !privatePartyBefore(lineStart, label);
            }
            String own = t.substring(lineStart, label);
            int prevStart = lineStart >= 1 ? t.lastIndexOf('\n', lineStart - 2) + 1 : lineStart;
            int nextEnd = lineEnd < t.length() ? t.indexOf('\n', lineEnd + 1) : -1;
            nextEnd = nextEnd < 0 ? t.length() : nextEnd;
            String around = own + "\n" + t.substring(prevStart, lineStart) + "\n" + t.substring(lineEnd, nextEnd);
            return firstAt(PhoneNumberDetector.MOBILE, around) < 0 && firstAt(PhoneNumberDetector.LANDLINE, around) >= 0
                    && PhoneNumberDetector.personalLandline(around) == null && !privatePartyBefore(lineStart, label);
        }

        /** True when a private party's label (申请人、当事人、投诉人 …) stands on the line before the 联系人 label. */
        private boolean privatePartyBefore(int lineStart, int label) {
            return Context.find(PRIVATE_PARTY, t.substring(lineStart, label)) != null;
        }

        private int firstAt(Pattern p, String s) {
            Matcher m = p.matcher(s);
            return m.find() ? m.start() : -1;
        }

        /**
         * A duty roster: the cells of DOCX table columns headed 值班人员、带班领导 … and, in PDF or plain text, the
         * rows after a header line with such a column (up to a paragraph line) are held back — officials on duty
         * are named in their role.
         */
        void dutyRoster() {
            DocumentText text = ctx.text();
            Set<String> columns = new HashSet<>();
            for (Block b : text.blocks()) {
                Matcher m = CELL.matcher(b.source());
                String v = b.text().replaceAll("\\s", "");
                if (m.find() && v.length() <= 10 && DUTY_HEADER.matcher(v).matches()) {
                    columns.add(m.group(1) + "/" + m.group(3));
                }
            }
            if (!columns.isEmpty()) {
                for (int i = 0; i < text.blocks().size(); i++) {
                    Matcher m = CELL.matcher(text.blocks().get(i).source());
                    if (m.find() && columns.contains(m.group(1) + "/" + m.group(3))) {
                        int start = text.blockStart(i);
                        heldOriginal.add(new int[] {start, start + text.blocks().get(i).text().length()});
                    }
                }
            }
            String o = text.text();
            int rosterFrom = -1;
            int lineStart = 0;
            while (lineStart <= o.length()) {
                int lineEnd = o.indexOf('\n', lineStart);
                lineEnd = lineEnd < 0 ? o.length() : lineEnd;
                List<int[]> cells = cells(o, lineStart, lineEnd);
                boolean header = false;
                if (cells.size() >= 2) {
                    for (int[] c : cells) {
                        header |= DUTY_HEADER.matcher(o.substring(c[0], c[1])).matches();
                    }
                }
                if (header) {
                    rosterFrom = lineEnd;
                } else if (rosterFrom >= 0 && cells.size() <= 1 && lineEnd - lineStart > 20) {
                    heldOriginal.add(new int[] {rosterFrom, lineStart});
                    rosterFrom = -1;
                }
                lineStart = lineEnd + 1;
            }
            if (rosterFrom >= 0) {
                heldOriginal.add(new int[] {rosterFrom, o.length()});
            }
        }

        private boolean heldAt(int original) {
            for (int[] r : heldOriginal) {
                if (original >= r[0] && original < r[1]) {
                    return true;
                }
            }
            return false;
        }

        /**
         * True when the representative label at {@code label} belongs to an organisation party: the text from the
         * last party label before it (or from the two lines before it when there is none) names an organisation or
         * gives its registration code.
         */
        boolean organisationParty(int label) {
            int from = Math.max(0, label - 200);
            String before = t.substring(from, label);
            Matcher p = PARTY.matcher(before);
            int party = -1;
            while (p.find()) {
                party = p.start();
            }
            String scope;
            if (party >= 0) {
                scope = before.substring(party);
            } else {
                int lines = before.length();
                for (int k = 0; k < 3 && lines > 0; k++) {
                    lines = before.lastIndexOf('\n', lines - 1);
                    if (lines < 0) {
                        lines = 0;
                    }
                }
                scope = before.substring(lines);
            }
            return ORGANISATION.matcher(scope).find();
        }

        void honorifics() {
            Matcher m = HONORIFIC.matcher(t);
            while (m.find()) {
                // the name ends at the 称谓: a three-character name, else a two-character one ("市民王强先生")
                for (int len = 3; len >= 2; len--) {
                    int from = m.start() - len;
                    if (from >= 0 && t.substring(from, m.start()).codePoints().allMatch(Character::isIdeographic)
                            && candidate(from, t.substring(from, m.start()), "称谓“" + m.group(1) + "”", 0.8, false) != null) {
                        break;
                    }
                }
            }
        }

        /** A name right before an ID, mobile or card number (validated). */
        void numbers() {
            Matcher m = NUMBER.matcher(t);
            while (m.find()) {
                String s = m.group(1);
                String kind = kind(s, m.start());
                if (kind == null) {
                    continue;
                }
                minorityBeforeNumber(m.start(), kind);
                int reach = kind.equals("银行卡号") ? 48 : 20;
                String before = t.substring(Math.max(0, m.start() - reach), m.start());
                Matcher b = BEFORE_NUMBER.matcher(before);
                if (!b.find()) {
                    continue;
                }
                int start = m.start() - before.length() + b.start(1);
                String raw = b.group(1);
                // the leftmost reading may hold a word before the name ("经营者系张三", "拨付至蒙秀英"): then try the
                // name's own start, as strong context only right after a preposition, verb or conjunction
                for (int k = 0; k + 2 <= raw.length(); k++) {
                    if (candidate(start + k, raw.substring(k), "紧邻" + kind, 0.8, k == 0 || afterFunctionWord(start + k)) != null) {
                        break;
                    }
                }
            }
        }

        /** True when HanLP ends a preposition, verb, conjunction or particle right before {@code at} ("至/p 蒙秀英"). */
        private boolean afterFunctionWord(int at) {
            int from = Math.max(0, at - 4);
            for (Term term : segment().seg(t.substring(from, Math.min(t.length(), at + 4)))) {
                if (from + term.offset + term.word.length() == at && term.nature != null) {
                    char c = term.nature.toString().charAt(0);
                    return c == 'p' || c == 'v' || c == 'c' || c == 'u';
                }
            }
            return false;
        }

        /** 身份证号码, 手机号码, 银行卡号 or null for a digit run. */
        private String kind(String s, int start) {
            if (s.length() == 11) {
                return s.charAt(0) == '1' && s.charAt(1) >= '3' ? "手机号码" : null;
            }
            if (s.length() == 18 && IdNumber.isValid18(s.toUpperCase())) {
                return "身份证号码";
            }
            if (s.length() < 16 || !Character.isDigit(s.charAt(s.length() - 1)) || CreditCode.isValid(s)) {
                return null;
            }
            boolean labelled = CARD_LABEL.matcher(t.substring(Math.max(0, start - 12), start)).find();
            boolean scheme = CARD_SCHEME.matcher(s).lookingAt();
            return Luhn.valid(s) && scheme || labelled ? "银行卡号" : null;
        }

        /**
         * Names listed before 等人/等N人 and followed by what they did ("由张三、李四等人组织策划", "等5人多次聚集上访"):
         * each name between 、 is taken as it stands; the first one must be confirmed by HanLP, since nothing marks
         * where it starts.
         */
        void groups() {
            Matcher g = GROUP.matcher(t);
            for (int i = t.indexOf('等'); i >= 0; i = t.indexOf('等', i + 1)) {
                g.region(i, Math.min(t.length(), i + 8));
                if (!g.lookingAt() || !GROUP_ACT.matcher(t.substring(g.end(), Math.min(t.length(), g.end() + 16))).find()) {
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
                        if (!masked(t, start, t.substring(start, end))) {
                            candidate(start, t.substring(start, end), "“等人”前的列举", 0.8, true);
                        }
                    } else {
                        start = maskedEndingAt(end);
                        if (start < 0) {
                            start = nameEndingAt(end);
                            if (start < 0) {
                                break;
                            }
                            candidate(start, t.substring(start, end), "“等人”前的列举", 0.8, false);
                        }
                    }
                    if (start < 1 || "、和及与".indexOf(t.charAt(start - 1)) < 0) {
                        break;
                    }
                    end = start - 1;
                }
            }
        }

        /** Start of a masked name (王某某, 王某, 张*) ending at {@code end}, or -1. */
        private int maskedEndingAt(int end) {
            for (int len = 3; len >= 2; len--) {
                if (end - len >= 0 && MASK.matcher(t.substring(end - len, end)).matches() && Character.isIdeographic(t.charAt(end - len))) {
                    return end - len;
                }
            }
            return -1;
        }

        /** Start of a name HanLP recognises ending exactly at {@code end}, or -1. */
        private int nameEndingAt(int end) {
            int from = Math.max(0, end - 6);
            String window = t.substring(from, Math.min(t.length(), end + 2));
            for (Term term : segment().seg(window)) {
                if (from + term.offset + term.word.length() == end && term.nature != null && term.nature.toString().startsWith("nr")
                        && term.word.length() >= 2 && term.word.length() <= 4) {
                    return from + term.offset;
                }
            }
            return -1;
        }

        /** Cells under a name header in DOCX/DOC tables (sources "表格N 第r行第c列"). */
        void nameColumns() {
            DocumentText text = ctx.text();
            Map<String, String> columns = new HashMap<>();
            for (Block b : text.blocks()) {
                Matcher m = CELL.matcher(b.source());
                String v = b.text().replaceAll("\\s", "");
                if (m.find() && v.length() >= 2 && NAME_HEADER.matcher(v).matches()) {
                    columns.put(m.group(1) + "/" + m.group(3), v);
                }
            }
            if (columns.isEmpty()) {
                return;
            }
            for (int i = 0; i < text.blocks().size(); i++) {
                Block b = text.blocks().get(i);
                Matcher m = CELL.matcher(b.source());
                String v = b.text().strip();
                String header = m.find() ? columns.get(m.group(1) + "/" + m.group(3)) : null;
                if (header != null && nameCell(v)) {
                    int start = text.blockStart(i) + b.text().indexOf(v);
                    report(new Span(start, start + v.length()), 0.9, "表格“" + header + "”列中的个人姓名“" + v + "”（" + b.source() + "）");
                }
            }
        }

        /**
         * Rows of a table in PDF or plain text: a header line whose cells (separated by white space) include a name
         * column, then rows starting with running serial numbers 1, 2, 3 …; the cell at the name column's place is a
         * name when it looks like one. Lines between rows (cell text wrapped in narrow columns) are skipped.
         */
        void textTableRows() {
            String o = n.original().text();
            int column = -1;
            int serial = 0;
            String header = null;
            int lineStart = 0;
            while (lineStart <= o.length()) {
                int lineEnd = o.indexOf('\n', lineStart);
                lineEnd = lineEnd < 0 ? o.length() : lineEnd;
                List<int[]> cells = cells(o, lineStart, lineEnd);
                int h = cells.size() >= 3 ? nameHeaderCell(o, cells) : -1;
                if (h >= 0) {
                    column = h;
                    serial = 0;
                    header = o.substring(cells.get(h)[0], cells.get(h)[1]);
                } else if (column >= 0) {
                    String first = cells.isEmpty() ? "" : o.substring(cells.get(0)[0], cells.get(0)[1]);
                    if (cells.size() > column && first.equals(String.valueOf(serial + 1))) {
                        serial++;
                        int[] c = cells.get(column);
                        String v = o.substring(c[0], c[1]);
                        if (nameCell(v)) {
                            report(new Span(c[0], c[1]), 0.85, "表格“" + header + "”列（第" + serial + "行）中的个人姓名“" + v + "”");
                        }
                    } else if (cells.size() <= 1 && lineEnd - lineStart > 20) {
                        column = -1; // a paragraph: the table has ended
                    }
                }
                lineStart = lineEnd + 1;
            }
        }

        private List<int[]> cells(String o, int from, int to) {
            List<int[]> out = new ArrayList<>();
            int i = from;
            while (i < to) {
                while (i < to && Character.isWhitespace(o.charAt(i))) {
                    i++;
                }
                int s = i;
                while (i < to && !Character.isWhitespace(o.charAt(i))) {
                    i++;
                }
                if (i > s) {
                    out.add(new int[] {s, i});
                }
                if (out.size() > 20) {
                    break;
                }
            }
            return out;
        }

        private int nameHeaderCell(String o, List<int[]> cells) {
            for (int k = 0; k < cells.size(); k++) {
                String c = o.substring(cells.get(k)[0], cells.get(k)[1]);
                if (c.length() >= 2 && c.length() <= 8 && NAME_HEADER.matcher(c).matches()) {
                    return k;
                }
            }
            return -1;
        }

        /** Reports the name at original span {@code s}, once. */
        private void report(Span s, double score, String why) {
            if (heldAt(s.start())) {
                return;
            }
            Finding f = Finding.at(ctx.text(), s, Category.PERSON_NAME, Severity.MEDIUM, score, PhoneNumberDetector.BASIS,
                    why + "。公开时应隐去或部分遮盖（如“" + ctx.text().text().charAt(s.start()) + "某某”）。", name());
            found.putIfAbsent(s.start(), f);
        }

        /** Reports the name at view offset {@code start} when it is one; returns the name (also when already reported or held), or null. */
        String candidate(int start, String raw, String why, double score, boolean strong) {
            if (masked(t, start, raw) || titleOnly(t, start)) {
                return null;
            }
            // a piece of a longer transliterated name (扎西平措, 乌云其木格): the whole name with strong context, else nothing
            int runStart = start;
            while (runStart > 0 && runStart > start - 10 && (TRANSLITERATION.indexOf(t.charAt(runStart - 1)) >= 0 || t.charAt(runStart - 1) == '·')) {
                runStart--;
            }
            for (int from = runStart; from <= start; from++) {
                String whole = minorityNameAt(t, from);
                if (whole != null && from + whole.length() > start) {
                    return strong ? accept(from, whole, why, score, "按少数民族姓名整体识别") : null;
                }
            }
            String name = confirm(t, start, raw, strong);
            if (name == null || NOT_NAMES.contains(name)) {
                return null;
            }
            return accept(start, name, why, score, "经分词确认为人名");
        }

        /** Reports the name at view offset {@code start} unless held back or named in an official role; returns the name. */
        String accept(int start, String name, String why, double score, String how) {
            int ns = view.normalised(start);
            int ne = view.normalisedEnd(start + name.length());
            int original = n.originalStart(ns);
            if (found.containsKey(original) || held.contains(start) || heldAt(original)) {
                return name;
            }
            String after = t.substring(start + name.length(), Math.min(t.length(), start + name.length() + 8));
            String before = t.substring(Math.max(0, start - 12), start);
            if (OFFICIAL_AFTER.matcher(after).find() || OFFICIAL_BEFORE.matcher(before).find() || ORGANISATION_AFTER.matcher(after).find()) {
                return null;
            }
            String mask = name.indexOf('·') > 0 ? name.substring(0, name.indexOf('·')) + "·某某" : name.charAt(0) + "某某";
            found.put(original, Finding.at(n, ns, ne, Category.PERSON_NAME, Severity.MEDIUM, score, PhoneNumberDetector.BASIS,
                    "个人姓名“" + name + "”，依据：" + why + "，" + how + "。公开时应隐去或部分遮盖（如“" + mask + "”）。", name()));
            return name;
        }

        /**
         * A transliterated name described by sex and ethnic group and followed in the same sentence by an ID or
         * mobile number, also one a PDF line end wraps ("乌云其木格，女，蒙古族，1986年2月生，身份证号码1502\n0319…").
         */
        void minorityProfiles() {
            for (int i = t.indexOf('族'); i >= 0; i = t.indexOf('族', i + 1)) {
                Matcher p = PROFILE.matcher(t.substring(Math.max(0, i - 24), i + 1));
                if (!p.find()) {
                    continue;
                }
                int end = i + 1 - (p.end() - p.end(1));
                int sentenceEnd = i + 1;
                while (sentenceEnd < t.length() && sentenceEnd - i < 80 && "。；;！？!?".indexOf(t.charAt(sentenceEnd)) < 0) {
                    sentenceEnd++;
                }
                Matcher num = NUMBER.matcher(t.substring(i + 1, sentenceEnd).replace("\n", ""));
                String kind = null;
                while (kind == null && num.find()) {
                    String d = num.group(1);
                    kind = d.length() == 18 && IdNumber.isValid18(d.toUpperCase()) ? "身份证号码" : d.length() == 11 && d.charAt(0) == '1' ? "手机号码" : null;
                }
                if (kind == null) {
                    continue;
                }
                for (int from = Math.max(0, end - 14); from <= end - 3; from++) {
                    String whole = minorityNameAt(t, from);
                    if (whole != null && from + whole.length() == end && (from == 0 || !Character.isIdeographic(t.charAt(from - 1)))) {
                        accept(from, whole, "性别、民族与" + kind + "所描述的个人", 0.85, "按少数民族姓名整体识别");
                        break;
                    }
                }
            }
        }

        /**
         * A transliterated name (乌云其木格, 阿不都热合曼·艾合买提) right before an ID or mobile number, after its sex,
         * ethnic group and birth month ("乌云其木格，女，蒙古族，1986年2月生，身份证号码…"): taken whole, since no
         * surname marks where it starts; it must start a line or follow punctuation.
         */
        void minorityBeforeNumber(int numberStart, String kind) {
            String before = t.substring(Math.max(0, numberStart - 48), numberStart);
            Matcher b = MINORITY_BEFORE_NUMBER.matcher(before);
            if (!b.find()) {
                return;
            }
            int end = numberStart - before.length() + b.end(1);
            for (int from = Math.max(0, end - 12); from <= end - 3; from++) {
                String whole = minorityNameAt(t, from);
                if (whole != null && from + whole.length() == end) {
                    if (from == 0 || !Character.isIdeographic(t.charAt(from - 1))) {
                        accept(from, whole, "紧邻" + kind + "（含性别、民族等个人身份描述）", 0.8, "按少数民族姓名整体识别");
                    }
                    return;
                }
            }
        }
    }

    /** A name with sex and ethnic group after it ("乌云其木格，女，蒙古族"), matched on the text ending at 族. */
    private static final Pattern PROFILE = Pattern.compile("([\\p{IsHan}·]{3,14})[，,、（(]\\s?[男女][，,、]\\s?\\p{IsHan}{1,4}族$");

    /**
     * Characters of transliterated Mongolian, Tibetan, Uyghur and Kazakh names. A run of four or more of them (or
     * two parts joined by "·") that ends where a name ends is read as one name.
     */
    private static final String TRANSLITERATION = "乌云其木格巴特尔苏朝鲁孟宝音陶克套呼哈斯根吉日嘎拉萨仁高娃那松阿坦雅额敦布图琴娜塔胡毕勒达赉乐楞满敖"
            + "扎西平措次多卓玛德央金尼瓦旺堆普顿珠索朗白曲珍增贡边洛桑丹琼强群培姆宗加才让旦杰赤列"
            + "不都热合曼买提吐逊古丽努艾力江帕罕米依汗沙吾麦伊坎迪亚库甫肉孜托夏再肯穆默德迪明夫";
    private static final Pattern MINORITY_BEFORE_NUMBER = Pattern.compile("([\\p{IsHan}·]{3,14})[，,、:：（(\\s]{0,3}(?:[男女][，,、）)\\s]{0,3})?"
            + "(?:\\d{1,3}岁[，,、\\s]{0,3})?(?:[\\p{IsHan}]{1,4}族[，,、\\s]{0,3})?(?:\\d{4}年\\d{1,2}月(?:\\d{1,2}日)?(?:生|出生)[，,、\\s]{0,3})?"
            + "(?:身份证号?码?|公民身份号码|证件号码|手机号?码?|(?:联系)?电话)?[:：为]?$");

    /**
     * The transliterated name starting at {@code at}: four to twelve characters of {@link #TRANSLITERATION} (parts
     * of two or more joined by "·" count whatever their length) ending where a name ends; or null.
     */
    static String minorityNameAt(String t, int at) {
        if (at >= t.length() || TRANSLITERATION.indexOf(t.charAt(at)) < 0 || at > 0 && TRANSLITERATION.indexOf(t.charAt(at - 1)) >= 0) {
            return null;
        }
        int j = at;
        int dots = 0;
        while (j < t.length() && j - at < 14) {
            char c = t.charAt(j);
            if (c == '·' && j > at && j + 1 < t.length() && TRANSLITERATION.indexOf(t.charAt(j + 1)) >= 0 && t.charAt(j - 1) != '·') {
                dots++;
            } else if (TRANSLITERATION.indexOf(c) < 0) {
                break;
            }
            j++;
        }
        String run = t.substring(at, j);
        if (j < t.length() && Character.isIdeographic(t.charAt(j)) && NAME_END.indexOf(t.charAt(j)) < 0 || run.endsWith("·")) {
            return null;
        }
        if (dots > 0) {
            for (String part : run.split("·")) {
                if (part.length() < 2) {
                    return null;
                }
            }
            return run;
        }
        return run.length() >= 4 && run.length() <= 8 ? run : null;
    }

    /** True when a bare surname at {@code start} is followed by a title or form of address (刘工, 谭女士, 张科长): no name. */
    static boolean titleOnly(String t, int start) {
        if (start + 2 > t.length()) {
            return false;
        }
        int given = Surnames.compound(t.substring(start, Math.min(t.length(), start + 3))) ? 2 : 1;
        for (String title : TITLES) {
            if (t.startsWith(title, start + given) && (title.length() > 1 || endsAName(t, start + given + 1))) {
                return true;
            }
        }
        return false;
    }

    /** A table cell that holds a name: 2–4 Han characters led by a surname, not masked, no place or organisation. */
    private static boolean nameCell(String v) {
        return v.matches("[\\p{IsHan}·]{2,4}") && !NOT_NAMES.contains(v) && Surnames.startsWithSurname(v) && !masked(v, 0, v)
                && PLACE_END.indexOf(v.charAt(v.length() - 1)) < 0 && !commonWord(v, 200);
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

    /**
     * True when {@code word} is an everyday word rather than a name: a dictionary word of {@code minFrequency} or
     * more uses with no person-name reading (金额, 孩子, 国家), a place or organisation word, or — for three
     * characters — a given name part that is such a word ("和孩子").
     */
    static boolean commonWord(String word, int minFrequency) {
        if (common(CoreDictionary.get(word), word.length() >= 3 ? 1 : minFrequency)) {
            return true;
        }
        int given = Surnames.compound(word) ? 2 : 1;
        return word.length() - given >= 2 && common(CoreDictionary.get(word.substring(given)), Math.max(50, minFrequency));
    }

    private static boolean common(CoreDictionary.Attribute a, int minFrequency) {
        if (a == null) {
            return false;
        }
        boolean person = false;
        for (var nature : a.nature) {
            String s = nature.toString();
            if (s.startsWith("ns") || s.startsWith("nt")) {
                return true;
            }
            person |= s.startsWith("nr");
        }
        return !person && a.totalFrequency >= minFrequency;
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
     * The name at {@code start}: HanLP's name recogniser on a short window decides where it ends. With strong
     * context, a surname-led 2–3 character word is accepted when HanLP splits it differently, and a name HanLP
     * cuts short ("唐小/nr 玲/nz") is taken whole.
     */
    private String confirm(String t, int start, String raw, boolean strong) {
        if (!Surnames.startsWithSurname(raw)) {
            return null;
        }
        int from = Math.max(0, start - 4);
        String window = t.substring(from, Math.min(t.length(), start + raw.length() + 4));
        List<Term> terms = segment().seg(window);
        Term first = null;
        Term second = null;
        for (int i = 0; i < terms.size(); i++) {
            if (terms.get(i).offset + from == start) {
                first = terms.get(i);
                second = i + 1 < terms.size() ? terms.get(i + 1) : null;
                break;
            }
        }
        String split = strong && !proseWord(first) ? splitName(t, start, raw) : null;
        if (first != null && first.nature != null && first.nature.toString().startsWith("nr") && first.word.length() >= 2 && first.word.length() <= 4) {
            if (hasFunctionWord(first.word) || WORD_SURNAMES.indexOf(first.word.charAt(0)) >= 0 && !endsAName(t, start + first.word.length())) {
                return null;
            }
            // HanLP cut a three-character name after two characters, leaving the last one as a word of its own
            if (split != null && split.length() == first.word.length() + 1 && split.startsWith(first.word) && second != null
                    && second.word.length() == 1 && NAME_END.indexOf(second.word.charAt(0)) < 0) {
                return split;
            }
            return first.word;
        }
        return split;
    }

    /**
     * A name HanLP does not recognise as one: the surname-led word that ends where a name ends — at punctuation, a
     * digit, the end of the line or a word such as 等/男/女/电话/身份证 — and is no everyday word, function word,
     * place or organisation. Prose after a label ("当事人应当配合", "申请人向本机关") runs on into more characters
     * and is no name.
     */
    private static String splitName(String t, int start, String raw) {
        int longest = Math.min(raw.length(), Surnames.compound(raw) ? 4 : 3);
        for (int len = longest; len >= 2; len--) {
            if (!Character.isIdeographic(raw.charAt(len - 1))) {
                continue;
            }
            String name = raw.substring(0, len);
            if (endsAName(t, start + len) && !hasFunctionWord(name) && PLACE_END.indexOf(name.charAt(len - 1)) < 0 && !commonWord(name, 10)) {
                return name;
            }
        }
        return null;
    }
}
