package org.gongkai.server.auth;

/**
 * The sign-in and password-change pages: plain server-rendered HTML in Chinese that works without script,
 * styled by {@code /style.css} (the Content-Security-Policy allows no inline style or script).
 */
public final class LoginPage {
    private final boolean oidc;

    /** @param oidc whether to offer sign-in through the unified identity platform */
    public LoginPage(boolean oidc) {
        this.oidc = oidc;
    }

    public String login(String next, String error, String username) {
        return page("登录", "<form method=\"post\" action=\"/login\" class=\"login\">"
                + (error == null ? "" : "<p class=\"error\" role=\"alert\">" + esc(error) + "</p>")
                + "<input type=\"hidden\" name=\"next\" value=\"" + esc(next == null ? "/" : next) + "\">"
                + "<label>用户名<input name=\"username\" autocomplete=\"username\" required autofocus maxlength=\"64\" value=\""
                + esc(username == null ? "" : username) + "\"></label>"
                + "<label>口令<input name=\"password\" type=\"password\" autocomplete=\"current-password\" required maxlength=\"128\"></label>"
                + "<button type=\"submit\" id=\"login-submit\">登录</button>"
                + (oidc ? "<p><a class=\"button-secondary\" href=\"/login/oidc\">统一身份认证登录</a></p>" : "")
                + "<p class=\"hint\">连续输错口令 5 次将锁定 15 分钟。忘记口令请联系系统管理员重置。</p></form>");
    }

    public String password(String csrf, String error, boolean forced) {
        return page("修改口令", "<form method=\"post\" action=\"/password\" class=\"login\">"
                + (forced ? "<p class=\"notice\">首次登录或口令被重置后，须先修改口令才能使用系统。</p>" : "")
                + (error == null ? "" : "<p class=\"error\" role=\"alert\">" + esc(error) + "</p>")
                + "<input type=\"hidden\" name=\"_csrf\" value=\"" + esc(csrf) + "\">"
                + "<label>原口令<input name=\"current\" type=\"password\" autocomplete=\"current-password\" required maxlength=\"128\"></label>"
                + "<label>新口令<input name=\"next\" type=\"password\" autocomplete=\"new-password\" required minlength=\"8\" maxlength=\"128\"></label>"
                + "<label>再次输入新口令<input name=\"confirm\" type=\"password\" autocomplete=\"new-password\" required maxlength=\"128\"></label>"
                + "<p class=\"hint\">至少 8 位，含大写字母、小写字母、数字、符号中的三类，不含用户名。</p>"
                + "<button type=\"submit\" id=\"password-submit\">修改口令</button></form>"
                + "<form method=\"post\" action=\"/logout\"><button type=\"submit\" class=\"button-secondary\">退出登录</button></form>");
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + " · 公开</title><link rel=\"stylesheet\" href=\"/style.css\"></head><body>"
                + "<header class=\"top\"><a class=\"brand\" href=\"/\">公开 <small>公文发布前公开属性与保密审查</small></a></header>"
                + "<main class=\"narrow\"><section><h2>" + esc(title)
                + "</h2>" + body + "</section></main></body></html>";
    }

    /** HTML-escapes text for element content and quoted attributes. */
    public static String esc(String s) {
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
