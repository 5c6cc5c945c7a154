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
 * person named; a landline is reported only with personal context (家庭电话、住宅、当事人、申请人、联系人 …),
 * because an office's 联系电话/监督电话/传真 is public (DOMAIN.md).
 */
public final class PhoneNumberDetector implements Detector {
    static final String BASIS = "《政府信息公开条例》第十五条（个人隐私）";
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(?:\\+?86[-\\s]?)?(1[3-9]\\d)[-\\s]?(\\d{4})[-\\s]?(\\d{4})(?![0-9])");
    private static final Pattern LANDLINE = Pattern.compile("(?<![0-9])[(（]?(0\\d{2,3})[)）]?[-－—\\s]?(\\d{7,8})(?:[-转](\\d{1,5}))?(?![0-9])");
    private static final Pattern PERSONAL_LANDLINE = Pattern.compile("家庭电话|住宅电话|宅电|家中电话|本人|当事人|申请人|被申请人|投诉人|举报人|信访人|被处罚人|户主|"
            + "联系人[:：]?[\\p{IsHan}]{2,4}|先生|女士|家属");

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
            String window = Context.before(t, l.start(), 25) + Context.line(t, l.start(), l.end());
            String personal = Context.find(PERSONAL_LANDLINE, window);
            if (personal == null || overlapsMobile(out, ctx, l.start())) {
                continue;
            }
            out.add(Finding.at(ctx.normalized(), l.start(), l.end(), Category.PHONE_NUMBER, Severity.MEDIUM, 0.8, BASIS,
                    "固定电话号码，上下文“" + personal + "”表明属个人电话（机关对外联系电话、监督电话不在此列）。", name()));
        }
        return out;
    }

    private static boolean overlapsMobile(List<Finding> found, DetectionContext ctx, int normalisedStart) {
        int o = ctx.normalized().originalStart(normalisedStart);
        return found.stream().anyMatch(f -> f.span().contains(o));
    }
}
