package org.gongkai.server.notice;

import java.io.IOException;
import org.gongkai.server.document.Report;
import org.gongkai.server.render.CjkPdfWriter;

/** Renders a {@link ReturnNoticeView} as a printable HTML page or an A4 PDF with the Chinese font embedded. */
public final class NoticeRenderer {
    private final CjkPdfWriter.FontLocator fonts;

    public NoticeRenderer(CjkPdfWriter.FontLocator fonts) {
        this.fonts = fonts;
    }

    public String html(ReturnNoticeView n) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>退回通知 — ").append(esc(n.fileName()))
                .append("</title>\n<style>body{font-family:\"FangSong\",\"仿宋\",\"Noto Serif CJK SC\",serif;max-width:42em;margin:2em auto;"
                        + "line-height:1.8;font-size:16px;color:#000}h1{text-align:center;font-family:\"SimHei\",\"黑体\",sans-serif;"
                        + "letter-spacing:.5em}h2{font-size:1.05em;font-family:\"SimHei\",\"黑体\",sans-serif;margin-top:1.5em}"
                        + "ol li{margin-bottom:.6em}.basis,.todo{display:block;font-size:.92em}.basis{color:#333}.todo{color:#000}"
                        + ".quote{font-family:monospace}.sig{text-align:right;margin-top:2em}.review{white-space:pre-wrap;border-left:3px solid #999;"
                        + "padding-left:1em}@media print{body{margin:0}a{color:#000}}</style></head><body>\n");
        b.append("<h1>退回通知</h1>\n<p>").append(esc(NoticeText.addressee(n))).append("</p>\n<p>&emsp;&emsp;").append(esc(NoticeText.opening(n)))
                .append("</p>\n");
        if (n.reviewerText() != null) {
            b.append("<h2>审查意见</h2>\n<div class=\"review\">").append(esc(n.reviewerText().strip())).append("</div>\n");
        }
        b.append("<h2>一、须改正的问题</h2>\n");
        if (n.reasons().isEmpty()) {
            b.append("<p>（见审查意见）</p>\n");
        } else {
            b.append("<ol>\n");
            for (ReturnNoticeView.Item i : n.reasons()) {
                b.append("<li><strong>").append(esc(i.categoryName())).append("</strong>");
                if (i.text() != null && !i.text().isBlank()) {
                    b.append("：<span class=\"quote\">“").append(esc(NoticeText.shorten(i.text()))).append("”</span>");
                }
                if (!i.where().isEmpty()) {
                    b.append("（").append(esc(i.where())).append("）");
                }
                b.append("<span class=\"basis\">依据：").append(esc(i.basis())).append("</span><span class=\"todo\">处理：")
                        .append(esc(i.remedy())).append("</span></li>\n");
            }
            b.append("</ol>\n");
        }
        if (!n.advisories().isEmpty()) {
            b.append("<h2>二、格式建议（不单独作为退文理由）</h2>\n<ol>\n");
            for (ReturnNoticeView.Item i : n.advisories()) {
                b.append("<li>").append(esc(i.explanation())).append("</li>\n");
            }
            b.append("</ol>\n");
        }
        Report.Resubmission r = n.resubmission();
        if (r != null) {
            b.append("<h2>与上一版本相比</h2>\n<p>").append(esc(NoticeText.comparison(r))).append("</p>\n<ul>\n");
            NoticeText.changeLines(r).forEach(l -> b.append("<li>").append(esc(l)).append("</li>\n"));
            b.append("</ul>\n");
        }
        b.append("<p>&emsp;&emsp;").append(esc(NoticeText.resubmitHint(n))).append("</p>\n<p class=\"sig\">")
                .append(esc(NoticeText.signature(n))).append("<br>")
                .append(esc(NoticeText.issued(n))).append("</p>\n</body></html>\n");
        return b.toString();
    }

    public byte[] pdf(ReturnNoticeView n) throws IOException {
        try (CjkPdfWriter w = new CjkPdfWriter(fonts)) {
            w.title("退回通知").paragraph(NoticeText.addressee(n), 0).paragraph(NoticeText.opening(n), 2);
            if (n.reviewerText() != null) {
                w.heading("审查意见").paragraph(n.reviewerText().strip(), 0);
            }
            w.heading("一、须改正的问题");
            if (n.reasons().isEmpty()) {
                w.paragraph("（见审查意见）", 2);
            }
            int k = 0;
            for (ReturnNoticeView.Item i : n.reasons()) {
                w.paragraph(NoticeText.itemLine(++k, i), 0).paragraph("依据：" + i.basis(), 2).paragraph("处理：" + i.remedy(), 2);
            }
            if (!n.advisories().isEmpty()) {
                w.heading("二、格式建议（不单独作为退文理由）");
                k = 0;
                for (ReturnNoticeView.Item i : n.advisories()) {
                    w.paragraph((++k) + ". " + i.explanation(), 0);
                }
            }
            Report.Resubmission r = n.resubmission();
            if (r != null) {
                w.heading("与上一版本相比").paragraph(NoticeText.comparison(r), 2);
                for (String l : NoticeText.changeLines(r)) {
                    w.paragraph(l, 2);
                }
            }
            w.paragraph("", 0).paragraph(NoticeText.resubmitHint(n), 2).paragraph("", 0)
                    .right(NoticeText.signature(n)).right(NoticeText.issued(n));
            return w.finish("退回通知 " + n.fileName(), n.issuedBy());
        }
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
