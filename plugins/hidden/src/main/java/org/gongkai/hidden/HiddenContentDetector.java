package org.gongkai.hidden;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.gongkai.spi.Block;
import org.gongkai.spi.Category;
import org.gongkai.spi.DetectionContext;
import org.gongkai.spi.Detector;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.Finding;
import org.gongkai.spi.Severity;
import org.gongkai.spi.Span;

/**
 * What a published file would carry without the reader seeing it: tracked insertions and deletions,
 * comments, hidden text, embedded objects, and document properties naming people or organisations. Each must
 * be cleaned (接受或拒绝修订、删除批注、清除隐藏文字和文档属性) before publication.
 */
public final class HiddenContentDetector implements Detector {
    private static final String BASIS = "发布前须清理（《政府信息公开条例》第十五条、第十六条；先审查、后公开）";
    /**
     * Metadata values that name software, not people. ASCII names count only as whole words (so "Textile" or
     * "Wordsworth" are not software); Chinese names are product names, never bare place words ("金山区" is a
     * district, not 金山办公).
     */
    private static final Pattern SOFTWARE = Pattern.compile("(?i).*(?:(?<![a-z])(?:microsoft|office|word|wps|libreoffice|openoffice|apache|poi|"
            + "pdfbox|acrobat|adobe|writer|distiller|ghostscript|quartz|skia|chrome|chromium|itext|tika|kingsoft|foxit|suwell|latex|tex|xetex|"
            + "pdftex|ofdrw|nitro|pdfium|mupdf|qpdf|cairo|prince|scribus|indesign|illustrator|photoshop|coreldraw)(?![a-z])"
            + "|[a-z]*pdf[a-z]*|金山办公|金山软件|金山文档|金山WPS|WPS文字|福昕|数科网维|数科阅读器|书生(?:电子|阅读器|网络|软件)|永中(?:Office|软件|文字|集成)|方正(?:飞腾|书版|排版|阅读器|畅听|蒙泰)|"
            + "飞腾创艺|中标普华|微软).*");
    /** Default account and company names of installed systems; they name nobody. */
    private static final Pattern DEFAULT_ACCOUNT = Pattern.compile("(?i)\\s*(?:administrator|admin|user|owner|guest|pc|unknown|anonymous|"
            + "windows\\s*(?:用户|user)|微软用户|微软中国|用户|匿名|未知|作者|china|lenovo|dell|hp|acer|asus|thinkpad|"
            + "雨林木风|番茄花园|深度(?:技术)?|系统之家|电脑公司|mc\\s*system|sky123\\.org|www\\.\\S+|微软公司)\\s*");
    /** Property sources that can name a person or organisation. */
    private static final Pattern PERSON_PROPS = Pattern.compile("(?i).*(creator|author|lastmodifiedby|lastauthor|company|manager|作者|修改者|单位|经理|custom).*");
    /** Property sources that name the producing program ("pdf:Creator" is the application, not the author). */
    private static final Pattern PROGRAM_PROPS = Pattern.compile("(?i).*(producer|creatortool|application|appversion|pdf:creator|创建程序|生成程序|应用程序).*");

    @Override
    public String name() {
        return "hidden-content";
    }

    @Override
    public Set<Category> categories() {
        return Set.of(Category.HIDDEN_CONTENT);
    }

    @Override
    public List<Finding> detect(DetectionContext ctx) {
        DocumentText t = ctx.text();
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < t.blocks().size(); i++) {
            Block b = t.blocks().get(i);
            String text = b.text().strip();
            if (text.isEmpty()) {
                continue;
            }
            Span span = new Span(t.blockStart(i), t.blockEnd(i));
            switch (b.part()) {
                case TRACKED_INSERTION -> out.add(f(t, span, Severity.MEDIUM, "修订痕迹（插入）未接受：“" + cut(text) + "”。发布前须接受或拒绝全部修订。"));
                case TRACKED_DELETION -> out.add(f(t, span, Severity.HIGH, "修订痕迹（删除）仍保存在文件中：“" + cut(text)
                        + "”。被删除的内容可被恢复查看，发布前须接受全部修订并清除。"));
                case COMMENT -> out.add(f(t, span, Severity.HIGH, b.source().isEmpty() ? "批注：“" + cut(text) + "”。发布前须删除全部批注。"
                        : b.source() + "：“" + cut(text) + "”。发布前须删除全部批注。"));
                case HIDDEN -> out.add(f(t, span, Severity.HIGH, "隐藏文字：“" + cut(text) + "”。隐藏文字不显示但随文件发布，须清除。"));
                case ATTACHMENT -> out.add(f(t, span, Severity.MEDIUM, "嵌入对象（" + b.source() + "）含文字“" + cut(text) + "”。嵌入对象随文件发布，须审查或删除。"));
                case METADATA -> {
                    if (PERSON_PROPS.matcher(b.source()).matches() && !PROGRAM_PROPS.matcher(b.source()).matches()
                            && !SOFTWARE.matcher(text).matches() && !DEFAULT_ACCOUNT.matcher(text).matches()) {
                        out.add(f(t, span, Severity.LOW, "文档属性（" + b.source() + "）为“" + cut(text) + "”，可能暴露起草人或单位信息，发布前应清除文档属性。"));
                    }
                }
                default -> { }
            }
        }
        return out;
    }

    private Finding f(DocumentText t, Span span, Severity severity, String explanation) {
        return Finding.at(t, span, Category.HIDDEN_CONTENT, severity, 1.0, BASIS, explanation, name());
    }

    private static String cut(String s) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() > 40 ? flat.substring(0, 40) + "…" : flat;
    }
}
