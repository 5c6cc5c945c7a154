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
 * Bank card and account numbers: 16–19 digits (grouped by spaces or dashes or not) with a valid Luhn check
 * and a UnionPay/card-scheme prefix, or with 卡号/账号/开户 context. Valid ID numbers and organisation credit
 * codes are left to their own detectors; accounts of agencies and companies (户名：…局/…公司, 非税收入专户, 国库)
 * are not personal information.
 */
public final class BankCardDetector implements Detector {
    private static final Pattern CARD = Pattern.compile("(?<![0-9A-Za-z])(\\d{4}[ -]?\\d{4}[ -]?\\d{4}[ -]?\\d{4}(?:[ -]?\\d{1,3})?)(?![0-9A-Za-z])");
    private static final Pattern CONTEXT = Pattern.compile("卡号|账号|帐号|银行卡|开户|账户|帐户|存折|社保卡|借记卡|信用卡|收款");
    /** A further group of four digits after a grouped number: the number is longer than a card's 19 digits. */
    private static final Pattern MORE_GROUPS = Pattern.compile("[ -]\\d{1,4}(?!\\d)");
    /**
     * An account held by an organisation (public, and no personal information): a holder label naming an
     * agency or a company, or a fiscal account (非税收入、国库、财政专户、零余额).
     */
    private static final Pattern ORGANISATION_ACCOUNT = Pattern.compile("(?:户名|账户名称|帐户名称|账户名|收款单位|付款单位|缴款单位|开户单位|单位名称|"
            + "供应商|中标人|成交人|采购人|当事人)[:：]?[^，,。；;：:\\n]{0,30}?(?:公司|企业|集团|合作社|局|委员会|政府|财政|中心|专户|学校|医院|协会|厂|办公室|"
            + "事务所|研究院|管理处)|非税收入|国库|财政专户|零余额|基本存款账户|对公账户");

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
        String t = ctx.normalized().text();
        List<Finding> out = new ArrayList<>();
        Matcher m = CARD.matcher(t);
        while (m.find()) {
            String digits = m.group(1).replaceAll("[ -]", "");
            if (!digits.equals(m.group(1)) && longerGroupedRun(t, m.group(1), m.end())) {
                continue; // 20-digit accounts grouped by four: no card inside
            }
            if (ORGANISATION_ACCOUNT.matcher(Context.sentenceBefore(t, m.start(), 80)).find()) {
                continue;
            }
            if (digits.length() < 16 || digits.length() > 19 || digits.length() == 18 && IdNumber.isValid18(digits) || CreditCode.isValid(digits)) {
                continue;
            }
            boolean luhn = Luhn.valid(digits);
            boolean unionPay = digits.startsWith("62");
            boolean scheme = unionPay || digits.matches("^(4|5[1-5]|2[2-7]|3[47]|35|9).*");
            String context = Context.find(CONTEXT, Context.before(t, m.start(), 20));
            if (!(luhn && (scheme || context != null) || context != null && digits.length() >= 16)) {
                continue;
            }
            double score = (luhn ? 0.5 : 0.2) + (unionPay ? 0.25 : scheme ? 0.15 : 0) + (context != null ? 0.24 : 0);
            out.add(Finding.at(ctx.normalized(), m.start(), m.end(), Category.BANK_CARD, Severity.BLOCKER, Math.min(0.99, score),
                    IdNumberDetector.BASIS, digits.length() + "位银行卡/账号" + (luhn ? "，Luhn校验通过" : "，Luhn校验未通过（按上下文判定）")
                            + (unionPay ? "，银联卡号段62" : "") + (context == null ? "" : "；上下文：" + context) + "。公开前须删除或遮盖。", name()));
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
