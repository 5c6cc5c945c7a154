package org.gongkai.personal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * E-mail addresses. Addresses on a personal mail service (163.com, qq.com …) are {@code personal-service}
 * candidates (0.75), others {@code other} (0.6); the rules of {@code config/personal.rules} drop an agency's
 * official mailbox (gov.cn, named as an agency's, in an agency's contact line) and raise one in a line that names
 * a person.
 */
public final class EmailDetector extends PersonalDetector {
    /** Also the full-width ＠ and ． an input method in full-width mode leaves (NFKC folding keeps them as punctuation). */
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]{1,64})[@＠]([A-Za-z0-9-]+(?:[.．][A-Za-z0-9-]+)*[.．][A-Za-z]{2,})");
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
        RuleSet r = rules.get();
        NormalizedText n = ctx.normalized();
        Site site = Site.of(ctx);
        List<Finding> out = new ArrayList<>();
        Matcher m = EMAIL.matcher(n.text());
        while (m.find()) {
            String domain = m.group(2).replace('．', '.').toLowerCase(Locale.ROOT);
            boolean personal = PERSONAL.contains(domain);
            String value = m.group().replace('＠', '@').replace('．', '.');
            Verdict v = r.evaluate(new Candidate(Category.EMAIL, personal ? "personal-service" : "other", m.start(), m.end(), personal ? 0.75 : 0.6),
                    value, site);
            if (v.reported()) {
                out.add(PersonalRules.finding(n, m.start(), m.end(), v, personal ? Severity.MEDIUM : Severity.LOW, PhoneNumberDetector.BASIS, name(),
                        "电子邮箱地址", personal ? "个人邮箱服务 " + domain : null, Masks.email(value),
                        "个人邮箱属个人信息，公开前须删除或遮盖为“{masked}”；机关公务邮箱除外。", "邮箱地址格式，域名 " + domain));
            }
        }
        return out;
    }
}
