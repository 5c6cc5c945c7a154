package org.gongkai.server.access;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.util.Optional;
import java.util.Set;
import org.gongkai.server.audit.SecurityAudit;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.auth.Principal;
import org.gongkai.server.auth.Secrets;
import org.gongkai.server.auth.SessionService;
import org.gongkai.server.auth.TokenService;
import org.gongkai.server.http.ApiException;

/**
 * Runs before every matched route: finds who is calling (bearer token, or browser session cookie), refuses
 * anyone the route's declaration does not admit (401 without identity, 403 without the right), checks CSRF
 * on state-changing browser requests, and holds a browser whose password must change at the change page.
 * Headers that merely name a user carry no authority. The caller is left on the context for controllers
 * ({@link #actor(Context)}).
 */
public final class AccessGuard {
    public static final String SESSION_COOKIE = "gk_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String ATTRIBUTE = "gongkai.principal";
    private final String adminToken;
    private final TokenService tokens;
    private final SessionService sessions;
    private final SecurityAudit audit;
    private final String publicUrl;

    public AccessGuard(String adminToken, TokenService tokens, SessionService sessions, SecurityAudit audit, String publicUrl) {
        this.adminToken = adminToken;
        this.tokens = tokens;
        this.sessions = sessions;
        this.audit = audit;
        this.publicUrl = publicUrl;
    }

    /** The {@code beforeMatched} handler. */
    public void check(Context ctx) {
        Set<RouteRole> declared = ctx.routeRoles();
        if (declared.isEmpty()) {
            // not one of gongkai's routes (RouteTable refuses those without a declaration at start-up): a static asset,
            // which the contract leaves public
            return;
        }
        if (declared.contains(RouteAccess.PUBLIC)) {
            try {
                authenticate(ctx).ifPresent(p -> ctx.attribute(ATTRIBUTE, p));
            } catch (ApiException e) {
                // a public route answers whatever credentials came with the request
            }
            return;
        }
        Principal p = authenticate(ctx).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer realm=\"gongkai\"");
            return new ApiException(401, "UNAUTHORIZED", "请先登录（浏览器登录或 Authorization: Bearer 令牌）",
                    "sign in first (browser session or Authorization: Bearer token)");
        });
        if (p.browser() && unsafe(ctx.method())) {
            checkCsrf(ctx, p);
        }
        if (p.browser() && p.mustChangePassword() && !declared.contains(RouteAccess.PASSWORD_PENDING)) {
            throw new ApiException(403, "PASSWORD_CHANGE_REQUIRED", "首次登录或口令被重置后须先修改口令（/password）",
                    "change your initial or reset password first (/password)");
        }
        if (!declared.contains(RouteAccess.SIGNED_IN) && !p.actor().hasAny(RouteAccess.roles(declared))) {
            audit.failure(p.actor(), SecurityAudit.Action.ACCESS_DENIED, ctx.method().name() + " " + ctx.matchedPath(), ctx.ip(), null);
            throw new ApiException(403, "FORBIDDEN", "您的角色无权执行此操作", "your roles do not allow this");
        }
        ctx.attribute(ATTRIBUTE, p);
    }

    /** Who is calling: a bearer token if one is presented (a bad one is refused, never ignored), else the session cookie. */
    Optional<Principal> authenticate(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null && !auth.isBlank()) {
            String a = auth.strip();
            if (!a.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new ApiException(401, "UNAUTHORIZED", "只接受 Authorization: Bearer 令牌", "only Authorization: Bearer tokens are accepted");
            }
            String token = a.substring(7).strip();
            if (adminToken != null && Secrets.constantTimeEquals(token, adminToken)) {
                return Optional.of(new Principal(Actor.bootstrapAdministrator(), Principal.Via.ADMIN_TOKEN, null, null, false));
            }
            return Optional.of(tokens.authenticate(token, ctx.ip()).orElseThrow(() -> new ApiException(401, "INVALID_TOKEN",
                    "令牌无效、已过期或已吊销，请重新获取", "the token is invalid, expired or revoked; get a new one")));
        }
        String cookie = ctx.cookie(SESSION_COOKIE);
        return cookie == null ? Optional.empty() : sessions.authenticate(cookie);
    }

    /**
     * CSRF defence for cookie-authenticated writes: a request from another site is refused outright; otherwise
     * it needs the session's CSRF token (header {@value #CSRF_HEADER} or form field {@code _csrf}) or a
     * same-origin {@code Origin} header, which every current browser sends on such requests.
     */
    private void checkCsrf(Context ctx, Principal p) {
        String origin = ctx.header("Origin");
        String site = ctx.header("Sec-Fetch-Site");
        if ((origin != null && !sameOrigin(ctx, origin)) || "cross-site".equalsIgnoreCase(site)) {
            throw csrf();
        }
        String token = ctx.header(CSRF_HEADER);
        if (token == null && isForm(ctx)) {
            token = ctx.formParam("_csrf");
        }
        if (Secrets.constantTimeEquals(token, p.csrfToken()) || origin != null) {
            return;
        }
        throw csrf();
    }

    /** Whether an Origin (or Referer) names this server. */
    public boolean sameOrigin(Context ctx, String origin) {
        String o = origin.strip();
        if (o.equals("null")) {
            return false;
        }
        String self = ctx.scheme() + "://" + ctx.host();
        return o.equalsIgnoreCase(self) || (publicUrl != null && o.equalsIgnoreCase(publicUrl));
    }

    private static boolean isForm(Context ctx) {
        String ct = ctx.contentType();
        return ct != null && ct.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static ApiException csrf() {
        return new ApiException(403, "CSRF", "跨站请求被拒绝：请从本系统页面操作", "cross-site request refused: act from gongkai's own pages");
    }

    private static boolean unsafe(HandlerType m) {
        return m != HandlerType.GET && m != HandlerType.HEAD && m != HandlerType.OPTIONS;
    }

    /** The caller of a route that is not PUBLIC (set by {@link #check}). */
    public static Actor actor(Context ctx) {
        return principal(ctx).map(Principal::actor).orElseThrow(() -> new ApiException(401, "UNAUTHORIZED", "请先登录", "sign in first"));
    }

    public static Optional<Principal> principal(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }
}
