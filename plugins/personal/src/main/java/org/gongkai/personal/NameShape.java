package org.gongkai.personal;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.List;

/**
 * What a Chinese personal name looks like, as the name detector's validator: where a name that starts at a
 * surname ends (HanLP's name recogniser on a short window, or — with strong context — where a name can end), the
 * transliterated names of minority nationalities, masked names and a bare surname with a title. Context — which
 * labels, columns and roles make a name a private person's — is not here but in {@code config/personal.rules}.
 * Thread-safe after construction; the HanLP segmenter is created on first use.
 */
final class NameShape {
    /**
     * Surnames that are also everyday words of administrative prose (向 本机关, 应当, 申请, 陈述, 关于, 全部 …): HanLP
     * tags "向本" as a name, so a name with one of these surnames must end where a name ends.
     */
    private static final String WORD_SURNAMES = "向于应和申陈高全关时成任付方万文车房计解查利公干但信展由那宣来相初门云容敬都普平国支索修居揭元束衣智幸富闭战危印隆宿鲜况";
    /**
     * Function words that are also surnames (于清晨, 和联系电话, 向本机关): a word segmenter reads them as the surname of a
     * name and cuts a "name" out of prose. A candidate led by one must end where a name ends for certain (punctuation,
     * a number, 男/女, 等 …) and never inside a word of the text that follows.
     */
    private static final String FUNCTION_SURNAMES = "于和与及向对由为以从在把被将给同跟按据经当自比";
    /** What certainly follows a name: its sex, 等, 系 and the labels of the facts about the person. */
    private static final String STRICT_END = "等男女系身手电联现住户性年";
    /** What may follow a name: punctuation, digits, or a word that starts after a name (于2022年, 电话, 身份证, 住 …). */
    static final String NAME_END = "等男女和及与系于在已曾因将同先之夫一家现住户手身性年电联";
    /** Function words that never stand inside a given name: "申请于", "当事人在" are prose. */
    private static final String NOT_IN_GIVEN_NAME = "的了于在是及或等对从把被这该此各每所而且并但则因据按过不没也都就还要会能";
    /** Last characters of place and organisation names, which a name taken without HanLP's confirmation must not end in. */
    private static final String PLACE_END = "县区市省镇乡村局委办所站队院厅处科部室组社庄屯街路号楼栋厂店司行馆";
    /**
     * Characters of transliterated Mongolian, Tibetan, Uyghur and Kazakh names. A run of four or more of them (or
     * two parts joined by "·") that ends where a name ends is read as one name.
     */
    static final String TRANSLITERATION = "乌云其木格巴特尔苏朝鲁孟宝音陶克套呼哈斯根吉日嘎拉萨仁高娃那松阿坦雅额敦布图琴娜塔胡毕勒达赉乐楞满敖"
            + "扎西平措次多卓玛德央金尼瓦旺堆普顿珠索朗白曲珍增贡边洛桑丹琼强群培姆宗加才让旦杰赤列"
            + "不都热合曼买提吐逊古丽努艾力江帕罕米依汗沙吾麦伊坎迪亚库甫肉孜托夏再肯穆默德迪明夫";
    private static final String MASK_CHARS = "某*＊×";
    /** Conjunctions that join two words of prose (康复和护理, 教育与培训). */
    private static final String CONJUNCTIONS = "和与及或并";

    private volatile Segment segment;

    /** The HanLP segmenter with name recognition, loaded once. */
    Segment segment() {
        Segment s = segment;
        if (s == null) {
            synchronized (this) {
                s = segment;
                if (s == null) {
                    s = HanLP.newSegment().enableNameRecognize(true).enableOffset(true).enablePlaceRecognize(false).enableOrganizationRecognize(false);
                    s.seg("张三于2022年提出申请。");
                    segment = s;
                }
            }
        }
        return s;
    }

