package org.gongkai.gongwen;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.gongkai.spi.Attribute;
import org.gongkai.spi.Category;
import org.gongkai.spi.DetectionContext;
import org.gongkai.spi.Detector;
import org.gongkai.spi.Finding;
import org.gongkai.spi.Severity;

/**
 * A policy document published proactively needs its interpretation drafted, reviewed and published with it
 * (三同步; 政策解读制度 四): flags a public policy document uploaded without an interpretation file.
 */
public final class InterpretationDetector implements Detector {
    /** Titles of policy documents: regulations, measures, implementation opinions and plans, or notices issuing them. */
    private static final Pattern POLICY = Pattern.compile("(管理|实施|暂行|试行)?(办法|规定|细则|实施意见|指导意见|实施方案|规范性文件|若干措施|若干政策)");
    private static final Pattern NOT_POLICY = Pattern.compile("会议|培训|活动|放假|值班|评选|表彰|名单|人事|任免|召开");

    @Override
    public String name() {
        return "interpretation";
    }

    @Override
    public Set<Category> categories() {
        return Set.of(Category.INTERPRETATION_MISSING);
    }

    @Override
    public List<Finding> detect(DetectionContext ctx) {
        Attribute effective = ctx.submission().declared() != null ? ctx.submission().declared() : ctx.structure().detectedAttribute();
        String title = ctx.structure().elements().get("title");
        if (effective != Attribute.PUBLIC || ctx.submission().interpretationAttached() || title == null) {
            return List.of();
        }
        String type = ctx.structure().docType();
        boolean policy = POLICY.matcher(title).find() && !NOT_POLICY.matcher(title).find()
                && !"请示".equals(type) && !"报告".equals(type) && !"函".equals(type) && !"批复".equals(type);
        // a draft out for public comment is not yet the policy: its interpretation comes with the final text
        if (!policy || TypeRules.PUBLIC_CONSULTATION.matcher(ctx.text().text()).find() && Patterns.DRAFT_LABEL.matcher(ctx.text().text()).find()) {
            return List.of();
        }
        return List.of(Finding.document(Category.INTERPRETATION_MISSING, Severity.MEDIUM, Basis.INTERPRETATION,
                "“" + title + "”是主动公开的政策性文件，但未同步报送政策解读材料（三同步：同步起草、同步审签、同步发布）；请随文上传解读材料（interpretation）。",
                name()));
    }
}
