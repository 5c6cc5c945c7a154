package org.gongkai.personal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Looks at the text around a match: the same line, and a window before it. */
final class Context {
    /** Words that tie a value to a private person. */
    static final Pattern PERSON = Pattern.compile("当事人|申请人|被申请人|投诉人|举报人|被处罚人|被检查人|户主|联系人|姓名|信访人|上访人|本人|家属|配偶|"
            + "先生|女士|身份证|住址|家住|住所|家庭电话|住宅电话|宅电|个人|村民|居民|患者|学生|法定代表人|负责人[:：]|驾驶人|驾驶员|车主");
    /** Words that show a value belongs to an agency's public contact line. */
    static final Pattern AGENCY_LABEL = Pattern.compile("联系电话|监督电话|咨询电话|举报电话|投诉电话|服务热线|值班电话|办公电话|传真|热线|联系方式|邮政编码|邮编|电子邮箱|邮箱|办公地址|地址");
    static final Pattern AGENCY = Pattern.compile("局|委员会|委|办公室|政府|中心|科|所|站|窗口|大厅|街道办|管委会|队|院|厅|部|处|馆|办");

    private Context() {
    }

    /** The line holding [start, end). */
    static String line(String text, int start, int end) {
        int a = text.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
        int b = text.indexOf('\n', end);
        return text.substring(a, b < 0 ? text.length() : b);
    }

    /** Up to {@code n} characters before {@code start}, from the start of their sentence (after 。；！？ or a line break). */
    static String sentenceBefore(String text, int start, int n) {
        int from = Math.max(0, start - n);
        for (int i = start - 1; i >= from; i--) {
            char c = text.charAt(i);
            if (c == '。' || c == '；' || c == ';' || c == '！' || c == '？' || c == '!' || c == '?' || c == '\n') {
                return text.substring(i + 1, start);
            }
        }
        return text.substring(from, start);
    }

    /** The sentence holding [start, end): between 。；！？ or line breaks. */
    static String sentenceAround(String text, int start, int end) {
        int a = start;
        while (a > 0 && "。；;！？!?\n".indexOf(text.charAt(a - 1)) < 0) {
            a--;
        }
        int b = end;
        while (b < text.length() && "。；;！？!?\n".indexOf(text.charAt(b)) < 0) {
            b++;
        }
        return text.substring(a, b);
    }

    /** Up to {@code n} characters before {@code start}. */
    static String before(String text, int start, int n) {
        return text.substring(Math.max(0, start - n), start);
    }

    static String after(String text, int end, int n) {
        return text.substring(end, Math.min(text.length(), end + n));
    }

    static String find(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group() : null;
    }
}
