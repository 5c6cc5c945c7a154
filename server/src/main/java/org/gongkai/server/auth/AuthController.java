package org.gongkai.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.gongkai.server.access.AccessGuard;
import org.gongkai.server.access.RouteAccess;
import org.gongkai.server.account.Account;
import org.gongkai.server.account.AccountService;
import org.gongkai.server.audit.SecurityAudit;
import org.gongkai.server.http.ApiException;

/**
 * Sign-in and sign-out (shared/CONTRACT.md, "Accounts and access"): the browser form at {@code /login}, the
 * password change at {@code /password}, API tokens at {@code /api/v1/auth/token}, and {@code /api/v1/me}.
 */
public final class AuthController {
    private final LoginService logins;
    private final SessionService sessions;
    private final TokenService tokens;
    private final AccountService accounts;
    private final AccessGuard guard;
    private final SecurityAudit audit;
    private final LoginPage pages;
    private final ObjectMapper json;
    private final boolean secureCookie;

    public AuthController(LoginService logins, SessionService sessions, TokenService tokens, AccountService accounts, AccessGuard guard,
                          SecurityAudit audit, LoginPage pages, ObjectMapper json, boolean secureCookie) {
        this.logins = logins;
        this.sessions = sessions;
        this.tokens = tokens;
        this.accounts = accounts;
        this.guard = guard;
        this.audit = audit;
        this.pages = pages;
        this.json = json;
        this.secureCookie = secureCookie;
    }

    public void routes(Javalin app) {
        app.get("/login", ctx -> html(ctx, 200, pages.login(safeNext(ctx.queryParam("next")), null, null)), RouteAccess.PUBLIC);
        app.post("/login", this::login, RouteAccess.PUBLIC);
        app.post("/logout", this::logout, RouteAccess.PUBLIC);
        app.get("/password", ctx -> html(ctx, 200, pages.password(csrf(ctx), null, mustChange(ctx))), RouteAccess.SIGNED_IN,
                RouteAccess.PASSWORD_PENDING);
        app.post("/password", this::passwordForm, RouteAccess.SIGNED_IN, RouteAccess.PASSWORD_PENDING);
        app.post("/api/v1/auth/token", this::token, RouteAccess.PUBLIC);
        app.get("/api/v1/auth/tokens", ctx -> ctx.json(Map.of("tokens", tokens.list(AccessGuard.actor(ctx).id()))), RouteAccess.SIGNED_IN);
        app.delete("/api/v1/auth/tokens/{id}", ctx -> {
            tokens.revoke(AccessGuard.actor(ctx), ctx.pathParam("id"), ctx.ip());
            ctx.status(204);
        }, RouteAccess.SIGNED_IN);
        app.get("/api/v1/me", this::me, RouteAccess.SIGNED_IN, RouteAccess.PASSWORD_PENDING);
        app.post("/api/v1/me/password", ctx -> {
            JsonNode b = body(ctx);
            changePassword(ctx, text(b, "current"), text(b, "next"));
            ctx.status(204);
        }, RouteAccess.SIGNED_IN, RouteAccess.PASSWORD_PENDING);
    }

    private void login(Context ctx) {
        boolean form = !isJson(ctx);
        String origin = ctx.header("Origin");
        if (origin != null && !guard.sameOrigin(ctx, origin)) { // login CSRF: another site signing the browser into an account
            throw new ApiException(403, "CSRF", "跨站登录请求被拒绝", "cross-site sign-in refused");
        }
        String username;
        String password;
        String next;
        if (form) {
            username = ctx.formParam("username");
            password = ctx.formParam("password");
            next = safeNext(ctx.formParam("next"));
        } else {
            JsonNode b = body(ctx);
            username = text(b, "username");
            password = text(b, "password");
            next = "/";
        }
        Account a;
        try {
            a = logins.login(username, password, ctx.ip(), form ? "浏览器登录" : "浏览器登录（JSON）");
        } catch (ApiException e) {
            if (form && e.status() != 500) {
                html(ctx, e.status(), pages.login(next, e.getMessage().split(" / ")[0], username));
                return;
            }
            throw e;
        }
        sessions.end(ctx.cookie(AccessGuard.SESSION_COOKIE)); // a new id at every sign-in
        SessionService.Started s = sessions.start(a, ctx.ip());
        ctx.cookie(new Cookie(AccessGuard.SESSION_COOKIE, s.sessionId(), "/", -1, secureCookie, 0, true, null, null, SameSite.STRICT));
        if (form) {
            ctx.redirect(a.mustChangePassword() ? "/password" : next, io.javalin.http.HttpStatus.SEE_OTHER);
        } else {
            Map<String, Object> out = new LinkedHashMap<>(me(a.actor(), Principal.Via.SESSION, a.mustChangePassword()));
            out.put("csrfToken", s.csrfToken());
            ctx.json(out);
        }
    }

