package org.gongkai.personal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Transliterated names of Mongolian, Tibetan, Uyghur and Kazakh people ({@link NameShape#minorityNameAt}), taken whole
 * where a private person is described: right before an ID or mobile number after sex, ethnic group and birth month, or
 * with sex and ethnic group and an ID or mobile number later in the sentence.
 */
final class MinorityNames {
    private static final Pattern MINORITY_BEFORE_NUMBER = Pattern.compile("([\\p{IsHan}·]{3,14})[，,、:：（(\\s]{0,3}(?:[男女][，,、）)\\s]{0,3})?"
            + "(?:\\d{1,3}岁[，,、\\s]{0,3})?(?:[\\p{IsHan}]{1,4}族[，,、\\s]{0,3})?(?:\\d{4}年\\d{1,2}月(?:\\d{1,2}日)?(?:生|出生)[，,、\\s]{0,3})?"
            + "(?:身份证号?码?|公民身份号码|证件号码|手机号?码?|(?:联系)?电话)?[:：为]?$");
    /** A name with sex and ethnic group after it ("乌云其木格，女，蒙古族"), matched on the text ending at 族. */
    private static final Pattern PROFILE = Pattern.compile("([\\p{IsHan}·]{3,14})[，,、（(]\\s?[男女][，,、]\\s?\\p{IsHan}{1,4}族$");

    private final String t;
    private final NameFields.Accepting a;

    MinorityNames(String viewText, NameFields.Accepting a) {
        this.t = viewText;
        this.a = a;
    }

    /** A transliterated name right before an ID or mobile number, after its sex, ethnic group and birth month. */
    void beforeNumber(int numberStart) {
        String before = t.substring(Math.max(0, numberStart - 48), numberStart);
        Matcher b = MINORITY_BEFORE_NUMBER.matcher(before);
        if (!b.find()) {
            return;
        }
        int end = numberStart - before.length() + b.end(1);
        for (int from = Math.max(0, end - 12); from <= end - 3; from++) {
            String whole = NameShape.minorityNameAt(t, from);
            if (whole != null && from + whole.length() == end) {
                if (from == 0 || !Character.isIdeographic(t.charAt(from - 1))) {
                    a.accept(from, whole, "number", "按少数民族姓名整体识别");
                }
                return;
            }
        }
    }

    /**
     * A transliterated name described by sex and ethnic group and followed in its sentence by an ID or mobile
     * number ("乌云其木格，女，蒙古族，1986年2月生，身份证号码…").
     */
    void profiles() {
        for (int i = t.indexOf('族'); i >= 0; i = t.indexOf('族', i + 1)) {
            Matcher p = PROFILE.matcher(t.substring(Math.max(0, i - 24), i + 1));
            if (!p.find()) {
                continue;
            }
            int end = i + 1 - (p.end() - p.end(1));
            int sentenceEnd = i + 1;
            while (sentenceEnd < t.length() && sentenceEnd - i < 80 && "。；;！？!?".indexOf(t.charAt(sentenceEnd)) < 0) {
                sentenceEnd++;
            }
            Matcher num = PersonNameDetector.NUMBER.matcher(t.substring(i + 1, sentenceEnd).replace("\n", ""));
            boolean described = false;
            while (!described && num.find()) {
                String d = num.group(1);
                described = d.length() == 18 && IdNumber.isValid18(d.toUpperCase()) || d.length() == 11 && d.charAt(0) == '1';
            }
            for (int from = Math.max(0, end - 14); described && from <= end - 3; from++) {
                String whole = NameShape.minorityNameAt(t, from);
                if (whole != null && from + whole.length() == end && (from == 0 || !Character.isIdeographic(t.charAt(from - 1)))) {
                    a.accept(from, whole, "profile", "按少数民族姓名整体识别");
                    break;
                }
            }
        }
    }
}
