package org.gongkai.server.http;

import io.javalin.http.Context;
import java.util.Locale;
import org.gongkai.server.auth.LoginPage;

/**
 * The error as a readable page in Chinese, for a browser that navigated to an address (a link to a download, a
 * bookmarked document page) rather than a script that called the API: people never see raw JSON. Scripts and
 * {@code fetch} (which do not ask for text/html first) keep getting the contract's JSON.
 */
final class ErrorPage {
    private ErrorPage() {
    }

    /** A top-level navigation by a browser asks for text/html before anything else. */
    static boolean wanted(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).startsWith("text/html");
    }

    static String html(int status, String message) {
        String chinese = message == null ? "" : message.split(" / ")[0];
        String title = switch (status) {
            case 401 -> "请先登录";
            case 403 -> "无权访问";
            case 404 -> "找不到该页面或文件";
            case 409 -> "操作冲突";
            case 413 -> "文件过大";
            case 415 -> "文件类型不支持";
            case 429 -> "操作过于频繁";
            default -> status >= 500 ? "服务器暂时无法完成请求" : "请求无法完成";
        };
        String action = status == 401 ? "<a class=\"button\" href=\"/login\">前往登录</a>" : "<a class=\"button\" href=\"/\">返回我的工作</a>";
        return "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + LoginPage.esc(title) + " · 公开</title><link rel=\"stylesheet\" href=\"/style.css\"></head><body class=\"plain\">"
                + "<header class=\"top\"><a class=\"brand\" href=\"/\">公开 <small>公文发布前审查</small></a></header>"
                + "<main class=\"narrow\"><section class=\"card error-page\"><h1>" + LoginPage.esc(title) + "</h1><p class=\"error\" role=\"alert\">"
                + LoginPage.esc(chinese) + "</p><p class=\"hint\">错误代码 " + status + "。如问题持续存在，请联系系统管理员。</p><p>" + action
                + "</p></section></main></body></html>";
    }
}
