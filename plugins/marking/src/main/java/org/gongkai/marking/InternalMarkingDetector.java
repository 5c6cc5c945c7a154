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
import org.gongkai.spi.Part;
import org.gongkai.spi.Severity;
import org.gongkai.spi.Span;

/**
 * 工作秘密 and internal-use markings ("工作秘密", "内部资料 注意保存", "内部使用", "不得外传", "仅供内部参考") when they
 * stand as markings: a whole line in the head of the document or a page, a page header or footer, or a
 * parenthesised label closing the title line. "内部使用的信息可以不予公开" in a rule text is a sentence, not a
 * marking. Basis: 《政府信息公开条例》第十六条.
 */
public final class InternalMarkingDetector implements Detector {
    static final String BASIS = "《政府信息公开条例》第十六条（内部事务信息）；工作秘密管理规定（标注“工作秘密”“内部资料”的文件不得公开）";
    private static final String WORDS = "工作秘密|内部资料[，,]?(?:[（(]?(?:注意|妥善)(?:保存|保密|保管)[）)]?)?|内部使用|内部文件|仅供内部参考|内部参考|内部明电|内部刊物|内部参阅|(?:不得|严禁|禁止|请勿|切勿|不准)(?:外传|外泄|对外|扩散|转发|复制)|限内部(?:使用|传阅)|内部传阅";
    /** One label or several in a row ("内部资料 不得外传", "内部使用，严禁外传"). */
    private static final String LABELS = "(?:" + WORDS + ")(?:[，,、；;]?(?:" + WORDS + "))*";
    private static final Pattern WHOLE = Pattern.compile("^(?:\\d{6})?[（(【\\[]?(" + LABELS + ")[）)】\\]]?(?:★.{0,10})?$");
    private static final Pattern ANY_WORD = Pattern.compile(WORDS);
    private static final Pattern TITLE_LABEL = Pattern.compile("[（(【\\[](" + WORDS + ")[）)】\\]]$");

    @Override
    public String name() {
        return "internal-marking";
    }

    @Override
    public Set<Category> categories() {
        return Set.of(Category.INTERNAL_MARKING);
    }

    @Override
    public List<Finding> detect(DetectionContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (MarkingLines.Candidate c : MarkingLines.of(ctx)) {
            Matcher m = WHOLE.matcher(c.compact());
            boolean header = c.part() == Part.HEADER || c.part() == Part.FOOTER;
            Matcher t = TITLE_LABEL.matcher(c.compact());
            String word = null;
            if (m.matches()) {
                word = m.group(1);
            } else if (t.find() && c.compact().length() <= 60) {
                word = t.group(1);
            } else if (header && c.compact().length() <= 20) {
                Matcher h = ANY_WORD.matcher(c.compact());
                if (h.find()) {
                    word = h.group();
                }
            }
            if (word != null) {
                out.add(Finding.at(ctx.text(), new Span(c.start(), c.end()), Category.INTERNAL_MARKING, Severity.HIGH, 0.95, BASIS,
                        "文件标注“" + word + "”（" + (header ? "页眉页脚" : "版头或标题") + "），属工作秘密或内部使用信息，不得主动公开，须经保密审查。", name()));
            }
        }
        return out;
    }
}
