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
 * Passport numbers: Chinese ordinary passports (E + 8 digits, E + letter + 7 digits, G + 8 digits) anywhere,
 * other forms (one or two letters and 7–8 digits) only right after 护照 or 通行证.
 */
public final class PassportDetector implements Detector {
    private static final Pattern CHINESE = Pattern.compile("(?<![A-Za-z0-9])([EG]\\d{8}|E[A-HJ-NP-Z]\\d{7})(?![A-Za-z0-9])");
    private static final Pattern GENERIC = Pattern.compile("(?<![A-Za-z0-9])([A-Z]{1,2}\\d{7,8})(?![A-Za-z0-9])");
    private static final Pattern CONTEXT = Pattern.compile("护照|通行证|旅行证");

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
        String t = ctx.normalized().text();
        List<Finding> out = new ArrayList<>();
        Matcher m = GENERIC.matcher(t);
        while (m.find()) {
            String context = Context.find(CONTEXT, Context.before(t, m.start(), 15));
            boolean chinese = CHINESE.matcher(m.group(1)).matches();
            if (context == null && !chinese) {
                continue;
            }
            if (chinese && context == null && !Context.PERSON.matcher(Context.line(t, m.start(), m.end())).find()) {
                continue; // E12345678 alone could be any code; require a person in the line
            }
            out.add(Finding.at(ctx.normalized(), m.start(), m.end(), Category.PASSPORT, Severity.HIGH, context != null ? 0.95 : 0.7,
                    IdNumberDetector.BASIS, (chinese ? "中国普通护照号码格式" : "证件号码") + (context == null ? "" : "；上下文：" + context)
                            + "。护照号码属个人信息，公开前须删除或遮盖。", name()));
        }
        return out;
    }
}
