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
 * 机动车号牌 (GA 36): province abbreviation, issuing-office letter, five characters (six for new-energy plates),
 * with at least one digit; a PDF may print a space after the province ("湘 BF64880"). New-energy plates: D or F then
 * five characters for small cars (湘BF64880, 京AD12345), five digits then D or F for large ones. A plate identifies its keeper ({@code plate}, 0.85); {@code config/personal.rules}
 * drops the plates of official vehicles and raises one in a line naming a driver or keeper.
 */
public final class LicensePlateDetector extends PersonalDetector {
    private static final Pattern PLATE = Pattern.compile("(?<![A-Za-z])([京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼])[ \\u00a0]?([A-HJ-NP-Z])[·•.\\s]?"
            + "([DF][A-HJ-NP-Z0-9]\\d{4}|\\d{5}[DF]|[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳])(?![A-Za-z0-9])");

    @Override
    public String name() {
        return "license-plate";
    }

    @Override
    public Set<Category> categories() {
        return Set.of(Category.LICENSE_PLATE);
    }

    @Override
    public List<Finding> detect(DetectionContext ctx) {
        RuleSet r = rules.get();
        NormalizedText n = ctx.normalized();
        Site site = Site.of(ctx);
        List<Finding> out = new ArrayList<>();
        Matcher m = PLATE.matcher(n.text());
        while (m.find()) {
            String tail = m.group(3);
            if (tail.chars().noneMatch(Character::isDigit)) {
                continue; // 渝AB…: letters only is a word, not a plate
            }
            Verdict v = r.evaluate(new Candidate(Category.LICENSE_PLATE, "plate", m.start(), m.end(), 0.85), site);
            if (v.reported()) {
                out.add(PersonalRules.finding(n, m.start(), m.end(), v, Severity.MEDIUM, PhoneNumberDetector.BASIS, name(), "机动车号牌",
                        m.group(1) + m.group(2) + "，" + (tail.length() == 6 ? "新能源号牌" : "普通号牌"), Masks.plate(m.group()),
                        "车辆号牌可识别个人，公开前须遮盖为“{masked}”。", "GA 36 号牌格式"));
            }
        }
        return out;
    }
}
