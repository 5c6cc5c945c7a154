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
 *
 * <p>The same kind of document gets the same answer however its text came out: the policy's name is read from the
 * title, or — when the parsed title is something else (a web page's header line, a text flattened into one
 * paragraph) — from the first heading line that names a policy document; and only a draft labelled as such in its
 * title area is taken for a consultation draft, not a published plan that tells how it was drafted ("…形成草案，
 * 向社会公开征求意见…").
 */
public final class InterpretationDetector implements Detector {
    /** Titles of policy documents: regulations, measures, implementation opinions and plans, or notices issuing them. */
    private static final Pattern POLICY = Pattern.compile("(管理|实施|暂行|试行)?(办法|规定|细则|实施意见|指导意见|实施方案|行动方案|行动计划|规范性文件|若干措施|若干政策)");
    private static final Pattern NOT_POLICY = Pattern.compile("会议|培训|活动|放假|值班|评选|表彰|名单|人事|任免|召开");
    /** A heading line that issues or is a policy document: short, no sentence punctuation. */
    private static final Pattern HEADING = Pattern.compile("^[^。；;，,：:！？!?]{4,80}$");
    /** A heading that is the policy document itself: it ends with its kind, perhaps with （试行）. */
    private static final Pattern POLICY_END = Pattern.compile("(?:办法|规定|细则|实施意见|指导意见|实施方案|行动方案|行动计划|若干措施|若干政策)(?:[（(][^（()）]{1,6}[）)])?$");
    private static final int HEAD_LINES = 12;

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
        if (effective != Attribute.PUBLIC || ctx.submission().interpretationAttached()) {
            return List.of();
        }
        String type = ctx.structure().docType();
        if ("请示".equals(type) || "报告".equals(type) || "函".equals(type) || "批复".equals(type)) {
            return List.of();
        }
        String title = policyTitle(ctx);
        // a draft out for public comment is not yet the policy: its interpretation comes with the final text
        if (title == null || consultationDraft(ctx, title)) {
            return List.of();
        }
        return List.of(Finding.document(Category.INTERPRETATION_MISSING, Severity.MEDIUM, Basis.INTERPRETATION,
                "“" + title + "”是主动公开的政策性文件，但未同步报送政策解读材料（三同步：同步起草、同步审签、同步发布）；请随文上传解读材料（interpretation）。",
                name()));
    }

    /** The policy document's name: the title when it names one, else the first heading line of the text that does. */
    private static String policyTitle(DetectionContext ctx) {
        String title = ctx.structure().elements().get("title");
        if (title != null && policy(title)) {
            return title;
        }
        int n = 0;
        for (Line l : Line.of(ctx.text())) {
            if (n++ >= HEAD_LINES) {
                break;
            }
            String c = l.compact();
            if (HEADING.matcher(c).matches() && policy(c) && (c.startsWith("关于") || POLICY_END.matcher(c).find())) {
                return c;
            }
        }
        return null;
    }

    private static boolean policy(String title) {
        return POLICY.matcher(title).find() && !NOT_POLICY.matcher(title).find();
    }

    /** A consultation draft: a draft label in the title or on a line of its own at the head, and a call for public comment. */
    private static boolean consultationDraft(DetectionContext ctx, String title) {
        return (Patterns.DRAFT_LABEL.matcher(title).find() || TypeRules.draftLabelInHead(TypeRules.head(ctx.text())))
                && TypeRules.PUBLIC_CONSULTATION.matcher(ctx.text().text()).find();
    }
}
