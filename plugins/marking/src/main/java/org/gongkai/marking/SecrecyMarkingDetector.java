package org.gongkai.marking;

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
import org.gongkai.spi.Span;

/**
 * 国家秘密标志: 密级 (绝密/机密/秘密), ★ and 保密期限 ("机密★1年", "秘密★6个月", "绝密★长期", a 解密 date or
 * condition), in the 版头, at the top of a page or in a page header. Malformed stars (☆, *) and a missing star
 * still count — a marking typed wrongly is still a marking. The words inside sentences (rule texts about
 * 国家秘密) are never taken for a marking: the marking must be the whole line, possibly with 份号 or 紧急程度.
 * Basis: 《政府信息公开条例》第十四条；《保守国家秘密法》第二十条；GB/T 9704-2012 7.2.2.
 */
public final class SecrecyMarkingDetector implements Detector {
    static final String BASIS = "《政府信息公开条例》第十四条（依法确定为国家秘密的政府信息不予公开）；《保守国家秘密法》第二十条（国家秘密标志）；GB/T 9704-2012 7.2.2";
    private static final Pattern MARK = Pattern.compile(
            "^(?:份号[:：]?)?(\\d{6})?(?:[（(])?(绝密|机密|秘密)(?:级)?([★☆\\*＊✩✭]?)(长期|\\d{1,2}年|\\d{1,2}个月|[一二三四五六七八九十两]{1,3}(?:年|个月)|\\d{4}年\\d{1,2}月(?:\\d{1,2}日)?(?:以?前)?(?:解密)?"
            + "|解密条件[:：]?.{1,30}|.{0,4}前解密|(?:启用|使用|公布|发布|考试结束|开考)前)?(?:[）)])?(特急|加急|平急)?$");

    @Override
    public String name() {
        return "secrecy-marking";
    }

    @Override
    public Set<Category> categories() {
        return Set.of(Category.SECRECY_MARKING);
    }

    @Override
    public List<Finding> detect(DetectionContext ctx) {
        List<Finding> out = new ArrayList<>();
        List<MarkingLines.Candidate> lines = MarkingLines.of(ctx);
        for (int i = 0; i < lines.size(); i++) {
            MarkingLines.Candidate c = lines.get(i);
            String compact = c.compact().replaceAll("[０-９]", "");
            Matcher m = MARK.matcher(normaliseDigits(c.compact()));
            if (!m.matches()) {
                continue;
            }
            String level = m.group(2);
            String star = m.group(3);
            String period = m.group(4);
            boolean copyNumber = m.group(1) != null || i > 0 && lines.get(i - 1).compact().matches("^\\d{6}$");
            // A bare "秘密" line (no star, no period, no 份号) is weak evidence on its own.
            double score = 0.6 + (star.isEmpty() ? 0 : 0.2) + (period == null ? 0 : 0.15) + (copyNumber ? 0.05 : 0);
            if (star.isEmpty() && period == null && !copyNumber && compact.length() > 2) {
                continue;
            }
            StringBuilder why = new StringBuilder("版头国家秘密标志：密级“").append(level).append("”");
            if (star.isEmpty()) {
                why.append("，未用★分隔（格式不规范，仍按密件处理）");
            } else if (!star.equals("★")) {
                why.append("，分隔符“").append(star).append("”应为★（格式不规范，仍按密件处理）");
            }
            why.append(period == null ? "，未标保密期限" : "，保密期限“" + period + "”");
            if (copyNumber) {
                why.append("，并标注份号");
            }
            why.append("。涉密公文不得公开，须先经保密审查。");
            out.add(Finding.at(ctx.text(), new Span(c.start(), c.end()), Category.SECRECY_MARKING, Severity.BLOCKER, Math.min(1.0, score),
                    BASIS, why.toString(), name()));
        }
        return out;
    }

    private static String normaliseDigits(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            sb.append(ch >= '０' && ch <= '９' ? (char) (ch - '０' + '0') : ch);
        }
        return sb.toString();
    }
}
