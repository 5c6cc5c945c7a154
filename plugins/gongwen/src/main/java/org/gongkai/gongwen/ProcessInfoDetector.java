package org.gongkai.gongwen;

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
 * Process information by type and structure (《政府信息公开条例》第十六条第二款): 请示 with its closing request,
 * minutes recording discussion, drafts labelled 讨论稿/征求意见稿/送审稿, letters seeking opinions. A rule text
 * that merely mentions 请示 is none of these: the decision rests on the document's own 文种 and title area.
 */
public final class ProcessInfoDetector implements Detector {
    private static final Pattern REQUEST_CLOSE = Pattern.compile("(妥否|当否|可否|是否可行)[，,]?\\s*请(批示|审批|批复|审示|示)|请予?(审批|批复|批示)");

    @Override
    public String name() {
        return "process-info";
    }

    @Override
    public Set<Category> categories() {
        return Set.of(Category.PROCESS_INFO);
    }

    @Override
    public List<Finding> detect(DetectionContext ctx) {
        List<Finding> out = new ArrayList<>();
        String type = ctx.structure().docType();
        String text = ctx.text().text();
        String why = TypeRules.notPublicType(ctx.structure(), ctx.text());
        if ("请示".equals(type)) {
            Matcher m = REQUEST_CLOSE.matcher(text);
            if (m.find()) {
                out.add(Finding.at(ctx.text(), new Span(m.start(), m.end()), Category.PROCESS_INFO, Severity.MEDIUM, 0.95, Basis.PROCESS,
                        "文种为请示，结尾“" + m.group() + "”表明是向上级请求批准的过程性文件。", name()));
                return out;
            }
        }
        if (why != null && !"报告".equals(type)) {
            out.add(Finding.document(Category.PROCESS_INFO, Severity.MEDIUM, Basis.PROCESS, why + "，属过程性信息。", name()));
        } else if ("报告".equals(type) && REQUEST_CLOSE.matcher(text).find()) {
            out.add(Finding.document(Category.PROCESS_INFO, Severity.MEDIUM, Basis.PROCESS, "报告中夹带请示事项，属请示报告类过程性信息。", name()));
        }
        return out;
    }
}
