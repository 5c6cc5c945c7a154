package org.gongkai.gongwen;

import java.util.regex.Pattern;
import org.gongkai.spi.DocumentStructure;
import org.gongkai.spi.DocumentText;

/**
 * Which documents are by their type process information rather than something to publish (凤冈县公文公开属性
 * 源头认定工作制度 第三条(一); 《政府信息公开条例》第十六条第二款).
 */
final class TypeRules {
    /** Marks of a record of the discussion itself; 会议议定/会议强调/会议研究 introduce decisions, which are published. */
    private static final Pattern DISCUSSION = Pattern.compile("会议认为|与会人员|与会同志|会议讨论|讨论认为|发言|争论|不同意见|分歧");
    /**
     * A draft put out for public comment is published by design (公开征求意见, 《行政法规制定程序条例》 and local rules on
     * 重大行政决策 公众参与); its 征求意见稿 label does not make it process information.
     */
    static final Pattern PUBLIC_CONSULTATION = Pattern.compile("公开征求|向社会(?:公开)?征求|征求社会(?:公众|各界)?意见|征求公众意见|社会公众.{0,10}(?:提出|反馈)(?:意见|建议)");
    /** Reports published by law or by nature: 政府信息公开工作年度报告 (条例第四十九、五十条), 政府工作报告, 公报, 监测/质量报告. */
    private static final Pattern PUBLISHED_REPORT = Pattern.compile("年度报告|政府工作报告|公报|(?:监测|质量|状况)报告|白皮书");
    private static final Pattern OPINION_LETTER = Pattern.compile("征求.{0,40}意见|意见的复函|答复.{0,40}意见|反馈意见");

    private TypeRules() {
    }

    /** Why the document's type is one not normally published, or null. */
    static String notPublicType(DocumentStructure s, DocumentText text) {
        String type = s.docType();
        String title = s.elements().getOrDefault("title", "");
        String head = head(text);
        if ((Patterns.DRAFT_LABEL.matcher(title).find() || draftLabelInHead(head)) && !PUBLIC_CONSULTATION.matcher(text.text()).find()) {
            return "文件为讨论稿、征求意见稿或送审稿（过程稿）";
        }
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "请示" -> "文件为请示（向上级机关的请示属过程性信息）";
            case "报告" -> PUBLISHED_REPORT.matcher(title).find() ? null : "文件为向上级机关的报告";
            case "纪要" -> DISCUSSION.matcher(text.text()).find() ? "文件为记录讨论情况的会议纪要" : null;
            case "函" -> OPINION_LETTER.matcher(title).find() ? "文件为征求或答复意见的函" : null;
            default -> null;
        };
    }

    static boolean draftLabelInHead(String head) {
        for (String line : head.split("\n")) {
            String c = Line.compact(line);
            if (c.matches("^[（(【\\[]?(征求意见稿|讨论稿|送审稿|草案|初稿|代拟稿)[）)】\\]]?$")) {
                return true;
            }
        }
        return false;
    }

    /** The first lines of the visible text: where draft labels and titles stand. */
    static String head(DocumentText text) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (Line l : Line.of(text)) {
            if (n++ >= 12) {
                break;
            }
            sb.append(l.raw()).append('\n');
        }
        return sb.toString();
    }
}
