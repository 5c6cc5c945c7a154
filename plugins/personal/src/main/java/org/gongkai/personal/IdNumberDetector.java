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
 * 居民身份证号码: 18-character numbers with a valid check character, real province and real birth date, and
 * 15-digit legacy numbers next to 身份证 context. Masked forms ("500105********4428") do not match (the mask
 * breaks the digit run); a number failing the checksum is not an ID. Works on the normalised text, so
 * full-width digits and numbers wrapped inside a table cell are found.
 */
public final class IdNumberDetector implements Detector {
    static final String BASIS = "《政府信息公开条例》第十五条（个人隐私）；《个人信息保护法》第二十八条（敏感个人信息）";
    private static final Pattern ID = Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[0-9Xx]|\\d{15})(?![0-9A-Za-z])");
    private static final Pattern ID_CONTEXT = Pattern.compile("身份证|公民身份号码|证件号|身份号码|证号");

    @Override
    public String name() {
        return "id-number";
    }

    @Override
    public Set<Category> categories() {
        return Set.of(Category.ID_NUMBER);
    }

    @Override
    public List<Finding> detect(DetectionContext ctx) {
        String t = ctx.normalized().text();
        List<Finding> out = new ArrayList<>();
        Matcher m = ID.matcher(t);
        while (m.find()) {
            String id = m.group(1).toUpperCase();
            String context = Context.find(ID_CONTEXT, Context.before(t, m.start(), 20));
            if (id.length() == 18 && IdNumber.isValid18(id)) {
                out.add(Finding.at(ctx.normalized(), m.start(), m.end(), Category.ID_NUMBER, Severity.BLOCKER, context == null ? 0.97 : 0.99, BASIS,
                        "18位居民身份证号码，校验位正确，地区码 " + id.substring(0, 6) + "（" + IdNumber.PROVINCES.get(id.substring(0, 2)) + "），出生日期 "
                                + id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14)
                                + (context == null ? "" : "；上下文：" + context) + "。公开前须删除或遮盖（如 500105********4428）。", name()));
            } else if (id.length() == 15 && context != null && IdNumber.isValid15(id)) {
                out.add(Finding.at(ctx.normalized(), m.start(), m.end(), Category.ID_NUMBER, Severity.HIGH, 0.85, BASIS,
                        "15位（旧版）居民身份证号码，地区码 " + id.substring(0, 6) + "（" + IdNumber.PROVINCES.get(id.substring(0, 2)) + "），出生日期 19"
                                + id.substring(6, 8) + "-" + id.substring(8, 10) + "-" + id.substring(10, 12) + "；上下文：" + context + "。", name()));
            }
        }
        return out;
    }
}