    /** Ends the browser session (no CSRF check: a forced sign-out harms nobody) or revokes the bearer token presented. */
    private void logout(Context ctx) {
        AccessGuard.principal(ctx).ifPresent(p -> {
            if (p.via() == Principal.Via.API_TOKEN) {
                tokens.revoke(p.actor(), p.credentialId(), ctx.ip());
            } else if (p.via() == Principal.Via.SESSION) {
                audit.success(p.actor(), SecurityAudit.Action.LOGOUT, p.actor().id(), ctx.ip(), null);
            }
        });
        sessions.end(ctx.cookie(AccessGuard.SESSION_COOKIE));
        ctx.cookie(new Cookie(AccessGuard.SESSION_COOKIE, "", "/", 0, secureCookie, 0, true, null, null, SameSite.STRICT));
        if (isJson(ctx) || ctx.header("Authorization") != null) {
            ctx.status(204);
        } else {
            ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
        }
    }

    private void passwordForm(Context ctx) {
        String next = ctx.formParam("next");
        if (next == null || !next.equals(ctx.formParam("confirm"))) {
            html(ctx, 400, pages.password(csrf(ctx), "两次输入的新口令不一致", mustChange(ctx)));
            return;
        }
        try {
            changePassword(ctx, ctx.formParam("current"), next);
        } catch (ApiException e) {
            html(ctx, e.status(), pages.password(csrf(ctx), e.getMessage().split(" / ")[0], mustChange(ctx)));
            return;
        }
        ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void changePassword(Context ctx, String current, String next) {
        Principal p = AccessGuard.principal(ctx).orElseThrow();
        if (p.via() == Principal.Via.ADMIN_TOKEN) {
            throw ApiException.badRequest("NO_ACCOUNT", "引导令牌不是账户，没有口令", "the bootstrap token is not an account and has no password");
        }
        accounts.changePassword(p.actor(), current, next, ctx.ip());
        sessions.endOthers(p.actor().id(), p.via() == Principal.Via.SESSION ? p.credentialId() : null);
    }

    private void token(Context ctx) {
        JsonNode b = body(ctx);
        Account a = logins.login(text(b, "username"), text(b, "password"), ctx.ip(), "令牌");
        TokenService.Issued t = tokens.issue(a, ctx.ip());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", t.token());
        out.put("expiresAt", t.expiresAt());
        out.put("tokenId", t.id());
        out.put("mustChangePassword", a.mustChangePassword());
        ctx.json(out);
    }

    private void me(Context ctx) {
        Principal p = AccessGuard.principal(ctx).orElseThrow();
        Map<String, Object> out = new LinkedHashMap<>(me(p.actor(), p.via(), p.mustChangePassword()));
        if (p.csrfToken() != null) {
            out.put("csrfToken", p.csrfToken());
        }
        ctx.json(out);
    }

    private Map<String, Object> me(Actor a, Principal.Via via, boolean mustChange) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", a.id());
        out.put("displayName", a.displayName());
        out.put("department", a.department());
        out.put("roles", a.roles());
        out.put("stages", a.stages());
        out.put("via", via);
        out.put("mustChangePassword", mustChange);
        return out;
    }

    private String csrf(Context ctx) {
        return AccessGuard.principal(ctx).map(Principal::csrfToken).orElse("");
    }

    private boolean mustChange(Context ctx) {
        return AccessGuard.principal(ctx).map(Principal::mustChangePassword).orElse(false);
    }

    /** Only a path on this server ("/…", not "//host" or "/\host"), so the sign-in cannot be used to redirect elsewhere. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.length() > 500
                || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }

    private static boolean isJson(Context ctx) {
        String ct = ctx.contentType();
        return ct != null && ct.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    private JsonNode body(Context ctx) {
        try {
            JsonNode n = json.readTree(ctx.body());
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException();
            }
            return n;
        } catch (Exception e) {
            throw ApiException.badRequest("BAD_JSON", "请求体应为 JSON 对象", "the body must be a JSON object");
        }
    }

    private static String text(JsonNode b, String field) {
        JsonNode v = b.get(field);
        return v == null || v.isNull() || !v.isTextual() ? null : v.asText();
    }

    private static void html(Context ctx, int status, String page) {
        ctx.status(status).contentType("text/html; charset=utf-8").result(page);
    }
}
