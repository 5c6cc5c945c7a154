package org.gongkai.gongwen;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import org.gongkai.spi.AttributeAnnotation;
import org.gongkai.spi.Category;
import org.gongkai.spi.DetectionContext;
import org.gongkai.spi.Detector;
import org.gongkai.spi.Finding;
import org.gongkai.spi.Severity;
import org.gongkai.spi.Span;

/** GB/T 9704-2012 format advice (LOW; never blocks): 发文字号, 成文日期, 附注, 份号. */
public final class FormatDetector implements Detector {

    @Override
    public String name() {
        return "format";
    }

    @Override
    public Set<Category> categories() {
        return Set.of(Category.FORMAT);
    }

    @Override
    public List<Finding> detect(DetectionContext ctx) {
        List<Finding> out = new ArrayList<>();
        var el = ctx.structure().elements();
        String number = el.get("docNumber");
        if (number != null) {
            Matcher m = Patterns.DOC_NUMBER.matcher(number);
            if (m.matches()) {
                List<String> issues = new ArrayList<>();
                if (!m.group(2).equals("〔") || !m.group(4).equals("〕")) {
                    issues.add("年份应使用六角括号“〔〕”，而非“" + m.group(2) + m.group(4) + "”");
                }
                if (m.group(3).length() != 4) {
                    issues.add("年份应标全称四位数字");
                }
                if (!m.group(5).isEmpty()) {
                    issues.add("序号前不加“第”字");
                }
                if (m.group(6).startsWith("0")) {
                    issues.add("序号不编虚位（不加前导零）");
                }
                if (!issues.isEmpty()) {
                    out.add(doc(ctx, "发文字号“" + number + "”：" + String.join("；", issues) + "。", Basis.FORMAT_NUMBER));
                }
            }
        }
        String date = el.get("date");
        if (date != null) {
            if (Patterns.DATE_CN.matcher(date).matches()) {
                out.add(doc(ctx, "成文日期“" + date + "”应使用阿拉伯数字。", Basis.FORMAT_DATE));
            } else {
                Matcher d = Patterns.DATE.matcher(date);
                if (d.matches() && (d.group(2).startsWith("0") || d.group(3).startsWith("0"))) {
                    out.add(doc(ctx, "成文日期“" + date + "”的月、日不编虚位（不加前导零）。", Basis.FORMAT_DATE));
                }
            }
        }
        AttributeAnnotation a = ctx.structure().annotation();
        if (a != null) {
            annotation(ctx, a, out);
        }
        if (el.containsKey("secrecy") && !el.containsKey("copyNumber")) {
            out.add(doc(ctx, "公文标注了密级“" + el.get("secrecy") + "”，但未标注份号。", Basis.FORMAT_COPY));
        }
        return out;
    }

    private void annotation(DetectionContext ctx, AttributeAnnotation a, List<Finding> out) {
        String w = a.wording();
        List<String> issues = new ArrayList<>();
        if (w.indexOf('(') >= 0 || w.indexOf(')') >= 0) {
            issues.add("应使用全角圆括号“（）”");
        }
        if (w.replaceFirst("^\\s+", "").matches(".*[\\s\u3000].*")) {
            issues.add("括号内不应有空格");
        }
        if (!followsDate(ctx, a.span())) {
            issues.add("附注应编排在成文日期下一行");
        }
        if (!issues.isEmpty()) {
            out.add(Finding.at(ctx.text(), a.span(), Category.FORMAT, Severity.LOW, 0.9, Basis.FORMAT_NOTE,
                    "附注“" + w + "”：" + String.join("；", issues) + "。", name()));
        }
    }

    /**
     * Whether one of the three lines before the annotation is a stand-alone date; an annotation that closes a line of
     * text (a run-on paragraph) is not on a line of its own.
     */
    private static boolean followsDate(DetectionContext ctx, Span span) {
        List<Line> lines = Line.of(ctx.text());
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (span.start() > l.start() + l.raw().length() - l.raw().stripLeading().length() && span.start() < l.end()) {
                return false;
            }
            if (l.start() + l.raw().indexOf(l.raw().strip()) == span.start() || l.start() == span.start()) {
                for (int k = Math.max(0, i - 3); k < i; k++) {
                    String c = lines.get(k).compact();
                    if (Patterns.DATE.matcher(c).matches() || Patterns.DATE_CN.matcher(c).matches()) {
                        return true;
                    }
                }
                return false;
            }
        }
        return true;
    }

    private Finding doc(DetectionContext ctx, String explanation, String basis) {
        return Finding.document(Category.FORMAT, Severity.LOW, basis, explanation, name());
    }
}
