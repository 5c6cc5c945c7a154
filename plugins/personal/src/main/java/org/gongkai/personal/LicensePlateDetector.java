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

/** 机动车号牌 (GA 36): province abbreviation, issuing-office letter, five characters (six for new-energy plates). */
public final class LicensePlateDetector implements Detector {
    private static final Pattern PLATE = Pattern.compile("(?<![A-Za-z])([京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼])([A-HJ-NP-Z])[·•.\\s]?"
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
        String t = ctx.normalized().text();
        List<Finding> out = new ArrayList<>();
        Matcher m = PLATE.matcher(t);
        while (m.find()) {
            String tail = m.group(3);
            if (!tail.chars().anyMatch(Character::isDigit)) {
                continue; // 渝AB…: letters only is a word, not a plate
            }
            out.add(Finding.at(ctx.normalized(), m.start(), m.end(), Category.LICENSE_PLATE, Severity.MEDIUM, 0.85, PhoneNumberDetector.BASIS,
                    "机动车号牌（" + m.group(1) + m.group(2) + "，" + (tail.length() == 6 ? "新能源号牌" : "普通号牌") + "）。车辆号牌可识别个人，公开前须遮盖。", name()));
        }
        return out;
    }
}