    /** A masked name at {@code start} (王某, 王某某, 张*明, 李**): the masked token, or null. */
    static String maskedAt(String t, int start) {
        int end = Math.min(t.length(), start + 4);
        if (start + 1 >= end || MASK_CHARS.indexOf(t.charAt(start + 1)) < 0 && (start + 2 >= end || MASK_CHARS.indexOf(t.charAt(start + 2)) < 0)) {
            return null;
        }
        int j = start + 1;
        while (j < end && (MASK_CHARS.indexOf(t.charAt(j)) >= 0 || Character.isIdeographic(t.charAt(j)) && j - start < 3)) {
            j++;
        }
        return t.substring(start, j);
    }

    /** A bare surname at {@code start} followed by one of {@code titles} (刘工, 谭女士, 张科长): that token, or null. */
    static String titleAt(String t, int start, List<String> titles) {
        if (start + 2 > t.length() || !Surnames.startsWithSurname(t.substring(start, Math.min(t.length(), start + 3)))) {
            return null;
        }
        int given = Surnames.compound(t.substring(start, Math.min(t.length(), start + 3))) ? 2 : 1;
        String best = null;
        for (String title : titles) {
            if (t.startsWith(title, start + given) && (title.length() > 1 || endsAName(t, start + given + 1))
                    && (best == null || title.length() > best.length() - given)) {
                best = t.substring(start, start + given + title.length());
            }
        }
        return best;
    }

    /**
     * The name at {@code start}: HanLP's name recogniser on a short window decides where it ends. With strong
     * context, a surname-led 2–3 character word is accepted when HanLP splits it differently, and a name HanLP
     * cuts short ("唐小/nr 玲/nz") is taken whole.
     */
    String confirm(String t, int start, String raw, boolean strong) {
        if (!Surnames.startsWithSurname(raw)) {
            return null;
        }
        int from = Math.max(0, start - 4);
        List<Term> terms = segment().seg(t.substring(from, Math.min(t.length(), start + raw.length() + 4)));
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
        String name = split;
        if (first != null && first.nature != null && first.nature.toString().startsWith("nr") && first.word.length() >= 2 && first.word.length() <= 4) {
            if (hasFunctionWord(first.word) || WORD_SURNAMES.indexOf(first.word.charAt(0)) >= 0 && !endsAName(t, start + first.word.length())) {
                return null;
            }
            // "康复和护理": a word and a conjunction before the next word read as a name
            if (first.word.length() == 3 && CONJUNCTIONS.indexOf(first.word.charAt(2)) >= 0 && commonWord(first.word.substring(0, 2), 10)) {
                return null;
            }
            // HanLP cut a three-character name after two characters, leaving the last one as a word of its own
            boolean cutShort = split != null && split.length() == first.word.length() + 1 && split.startsWith(first.word) && second != null
                    && second.word.length() == 1 && NAME_END.indexOf(second.word.charAt(0)) < 0;
            name = cutShort ? split : first.word;
        }
        return name != null && fragmentOfProse(t, start, name) ? null : name;
    }

    /**
     * True when a candidate led by a function word that is also a surname is a piece of prose: it does not end
     * where a name certainly ends, or it ends inside a word of what follows the function word ("和联|系电话",
     * "于清晨|在小区").
     */
    private boolean fragmentOfProse(String t, int start, String name) {
        if (FUNCTION_SURNAMES.indexOf(name.charAt(0)) < 0) {
            return false;
        }
        int end = start + name.length();
        char next = end < t.length() ? t.charAt(end) : '\n';
        if (Character.isIdeographic(next) && STRICT_END.indexOf(next) < 0) {
            return true;
        }
        int from = start + 1;
        for (Term term : segment().seg(t.substring(from, Math.min(t.length(), end + 6)))) {
            int a = from + term.offset;
            int b = a + term.word.length();
            if (a < end && b > end) {
                return true; // the "given name" is the start of a longer word
            }
            if (a == from && b == end && term.word.length() >= 2 && commonWord(term.word, 10)) {
                return true; // the "given name" is an everyday word (清晨, 联系)
            }
        }
        return false;
    }

