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
 * Bank card and account numbers: 16–19 digits, grouped by spaces or dashes or not. Valid ID numbers and
 * organisation credit codes are left to their own detectors. A number passing the Luhn check is a {@code luhn}
 * candidate (0.5, +0.25 for a UnionPay 62 prefix, +0.15 for another card scheme), one failing it an
 * {@code unchecked} candidate (0.2); the rules of {@code config/personal.rules} add a card label and drop the
 * accounts of agencies and companies, which are no personal information.
 */
public final class BankCardDetector extends PersonalDetector {
    private static final Pattern CARD = Pattern.compile(Digits.NOT_AFTER + "(?<![A-Za-z])(\\d{4}[ -]?\\d{4}[ -]?\\d{4}[ -]?\\d{4}(?:[ -]?\\d{1,3})?)(?![A-Za-z])" + Digits.NOT_BEFORE);
    /** A further group of four digits after a grouped number: the number is longer than a card's 19 digits. */
    private static final Pattern MORE_GROUPS = Pattern.compile("[ -]\\d{1,4}(?!\\d)");
    private static final Pattern SCHEME = Pattern.compile("^(4|5[1-5]|2[2-7]|3[47]|35|9).*");

    @Override
    public String name() {
        return "bank-card";
    }

    @Override
    public Set<Category> categories() {
        return Set.of(Category.BANK_CARD);
    }

    @Override
    public List<Finding> detect(DetectionContext ctx) {
        RuleSet r = rules.get();
        NormalizedText n = ctx.normalized();
        Site site = Site.of(ctx);
        String t = n.text();
        List<Finding> out = new ArrayList<>();
        Matcher m = CARD.matcher(t);
        while (m.find()) {
            String digits = m.group(1).replaceAll("[ -]", "");
            if (!digits.equals(m.group(1)) && longerGroupedRun(t, m.group(1), m.end())) {
                continue; // 20-digit accounts grouped by four: no card inside
            }
            if (digits.length() < 16 || digits.length() > 19 || digits.length() == 18 && IdNumber.isValid18(digits) || CreditCode.isValid(digits)) {
                continue;
            }
            boolean luhn = Luhn.valid(digits);
            boolean unionPay = digits.startsWith("62");
            boolean scheme = unionPay || SCHEME.matcher(digits).matches();
            double base = luhn ? 0.5 + (unionPay ? 0.25 : scheme ? 0.15 : 0) : 0.2;
            Verdict v = r.evaluate(new Candidate(Category.BANK_CARD, luhn ? "luhn" : "unchecked", m.start(), m.end(), base), site);
            if (v.reported()) {
                String checks = digits.length() + "位" + (luhn ? "，Luhn校验通过" : "，Luhn校验未通过") + (unionPay ? "，银联卡号段62" : "");
                out.add(PersonalRules.finding(n, m.start(), m.end(), v, Severity.BLOCKER, IdNumberDetector.BASIS, name(), "银行卡号或个人账号",
                        checks, Masks.bankCard(digits), "个人银行账号公开前须删除或遮盖为“{masked}”。", "16–19位数字" + (luhn ? "，Luhn 校验通过" : "")));
            }
        }
        return out;
    }

    /**
     * True when a number grouped by fours goes on with one more group (5000 1063 6000 5001 2345): the match is
     * the start of a longer account number, not a card.
     */
    private static boolean longerGroupedRun(String t, String match, int end) {
        int lastSep = Math.max(match.lastIndexOf(' '), match.lastIndexOf('-'));
        return match.length() - lastSep - 1 == 4 && MORE_GROUPS.matcher(t.substring(end, Math.min(t.length(), end + 6))).lookingAt();
    }
}
