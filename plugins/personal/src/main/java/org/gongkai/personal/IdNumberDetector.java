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
 * breaks the digit run); a number failing the checksum is not an ID, nor is a number labelled as another
 * identifier (统一社会信用代码, 合同编号, 案件编号 …) even when its digits pass the check. Works on the normalised
 * text, so full-width digits and numbers wrapped inside a table cell are found.
 */
public final class IdNumberDetector implements Detector {
    static final String BASIS = "《政府信息公开条例》第十五条（个人隐私）；《个人信息保护法》第二十八条（敏感个人信息）";
    private static final Pattern ID = Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[0-9Xx]|\\d{15})(?![0-9A-Za-z])");
    private static final Pattern ID_CONTEXT = Pattern.compile("身份证|公民身份号码|证件号|证件编号|身份号码|证号|居民身份|居留证");
    /**
     * Labels of identifiers that are no ID number even when the digits happen to pass the ID check: an
     * organisation's 统一社会信用代码, and order, case or contract numbers made of an area code, a date and a serial.
     */
    private static final Pattern OTHER_NUMBER = Pattern.compile("统一社会信用代码|社会信用代码|信用代码|纳税人识别号|税号|组织机构代码|注册号|登记号|"
            + "订单号|订单编号|合同号|合同编号|协议编号|项目编号|采购编号|招标编号|标段编号|案件编号|案号|立案号|批次编号|批次号|批号|流水号|单号|票号|"
            + "发票号码|凭证号|档案号|登记编号|许可证编号|许可证号|证书编号|备案号|文件编号");

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
            String before = Context.before(t, m.start(), 20);
            String context = Context.find(ID_CONTEXT, before);
            if (labelledOther(t, m.start())) {
                continue;
            }
            if (id.length() == 18 && IdNumber.isValid18(id)) {
                out.add(Finding.at(ctx.normalized(), m.start(), m.end(), Category.ID_NUMBER, Severity.BLOCKER, context == null ? 0.97 : 0.99, BASIS,
                        "18位居民身份证号码，校验位正确，地区码 " + id.substring(0, 6) + "（" + IdNumber.province(id) + "），出生日期 "
                                + id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14)
                                + (context == null ? "" : "；上下文：" + context) + "。公开前须删除或遮盖（如 500105********4428）。", name()));
            } else if (id.length() == 15 && context != null && IdNumber.isValid15(id)) {
                out.add(Finding.at(ctx.normalized(), m.start(), m.end(), Category.ID_NUMBER, Severity.HIGH, 0.85, BASIS,
                        "15位（旧版）居民身份证号码，地区码 " + id.substring(0, 6) + "（" + IdNumber.PROVINCES.getOrDefault(id.substring(0, 2), "境外") + "），出生日期 19"
                                + id.substring(6, 8) + "-" + id.substring(8, 10) + "-" + id.substring(10, 12) + "；上下文：" + context + "。", name()));
            }
        }
        return out;
    }

    /**
     * True when the nearest label before the number on its line names another kind of identifier (信用代码,
     * 合同编号 …) and no ID label stands between that label and the number.
     */
    private static boolean labelledOther(String t, int start) {
        int lineStart = t.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
        String before = t.substring(Math.max(lineStart, start - 24), start);
        Matcher other = OTHER_NUMBER.matcher(before);
        int otherEnd = -1;
        while (other.find()) {
            otherEnd = other.end();
        }
        if (otherEnd < 0) {
            return false;
        }
        Matcher id = ID_CONTEXT.matcher(before);
        while (id.find()) {
            if (id.start() >= otherEnd) {
                return false;
            }
        }
        // the label must be this number's own: nothing but separators between them
        return before.substring(otherEnd).matches("[（(]?[:：\\s为是）)]*");
    }
}