    /** True when HanLP ends a preposition, verb, conjunction or particle right before {@code at} ("至/p 蒙秀英"). */
    boolean afterFunctionWord(String t, int at) {
        int from = Math.max(0, at - 4);
        for (Term term : segment().seg(t.substring(from, Math.min(t.length(), at + 4)))) {
            if (from + term.offset + term.word.length() == at && term.nature != null) {
                char c = term.nature.toString().charAt(0);
                return c == 'p' || c == 'v' || c == 'c' || c == 'u';
            }
        }
        return false;
    }

    /** True when HanLP reads a noun of two or more characters other than a name at {@code at} ("居住证", "护理"). */
    boolean nounAt(String t, int at) {
        int from = Math.max(0, at - 4);
        for (Term term : segment().seg(t.substring(from, Math.min(t.length(), at + 6)))) {
            if (from + term.offset == at) {
                String nature = term.nature == null ? "" : term.nature.toString();
                return term.word.length() >= 2 && nature.startsWith("n") && !nature.startsWith("nr");
            }
        }
        return false;
    }

    /**
     * True when HanLP, reading {@code s} by itself, starts it with a name of two or more characters (邓丽/nr 萍: HanLP
     * often cuts a three-character name short).
     */
    boolean startsAsName(String s) {
        List<Term> terms = segment().seg(s);
        return !terms.isEmpty() && terms.get(0).word.length() >= 2 && terms.get(0).nature != null && terms.get(0).nature.toString().startsWith("nr");
    }

    /** True when HanLP reads {@code s}, taken by itself, as one person's name. */
    boolean isName(String s) {
        List<Term> terms = segment().seg(s);
        return terms.size() == 1 && terms.get(0).nature != null && terms.get(0).nature.toString().startsWith("nr");
    }

    /** Start of a name HanLP recognises ending exactly at {@code end}, or -1. */
    int nameEndingAt(String t, int end) {
        int from = Math.max(0, end - 6);
        for (Term term : segment().seg(t.substring(from, Math.min(t.length(), end + 2)))) {
            if (from + term.offset + term.word.length() == end && term.nature != null && term.nature.toString().startsWith("nr")
                    && term.word.length() >= 2 && term.word.length() <= 4) {
                return from + term.offset;
            }
        }
        return -1;
    }

    /**
     * A table cell that may hold a name: 2–4 Han characters led by a surname (four only with a compound surname:
     * 欧阳春燕, never 房屋坐落 or 项目名称), no place or organisation, no everyday word.
     */
    static boolean nameCell(String v) {
        return v.matches("[\\p{IsHan}·]{2,4}") && Surnames.startsWithSurname(v) && PLACE_END.indexOf(v.charAt(v.length() - 1)) < 0
                && (v.length() < 4 || Surnames.compound(v) || v.indexOf('·') > 0 || maskedAt(v, 0) != null)
                && (maskedAt(v, 0) != null || !commonWord(v, 200));
    }

    /**
     * A name HanLP does not recognise as one: the surname-led word that ends where a name ends — at punctuation, a
     * digit, the end of the line or a word such as 等/男/女/电话/身份证 — and is no everyday word, function word,
     * place or organisation. Prose after a label ("当事人应当配合", "申请人向本机关") runs on and is no name.
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

    /**
     * True when HanLP reads the start of the candidate as an ordinary word other than a noun — a verb, adverb,
     * numeral, preposition … ("申请"/v, "应当"/v, "高度"/d, "全部"/m): prose after the label, not a name.
     */
    private static boolean proseWord(Term term) {
        if (term == null || term.word.length() < 2 || term.nature == null) {
            return false;
        }
        String nature = term.nature.toString();
        return !nature.startsWith("n") && !nature.startsWith("g") && !nature.startsWith("x");
    }

    private static boolean hasFunctionWord(String name) {
        for (int i = Surnames.compound(name) ? 2 : 1; i < name.length(); i++) {
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

    static boolean endsAName(String t, int next) {
        char c = next < t.length() ? t.charAt(next) : '\n';
        return !Character.isIdeographic(c) || NAME_END.indexOf(c) >= 0;
    }

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
}
