package org.gongkai.server.workbench;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gongkai.server.access.AccessGuard;
import org.gongkai.server.access.RouteAccess;
import org.gongkai.server.auth.LoginPage;
import org.gongkai.server.auth.Principal;

/**
 * The workbench's pages: one address per page and per document (so a reload or a bookmark comes back to the same
 * place), each answered with the same small HTML shell that loads the page's ES module; the module reads the JSON
 * API with the caller's session. The shell holds no data, so the routes are public, and someone not signed in is
 * sent to the sign-in page and back.
 */
public final class PageController {
    /** Address pattern → page module (public/js/pages/NAME.js) and its title. */
    static final Map<String, String[]> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("/", new String[] {"home", "我的工作"});
        PAGES.put("/upload", new String[] {"upload", "送审上传"});
        PAGES.put("/documents/{id}", new String[] {"document", "文件"});
        PAGES.put("/queues", new String[] {"queues", "审查队列"});
        PAGES.put("/queues/{name}", new String[] {"queue", "队列"});
        PAGES.put("/review/{id}", new String[] {"review", "审查"});
        PAGES.put("/search", new String[] {"search", "检索"});
        PAGES.put("/office/returned", new String[] {"returned", "退回件与退回通知"});
        PAGES.put("/register", new String[] {"register", "非公开文件台账"});
        PAGES.put("/statistics", new String[] {"statistics", "统计与年度报告"});
        PAGES.put("/dictionaries", new String[] {"dictionaries", "词典与规则维护"});
        PAGES.put("/admin/users", new String[] {"users", "账户与角色"});
        PAGES.put("/admin/audit", new String[] {"audit", "安全审计"});
        PAGES.put("/admin/system", new String[] {"system", "插件与词典状态"});
    }

    public void routes(Javalin app) {
        PAGES.forEach((path, page) -> app.get(path, ctx -> page(ctx, page[0], page[1]), RouteAccess.PUBLIC));
    }

    private static void page(Context ctx, String module, String title) {
        Principal p = AccessGuard.principal(ctx).orElse(null);
        if (p == null) {
            String here = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
            ctx.redirect("/login?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
            return;
        }
        if (p.browser() && p.mustChangePassword()) {
            ctx.redirect("/password", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.contentType("text/html; charset=utf-8").result(shell(module, title));
    }

    static String shell(String module, String title) {
        return "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + LoginPage.esc(title) + " · 公开</title>"
                + "<link rel=\"stylesheet\" href=\"/style.css\"><script type=\"module\" src=\"/js/main.js\"></script></head>"
                + "<body data-page=\"" + LoginPage.esc(module) + "\"><header class=\"top\" id=\"top\"><a class=\"brand\" href=\"/\">公开 "
                + "<small>公文发布前审查</small></a></header><main id=\"main\" tabindex=\"-1\"><p class=\"loading\">正在加载…</p></main>"
                + "<noscript><p class=\"error\">本系统的页面需要启用 JavaScript。</p></noscript></body></html>";
    }
}
