package org.gongkai.personal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.rules.Cue;

/**
 * Names that stand where no label says so, in three shapes the rules then score:
 * <ul>
 *   <li>{@code field} — a line that is nothing but a name, as the fields of an e-invoice or a certificate print their
 *       values (the labels 开票人、收款人、权利人 are in the page's template, not in its text);</li>
 *   <li>{@code resume} — a name followed by sex and birth month ("张三，男，1978年2月出生"), the way a decision or a
 *       report introduces the person it is about;</li>
 *   <li>{@code subject} — the employee a personnel decision is about ("关于同意张三同志辞职的批复");</li>
 *   <li>{@code business} — the proprietor's name inside an individual business's name ("江北区王建国副食店": a place,
 *       the name, the trade), which registers the person, not a company.</li>
 * </ul>
 * Proposals go through the name detector's own checks ({@link NameShape}); whether they count — only in a form, not
 * for an official's résumé — is for {@code config/personal.rules}.
 */
final class NameFields {
    /** Scores a name as it stands. */
    interface Accepting {
        void accept(int start, String name, String kind, String how);
    }

    private static final Pattern RESUME = Pattern.compile("([\\p{IsHan}]{2,4})[，,、（(]\\s?[男女][，,、）)]\\s?(?:\\p{IsHan}{1,4}族[，,、]\\s?)?"
            + "(?:\\d{4}年\\d{1,2}月(?:\\d{1,2}日)?(?:出生|生)|生于\\d{4}年|出生于\\d{4}年)");
    /** The employee a personnel decision concerns: 同意张三（同志）辞职/调动/退休 … (辞去某职务 is an office's, not here). */
    private static final Pattern SUBJECT = Pattern.compile("(?:同意|批准|准予|关于|给予?)([\\p{IsHan}]{2,5}?)(?:同志)?"
            + "(?:辞职|调出|调入|调动|提前退休|退休|离职|解聘|辞退|停薪留职|解除劳动合同|解除聘用合同)");
    /** Where a business's place part ends: the proprietor's name starts right after. */
    private static final String PLACE_END = "区县市镇乡村旗州";
    /** Last characters of a shop's brand rather than a given name (张记, 李家, 王氏). */
    private static final String BRAND_END = "记家氏号牌";

    private final String t;
    private final NameShape shape;

    NameFields(String viewText, NameShape shape) {
        this.t = viewText;
        this.shape = shape;
    }

    /** Lines that are nothing but a 2–4 character name (HanLP, reading the line by itself, must start it with a name). */
    void loneLines(Accepting a) {
        int from = 0;
        while (from < t.length()) {
            int end = t.indexOf('\n', from);
            end = end < 0 ? t.length() : end;
            String line = t.substring(from, end);
            String v = line.strip();
            if (v.length() >= 2 && v.length() <= 4 && NameShape.nameCell(v) && v.codePoints().allMatch(Character::isIdeographic)) {
                if (shape.startsAsName(v)) {
                    a.accept(from + line.indexOf(v), v, "field", "单独成行的姓名");
                }
            }
            from = end + 1;
        }
    }

    /** A name before its sex and birth month. */
    void resumes(Accepting a) {
        ending(RESUME.matcher(t), "resume", a);
    }

    /** The employee named in a personnel decision. */
    void subjects(Accepting a) {
        ending(SUBJECT.matcher(t), "subject", a);
    }

    /**
     * Group 1 of each match ends where a name ends and may hold a word before it ("系张阿三", "同意张阿三"): the name is
     * its shortest tail from the left that looks like a name — at the start of the text or after a function word by
     * its shape alone, elsewhere only if HanLP reads it as a name.
     */
    private void ending(Matcher m, String kind, Accepting a) {
        while (m.find()) {
            int start = m.start(1);
            String raw = m.group(1);
            for (int k = 0; k + 2 <= raw.length(); k++) {
                String name = raw.substring(k);
                if (name.length() > 4 || !NameShape.nameCell(name)) {
                    continue;
                }
                boolean strong = k == 0 && (start == 0 || !Character.isIdeographic(t.charAt(start - 1))) || shape.afterFunctionWord(t, start + k);
                if (strong || shape.isName(name)) {
                    a.accept(start + k, name, kind, "按" + (kind.equals("resume") ? "简历" : "人事决定") + "格式识别");
                }
                break;
            }
        }
    }

    /** The proprietor's name between a business's place and its trade (a word of {@code shops}). */
    void proprietors(Cue shops, Accepting a) {
        for (int[] h = shops.next(t, 0); h != null; h = shops.next(t, h[1])) {
            for (int len = 4; len >= 2; len--) {
                int s = h[0] - len;
                if (s < 0) {
                    continue;
                }
                String raw = t.substring(s, h[0]);
                boolean placeBefore = s == 0 || PLACE_END.indexOf(t.charAt(s - 1)) >= 0 || !Character.isIdeographic(t.charAt(s - 1));
                if (placeBefore && (len < 4 || Surnames.compound(raw)) && NameShape.nameCell(raw) && BRAND_END.indexOf(raw.charAt(len - 1)) < 0
                        && shape.isName(raw)) {
                    a.accept(s, raw, "business", "个体工商户字号中的人名");
                    break;
                }
            }
        }
    }
}
