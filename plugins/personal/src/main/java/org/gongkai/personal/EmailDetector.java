package org.gongkai.personal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.spi.Category;
import org.gongkai.spi.DetectionContext;
import org.gongkai.spi.Detector;
import org.gongkai.spi.Finding;
import org.gongkai.spi.Severity;

/**
 * E-mail addresses of persons. An agency's official address is public: gov.cn domains, and an address in an
 * agency contact line that is not on a personal mail service.
 */
public final class EmailDetector implements Detector {
    private static final Pattern EMAIL = Pattern.compile("(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]{1,64})@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})");
    private static final Set<String> PERSONAL = Set.of("qq.com", "163.com", "126.com", "sina.com", "sina.cn", "sohu.com", "gmail.com", "hotmail.com",
            "outlook.com", "foxmail.com", "yeah.net", "139.com", "189.cn", "aliyun.com", "yahoo.com", "live.com", "icloud.com", "msn.com", "wo.cn");

    @Override
    public String name() {
        return "email";
    }

    @Override
    public Set<Category> categories() {
        return Set.of(Category.EMAIL);
    }

    @Override
    public List<Finding> detect(DetectionContext ctx) {
        String t = ctx.normalized().text();
        List<Finding> out = new ArrayList<>();
        Matcher m = EMAIL.matcher(t);
        while (m.find()) {
            String domain = m.group(2).toLowerCase(Locale.ROOT);
            if (domain.endsWith("gov.cn") || domain.endsWith(".gov") || domain.endsWith("org.cn") && !PERSONAL.contains(domain)) {
                continue;
            }
            String line = Context.line(t, m.start(), m.end());
            String person = Context.find(Context.PERSON, line);
            boolean personalService = PERSONAL.contains(domain);
            boolean agencyLine = Context.find(Context.AGENCY_LABEL, line) != null && Context.AGENCY.matcher(line).find() && person == null;
            if (agencyLine && !personalService) {
                continue;
            }
            out.add(Finding.at(ctx.normalized(), m.start(), m.end(), Category.EMAIL, personalService ? Severity.MEDIUM : Severity.LOW,
                    person != null ? 0.9 : personalService ? 0.75 : 0.6, PhoneNumberDetector.BASIS,
                    "电子邮箱地址" + (personalService ? "（个人邮箱服务 " + domain + "）" : "") + (person == null ? "" : "；上下文：" + person)
                            + "。个人邮箱属个人信息，公开前须删除；机关公务邮箱除外。", name()));
        }
        return out;
    }
}
