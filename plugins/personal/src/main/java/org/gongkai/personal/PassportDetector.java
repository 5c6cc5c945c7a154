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
 * Passport numbers: Chinese ordinary passports (E + 8 digits, E + letter + 7 digits, G + 8 digits) are
 * {@code chinese} candidates (0.5), other forms of one or two letters and 7–8 digits {@code generic} (0.3); the
 * rules of {@code config/personal.rules} ask for 护照/通行证 before them or a person in the line.
 */
public final class PassportDetector extends PersonalDetector {
    private static final Pattern CHINESE = Pattern.compile("(?<![A-Za-z0-9])([EG]\\d{8}|E[A-HJ-NP-Z]\\d{7})(?![A-Za-z0-9])");
    private static final Pattern GENERIC = Pattern.compile("(?<![A-Za-z0-9])([A-Z]{1,2}\\d{7,8})(?![A-Za-z0-9])");

    @Override
    public String name() {
        return "passport";
    }

    @Override
    public Set<Category> categories() {
        return Set.of(Category.PASSPORT);
    }

    @Override
    public List<Finding> detect(DetectionContext ctx) {
        RuleSet r = rules.get();
        NormalizedText n = ctx.normalized();
        Site site = Site.of(ctx);
        List<Finding> out = new ArrayList<>();
        Matcher m = GENERIC.matcher(n.text());
        while (m.find()) {
            boolean chinese = CHINESE.matcher(m.group(1)).matches();
            Verdict v = r.evaluate(new Candidate(Category.PASSPORT, chinese ? "chinese" : "generic", m.start(), m.end(), chinese ? 0.5 : 0.3), site);
            if (v.reported()) {
                out.add(PersonalRules.finding(n, m.start(), m.end(), v, Severity.HIGH, IdNumberDetector.BASIS, name(), "护照号码",
                        chinese ? "中国普通护照号码格式" : null, Masks.passport(m.group(1)), "护照号码属个人信息，公开前须删除或遮盖为“{masked}”。",
                        chinese ? "E/G 加数字的中国普通护照格式" : "字母加7–8位数字的证件号码格式"));
            }
        }
        return out;
    }
}
