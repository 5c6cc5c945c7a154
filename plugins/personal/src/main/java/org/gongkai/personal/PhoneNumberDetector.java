package org.gongkai.personal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.spi.Category;
import org.gongkai.spi.DetectionContext;
import org.gongkai.spi.Detector;
import org.gongkai.spi.Finding;
import org.gongkai.spi.Severity;

/**
 * Private telephone numbers. Rule: a mobile number belongs to a person (HIGH) unless its line is an
 * agency's public contact line — a contact label (联系电话、监督电话、咨询电话 …) and an agency name with no
 * person named; a landline is reported only as a home number (家庭电话、住宅电话 …) or as the number of a private
 * party (当事人、申请人、信访人 …) in the same sentence with no office line or agency named in between, because an
 * office's 联系电话/监督电话/传真 — also when a 联系人 of the office is named — is public (DOMAIN.md).
 */
public final class PhoneNumberDetector implements Detector {
    static final String BASIS = "《政府信息公开条例》第十五条（个人隐私）";
    static final Pattern MOBILE = Pattern.compile("(?<![0-9])(?:\\+?86[-\\s]?)?(1[3-9]\\d)[-\\s]?(\\d{4})[-\\s]?(\\d{4})(?![0-9])");
    static final Pattern LANDLINE = Pattern.compile("(?<![0-9])[(（]?(0\\d{2,3})[)）]?[-－—\\s]?(\\d{7,8})(?:[-转](\\d{1,5}))?(?![0-9])");
    /** Labels that make a landline a home number. */
    private static final Pattern HOME_LANDLINE = Pattern.compile("家庭电话|住宅电话|宅电|家中电话|家庭固话|家庭座机|住宅座机");
    /** Private parties whose landline is theirs, unless an office's line is named after them. */
    private static final Pattern PARTY = Pattern.compile("本人|当事人|申请人|被申请人|投诉人|举报人|信访人|上访人|被处罚人|户主|先生|女士|家属|监护人|驾驶人|车主");
    /** Labels and names that make a landline an office's public line. */
    private static final Pattern OFFICE_LINE = Pattern.compile("监督电话|咨询电话|举报电话|投诉电话|服务热线|服务电话|值班电话|办公电话|受理电话|办公室电话|传真|热线|总机|"
            + "局|委员会|办公室|人民政府|政府|中心|管委会|办事处|大队|支队|中队|派出所|法院|检察院|本机关|本单位|公司");

    @Override
    public String name() {
        return "phone-number";
    }

    @Override
    public Set<Category> categories() {
        return Set.of(Category.PHONE_NUMBER);
    }

    @Override
    public List<Finding> detect(DetectionContext ctx) {
        String t = ctx.normalized().text();
        List<Finding> out = new ArrayList<>();
        Matcher m = MOBILE.matcher(t);
        while (m.find()) {
            String line = Context.line(t, m.start(), m.end());
            String label = Context.find(Context.AGENCY_LABEL, Context.before(t, m.start(), 25));
            String person = Context.find(Context.PERSON, line);
            boolean agencyLine = label != null && Context.AGENCY.matcher(line).find() && person == null;
            if (agencyLine) {
                continue;
            }
            String digits = m.group(1) + m.group(2) + m.group(3);
            out.add(Finding.at(ctx.normalized(), m.start(), m.end(), Category.PHONE_NUMBER, Severity.HIGH, person != null ? 0.97 : 0.85, BASIS,
                    "手机号码 " + digits.substring(0, 3) + "****" + digits.substring(7) + "（1[3-9]开头11位）" + (person == null ? "" : "；上下文：" + person)
                            + "。个人手机号码属个人信息，公开前须删除或遮盖。", name()));
        }
        Matcher l = LANDLINE.matcher(t);
        while (l.find()) {
            String personal = personalLandline(Context.sentenceBefore(t, l.start(), 60));
            if (personal == null || overlapsMobile(out, ctx, l.start())) {
                continue;
            }
            out.add(Finding.at(ctx.normalized(), l.start(), l.end(), Category.PHONE_NUMBER, Severity.MEDIUM, 0.8, BASIS,
                    "固定电话号码，上下文“" + personal + "”表明属个人电话（机关对外联系电话、监督电话不在此列）。", name()));
        }
        return out;
    }

    /**
     * The word that makes a landline private, read from its sentence up to the number: a home-number label, or
     * a private party with no office line or agency named between the party and the number; null otherwise.
     */
    static String personalLandline(String sentence) {
        int home = lastEnd(HOME_LANDLINE, sentence);
        int party = lastParty(sentence);
        int office = lastEnd(OFFICE_LINE, sentence);
        if (home >= 0 && home > office) {
            return Context.find(HOME_LANDLINE, sentence.substring(Math.max(0, home - 6)));
        }
        if (party >= 0 && party > office) {
            return Context.find(PARTY, sentence.substring(Math.max(0, party - 5)));
        }
        return null;
    }

    /**
     * End of the last private-party word, where 先生/女士 count only after a full name ("王建国先生"): after a bare
     * surname ("联系人：谭女士", "王先生") or no name at all they are a polite form of address that identifies no one —
     * an agency's contact is addressed so as well.
     */
    private static int lastParty(String s) {
        Matcher m = PARTY.matcher(s);
        int end = -1;
        while (m.find()) {
            if (!(m.group().equals("先生") || m.group().equals("女士")) || !bareAddress(s, m.start())) {
                end = m.end();
            }
        }
        return end;
    }

    /**
     * True when the 先生/女士 at {@code at} follows no name or only a surname: no surname starts a two- or
     * three-character name right before it ("王强先生", "王建国先生" are names; "联系王先生", "代理机构联系人：谭女士",
     * "欧阳女士" are not).
     */
    static boolean bareAddress(String s, int at) {
        int run = 0;
        while (at - run > 0 && Character.isIdeographic(s.charAt(at - run - 1)) && run < 4) {
            run++;
        }
        if (run >= 3 && Surnames.compound(s.substring(at - 3, at) + "x") || run >= 4 && Surnames.compound(s.substring(at - 4, at))) {
            return false;
        }
        for (int len = 2; len <= 3 && len <= run; len++) {
            if (Surnames.startsWithSurname(s.substring(at - len, at)) && !Surnames.compound(s.substring(at - 2, at) + "x")) {
                return false;
            }
        }
        return true;
    }

    private static int lastEnd(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int end = -1;
        while (m.find()) {
            end = m.end();
        }
        return end;
    }

    private static boolean overlapsMobile(List<Finding> found, DetectionContext ctx, int normalisedStart) {
        int o = ctx.normalized().originalStart(normalisedStart);
        return found.stream().anyMatch(f -> f.span().contains(o));
    }
}
