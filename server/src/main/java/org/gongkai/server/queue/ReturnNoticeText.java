package org.gongkai.server.queue;

import java.time.LocalDate;
import java.util.List;
import org.gongkai.server.document.DocumentRecord;
import org.gongkai.server.pipeline.ReportedFinding;

/**
 * Writes the 退回通知 a drafter receives: the reviewer's reasons and every finding still standing, with its
 * legal basis, and how to resubmit. Returning drafts without a proper attribute is required by
 * "未标识公开属性的公文，应退回公文起草单位重新办理" (seed 004 附件1 第四条; 003 源头认定制度 第五条).
 */
final class ReturnNoticeText {
    private static final int MAX_FINDINGS = 50;

    private ReturnNoticeText() {
    }

    static String compose(DocumentRecord d, QueueItem item, String stageTitle, String reviewer, LocalDate day, String reasons,
                          List<ReportedFinding> standing) {
        StringBuilder b = new StringBuilder();
        b.append("退回通知\n\n");
        b.append(d.department() == null ? "起草单位" : d.department()).append("：\n\n");
        b.append("你单位报送的《").append(item.title()).append("》（文件 ").append(d.fileName()).append("，编号 ").append(d.id())
                .append("）经").append(stageTitle).append("审查，现予退回，请修改后重新报送。\n\n");
        b.append("退回理由：").append(reasons).append("\n");
        if (!standing.isEmpty()) {
            b.append("\n须处理的问题：\n");
            int n = 0;
            for (ReportedFinding f : standing) {
                if (++n > MAX_FINDINGS) {
                    b.append("（另有 ").append(standing.size() - MAX_FINDINGS).append(" 项，见检查报告）\n");
                    break;
                }
                b.append(n).append(". 【").append(f.categoryName()).append("】");
                if (f.text() != null && !f.text().isBlank()) {
                    b.append("“").append(f.text().length() > 60 ? f.text().substring(0, 59) + "…" : f.text()).append("”");
                }
                if (f.page() != null) {
                    b.append("（第 ").append(f.page()).append(" 页）");
                }
                b.append(" 依据：").append(f.basis()).append("\n");
            }
        }
        b.append("\n重新报送时请在上传中注明所替代的文件编号（supersedes = ").append(d.id()).append("），系统将逐项核对修改情况。\n");
        b.append("\n审查人：").append(reviewer).append("\n").append(day).append("\n");
        return b.toString();
    }
}
