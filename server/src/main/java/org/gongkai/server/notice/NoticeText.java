package org.gongkai.server.notice;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.gongkai.server.document.Report;
import org.gongkai.spi.Part;

/** The 退回通知 as plain text, and the small wording helpers the HTML and PDF renderers share. */
final class NoticeText {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private NoticeText() {
    }

    static String partName(Part p) {
        return switch (p) {
            case BODY -> "正文";
            case TABLE -> "表格";
            case HEADER -> "页眉";
            case FOOTER -> "页脚";
            case COMMENT -> "批注";
            case TRACKED_INSERTION -> "修订（插入）";
            case TRACKED_DELETION -> "修订（删除）";
            case HIDDEN -> "隐藏文字";
            case METADATA -> "文档属性";
            case ATTACHMENT -> "嵌入附件";
        };
    }

    static String addressee(ReturnNoticeView n) {
        return (n.department() == null || n.department().isBlank() ? "起草单位" : n.department()) + "：";
    }

    static String opening(ReturnNoticeView n) {
        String by = "gongkai".equals(n.issuedBy()) ? "经公文公开属性和敏感信息自动检查" : "经审查（审查人 " + n.issuedBy() + "）";
        return "你单位报送的" + (n.title() == null ? "文件" : "《" + n.title() + "》") + "（文件名 " + n.fileName() + "，编号 " + n.documentId()
                + "）" + by + "，存在下列问题，现予退回，请修改后重新报送。";
    }

    static String itemLine(int n, ReturnNoticeView.Item i) {
        StringBuilder b = new StringBuilder();
        b.append(n).append(". 【").append(i.categoryName()).append("】");
        if (i.text() != null && !i.text().isBlank()) {
            b.append("“").append(shorten(i.text())).append("”");
        }
        if (!i.where().isEmpty()) {
            b.append("（").append(i.where()).append("）");
        }
        return b.toString();
    }

    static String resubmitHint(ReturnNoticeView n) {
        return "重新报送时请在上传中填写所替代的文件编号（supersedes = " + n.documentId() + "），系统将逐项核对已改正、仍存在和新出现的问题。";
    }

    static String issued(ReturnNoticeView n) {
        return (n.issuedAt() == null ? "" : n.issuedAt().atZoneSameInstant(ZONE).format(DAY));
    }

    static String plain(ReturnNoticeView n) {
        StringBuilder b = new StringBuilder("退回通知\n\n").append(addressee(n)).append("\n\n").append(opening(n)).append("\n");
        if (n.reviewerText() != null) {
            b.append("\n审查意见：\n").append(n.reviewerText().strip()).append("\n");
        }
        b.append("\n一、须改正的问题\n");
        if (n.reasons().isEmpty()) {
            b.append("（见审查意见）\n");
        }
        int k = 0;
        for (ReturnNoticeView.Item i : n.reasons()) {
            b.append(itemLine(++k, i)).append("\n   依据：").append(i.basis()).append("\n   处理：").append(i.remedy()).append("\n");
        }
        if (!n.advisories().isEmpty()) {
            b.append("\n二、格式建议（不单独作为退文理由）\n");
            k = 0;
            for (ReturnNoticeView.Item i : n.advisories()) {
                b.append(itemLine(++k, i)).append("：").append(i.explanation()).append("\n");
            }
        }
        Report.Resubmission r = n.resubmission();
        if (r != null) {
            b.append("\n").append(comparison(r)).append("\n");
            changeLines(r).forEach(l -> b.append("   ").append(l).append("\n"));
        }
        b.append("\n").append(resubmitHint(n)).append("\n\n").append(signature(n))
                .append("\n").append(issued(n)).append("\n");
        return b.toString();
    }

    /** Who signs the notice: the system for an automatic return, else the reviewer. */
    static String signature(ReturnNoticeView n) {
        return "gongkai".equals(n.issuedBy()) ? "公文公开属性检查系统" : "审查人：" + n.issuedBy();
    }

    /** A finding's text on one line, cut to 60 characters. */
    static String shorten(String t) {
        String s = t.replace('\n', ' ');
        return s.length() > 60 ? s.substring(0, 59) + "…" : s;
    }

    /** "与上一版本（id）相比：已改正 n 项，仍存在 n 项，新出现 n 项。" */
    static String comparison(Report.Resubmission r) {
        return "与上一版本（" + r.supersedes() + "）相比：已改正 " + r.fixed().size() + " 项，仍存在 " + r.remaining().size() + " 项，新出现 "
                + r.added().size() + " 项。";
    }

    /** One line per compared finding: "已改正：【类别】“文字”", then those remaining, then the new ones. */
    static List<String> changeLines(Report.Resubmission r) {
        List<String> out = new java.util.ArrayList<>();
        addChanges(out, "已改正", r.fixed());
        addChanges(out, "仍存在", r.remaining());
        addChanges(out, "新出现", r.added());
        return out;
    }

    private static void addChanges(List<String> out, String label, List<Report.Change> changes) {
        for (Report.Change c : changes) {
            out.add(label + "：【" + c.categoryName() + "】" + (c.text() == null ? "" : "“" + shorten(c.text()) + "”"));
        }
    }
}
