package org.gongkai.gongwen;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gongkai.spi.Attribute;
import org.gongkai.spi.AttributeAnnotation;
import org.gongkai.spi.Category;
import org.gongkai.spi.DetectionContext;
import org.gongkai.spi.Detector;
import org.gongkai.spi.DocumentStructure;
import org.gongkai.spi.Finding;
import org.gongkai.spi.Severity;
import org.gongkai.spi.Submission;

/**
 * The disclosure attribute as the document office checks it: annotated at all, justified when not public,
 * consistent with the 呈批单, and plausible for the document type.
 */
public final class AttributeDetector implements Detector {

    @Override
    public String name() {
        return "attribute";
    }

    @Override
    public Set<Category> categories() {
        return Set.of(Category.ATTRIBUTE_MISSING, Category.ATTRIBUTE_REASON_MISSING, Category.ATTRIBUTE_MISMATCH, Category.ATTRIBUTE_CONFLICT);
    }

    @Override
    public List<Finding> detect(DetectionContext ctx) {
        List<Finding> out = new ArrayList<>();
        DocumentStructure s = ctx.structure();
        Submission sub = ctx.submission();
        AttributeAnnotation a = s.annotation();
        Attribute effective = sub.declared() != null ? sub.declared() : s.detectedAttribute();
        if (a == null) {
            out.add(Finding.document(Category.ATTRIBUTE_MISSING, Severity.BLOCKER, Basis.SOURCE_RULE,
                    "未在附注位置标注公开属性（应在成文日期下一行标注“（此件主动公开）”“（此件依申请公开）”或“（此件不予公开）”）。"
                            + "未标识公开属性的公文，应退回公文起草单位重新办理。" + (sub.declared() == null ? "" : "呈批单填写为“" + sub.declared().chinese() + "”，但公文附注未标注。"),
                    name()));
        }
        boolean hasReason = sub.hasReason() || a != null && a.reason() != null && !a.reason().isBlank();
        if (effective.needsReason() && !hasReason) {
            out.add(Finding.document(Category.ATTRIBUTE_REASON_MISSING, Severity.HIGH, Basis.REASON_RULE,
                    "公开属性为“" + effective.chinese() + "”，但未说明理由和依据（如涉及个人隐私、商业秘密、内部事务或过程性信息及相应条款）。", name()));
        }
        if (sub.declared() != null && a != null && sub.declared() != a.attribute()) {
            out.add(Finding.at(ctx.text(), a.span(), Category.ATTRIBUTE_MISMATCH, Severity.HIGH, 1.0, Basis.MISMATCH_RULE,
                    "呈批单公开属性为“" + sub.declared().chinese() + "”，附注标注为“" + a.attribute().chinese() + "”，两者不一致。", name()));
        }
        if (effective == Attribute.PUBLIC) {
            String why = TypeRules.notPublicType(s, ctx.text());
            if (why != null) {
                out.add(Finding.document(Category.ATTRIBUTE_CONFLICT, Severity.HIGH, Basis.TYPE_RULE,
                        why + "，一般确定为不予公开或依申请公开，却标注为主动公开；请核实公开属性。", name()));
            }
        }
        return out;
    }
}
