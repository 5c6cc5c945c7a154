package org.gongkai.server.access;

import io.javalin.http.Context;

/**
 * Security headers on every response: a strict Content-Security-Policy (own scripts and styles only, no
 * framing, no plugins), no MIME sniffing, no referrer across sites, no caching of API answers (they hold
 * personal data), and HSTS when the server is reached over HTTPS.
 */
public final class SecurityHeaders {
    public static final String CSP = "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    private final boolean https;

    public SecurityHeaders(boolean https) {
        this.https = https;
    }

    public void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        if (!ctx.path().startsWith("/static/") && !ctx.path().endsWith(".js") && !ctx.path().endsWith(".css")) {
            ctx.header("Cache-Control", "no-store");
        }
        if (https) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
    }
}
