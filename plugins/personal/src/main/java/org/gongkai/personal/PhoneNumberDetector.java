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
 * Private telephone numbers. Proposes mobile numbers ({@code mobile}, 1[3-9] + 9 digits, 0.85: a person's by
 * default) and landlines ({@code landline}, area code + 7–8 digits, 0.3: an office's by default), on the
 * normalised text, where a number a PDF or OFD line end wraps ("186\n23091234") is joined. The rules of
 * {@code config/personal.rules} decide: an agency's contact line drops a mobile, a home-number label or a private
 * party in the sentence makes a landline count (an office's 联系电话/监督电话/传真 is public, DOMAIN.md).
 */
public final class PhoneNumberDetector extends PersonalDetector {
    static final String BASIS = PersonalRules.BASIS;
    static final Pattern MOBILE = Pattern.compile(Digits.NOT_AFTER + "(?:\\+?86[-\\s]?)?(1[3-9]\\d)[-\\s]?(\\d{4})[-\\s]?(\\d{4})" + Digits.NOT_BEFORE);
    static final Pattern LANDLINE = Pattern.compile(Digits.NOT_AFTER + "[(（]?(0\\d{2,3})[)）]?[-－—\\s]?(\\d{7,8})(?:[-转](\\d{1,5}))?" + Digits.NOT_BEFORE);

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
        RuleSet r = rules.get();
        NormalizedText n = ctx.normalized();
        Site site = Site.of(ctx);
        String t = n.text();
        List<Finding> out = new ArrayList<>();
        List<int[]> mobiles = new ArrayList<>();
        Matcher m = MOBILE.matcher(t);
        while (m.find()) {
            mobiles.add(new int[] {m.start(), m.end()});
            Verdict v = r.evaluate(new Candidate(Category.PHONE_NUMBER, "mobile", m.start(), m.end(), 0.85), site);
            if (v.reported()) {
                out.add(PersonalRules.finding(n, m.start(), m.end(), v, Severity.HIGH, BASIS, name(), "个人手机号码", null,
                        Masks.phone(m.group()), "个人手机号码属个人信息，公开前须删除或遮盖为“{masked}”。", "1[3-9]开头的11位手机号码"));
            }
        }
        Matcher l = LANDLINE.matcher(t);
        while (l.find()) {
            int s = l.start();
            if (mobiles.stream().anyMatch(x -> s >= x[0] && s < x[1])) {
                continue;
            }
            Verdict v = r.evaluate(new Candidate(Category.PHONE_NUMBER, "landline", l.start(), l.end(), 0.3), site);
            if (v.reported()) {
                out.add(PersonalRules.finding(n, l.start(), l.end(), v, Severity.MEDIUM, BASIS, name(), "个人固定电话号码", null,
                        Masks.phone(l.group()), "机关对外联系电话、监督电话可以公开，个人电话公开前须删除或遮盖为“{masked}”。", "区号加7–8位的固定电话号码"));
            }
        }
        return out;
    }
}
