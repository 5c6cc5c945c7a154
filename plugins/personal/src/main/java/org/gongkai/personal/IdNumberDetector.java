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
 * 居民身份证号码. Proposes, on the normalised text (full-width digits folded, numbers wrapped in a table cell
 * joined): 18-character numbers with a valid check character, real area and birth date ({@code id18}, 0.97 by
 * themselves); 15-digit legacy numbers with a real area and date ({@code id15}, which need context); and an
 * 18-character ID number at the start of a longer identifier ({@code embedded}: the taxpayer number of a person or
 * an individual business, ID + 2 digits). Masked forms ("500105********4428") never match: the mask breaks the
 * digit run. A number that is also a valid 统一社会信用代码 is {@code ambiguous}. Which of them are reported is for {@code config/personal.rules}: an ID label raises, another
 * identifier's label (统一社会信用代码, 合同编号 …) excludes, a 纳税人识别号 label makes an embedded ID count.
 */
public final class IdNumberDetector extends PersonalDetector {
    static final String BASIS = PersonalRules.SENSITIVE_BASIS;
    private static final Pattern ID = Pattern.compile(Digits.NOT_AFTER + "(?<![A-Za-z])(\\d{17}[0-9Xx]|\\d{15})(?![A-Za-z])" + Digits.NOT_BEFORE);
    /** An ID number followed by one to three more characters: a longer identifier built on it. */
    private static final Pattern EMBEDDED = Pattern.compile(Digits.NOT_AFTER + "(?<![A-Za-z])(\\d{17}[0-9Xx])([0-9A-Z]{1,3})(?![A-Za-z])" + Digits.NOT_BEFORE);

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
        RuleSet r = rules.get();
        NormalizedText n = ctx.normalized();
        Site site = Site.of(ctx);
        String t = n.text();
        List<Finding> out = new ArrayList<>();
        Matcher m = ID.matcher(t);
        while (m.find()) {
            String id = m.group(1).toUpperCase();
            if (id.length() == 18 && IdNumber.isValid18(id)) {
                report(r, site, n, m.start(), m.end(), CreditCode.isValid(id) ? "ambiguous" : "id18", 0.97, id, out);
            } else if (id.length() == 15 && IdNumber.isValid15(id)) {
                report(r, site, n, m.start(), m.end(), "id15", 0.5, id, out);
            }
        }
        Matcher e = EMBEDDED.matcher(t);
        while (e.find()) {
            String id = e.group(1).toUpperCase();
            if (IdNumber.isValid18(id) && !CreditCode.isValid(e.group())) {
                report(r, site, n, e.start(), e.end(), "embedded", 0.4, id, out);
            }
        }
        return out;
    }

    private void report(RuleSet r, Site site, NormalizedText n, int start, int end, String kind, double base, String id, List<Finding> out) {
        Verdict v = r.evaluate(new Candidate(Category.ID_NUMBER, kind, start, end, base), site);
        if (!v.reported()) {
            return;
        }
        String value = n.text().substring(start, end);
        boolean legacy = kind.equals("id15");
        String checks = legacy ? "15位旧版号码，地区码 " + id.substring(0, 6) + "（" + IdNumber.PROVINCES.getOrDefault(id.substring(0, 2), "境外")
                + "），出生日期 19" + id.substring(6, 8) + "-" + id.substring(8, 10) + "-" + id.substring(10, 12)
                : "校验位正确，地区码 " + id.substring(0, 6) + "（" + IdNumber.province(id) + "），出生日期 " + id.substring(6, 10) + "-"
                + id.substring(10, 12) + "-" + id.substring(12, 14);
        String engine = (legacy ? "15位号码：地区码与出生日期有效" : "GB 11643 校验位、地区码、出生日期有效") + (kind.equals("embedded") ? "；位于更长的编号开头" : "");
        out.add(PersonalRules.finding(n, start, end, v, legacy ? Severity.HIGH : Severity.BLOCKER, BASIS, name(),
                kind.equals("embedded") ? "编号中含有居民身份证号码" : "居民身份证号码", checks, Masks.idNumber(value),
                "身份证号码属敏感个人信息，公开前须删除或遮盖为“{masked}”。", engine));
    }
}
