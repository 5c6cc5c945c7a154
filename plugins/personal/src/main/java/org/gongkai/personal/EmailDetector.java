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
 * E-mail addresses of persons. An agency's official address is public: gov.cn domains, an address in an
 * agency contact line with no person named, and an address on a mail service (163.com, qq.com …) in such a line
 * when its sentence names the agency.
 */
public final class EmailDetector implements Detector {
    /** Also the full-width ＠ and ． an input method in full-width mode leaves (NFKC folding keeps them as punctuation). */
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]{1,64})[@＠]([A-Za-z0-9-]+(?:[.．][A-Za-z0-9-]+)*[.．][A-Za-z]{2,})");
    private static final Pattern AFTER_AGENCY = Pattern.compile("[（(][^（()）\\n]{1,20}[）)]");
    private static final Pattern BEFORE_AGENCY = Pattern.compile("([^，,。；;：:、\\s]{2,16})(?:公务|官方|政务|公共)?(?:电子邮箱|电子信箱|邮箱|信箱|E-?mail|email)[:：]?$");
    /** An agency named in the contact line, strictly (not 处 of 处理 or 所 of 所在). */
    private static final Pattern AGENCY_NAME = Pattern.compile("局(?![面势限部])|委员会|委(?![托屈员婉])|办公室|公开办|政府|中心|管委会|办事处|街道办|大队|支队|中队|派出所|"
            + "法院|检察院|[科股](?![学技研普])|窗口|大厅");
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
            String domain = m.group(2).replace('．', '.').toLowerCase(Locale.ROOT);
            if (domain.endsWith("gov.cn") || domain.endsWith(".gov") || domain.endsWith("org.cn") && !PERSONAL.contains(domain)) {
                continue;
            }
            String line = Context.line(t, m.start(), m.end());
            String person = Context.find(Context.PERSON, line);
            boolean personalService = PERSONAL.contains(domain);
            boolean agencyLine = Context.find(Context.AGENCY_LABEL, line) != null && Context.AGENCY.matcher(line).find() && person == null;
            if (namedAsAgencys(t, m.start(), m.end())) {
                continue;
            }
            // an agency's own mailbox on a mail service (many county offices use one) when its line names the agency
            if (agencyLine && (!personalService || AGENCY_NAME.matcher(Context.sentenceAround(t, m.start(), m.end())).find())) {
                continue;
            }
            out.add(Finding.at(ctx.normalized(), m.start(), m.end(), Category.EMAIL, personalService ? Severity.MEDIUM : Severity.LOW,
                    person != null ? 0.9 : personalService ? 0.75 : 0.6, PhoneNumberDetector.BASIS,
                    "电子邮箱地址" + (personalService ? "（个人邮箱服务 " + domain + "）" : "") + (person == null ? "" : "；上下文：" + person)
                            + "。个人邮箱属个人信息，公开前须删除；机关公务邮箱除外。", name()));
        }
        return out;
    }

    /** The address is labelled as an agency's: "（县应急管理局）" right after it, or "县信访局电子邮箱：" right before it. */
    private static boolean namedAsAgencys(String t, int start, int end) {
        Matcher after = AFTER_AGENCY.matcher(t).region(end, Math.min(t.length(), end + 24));
        if (after.lookingAt() && AGENCY_NAME.matcher(after.group()).find()) {
            return true;
        }
        Matcher before = BEFORE_AGENCY.matcher(Context.before(t, start, 24));
        return before.find() && AGENCY_NAME.matcher(before.group(1)).find();
    }
}
