package org.gongkai.server.auth;

import java.time.Duration;
import java.util.Map;

/**
 * How sign-in behaves, from the environment.
 *
 * @param sessionIdle    a browser session ends after this long without a request (GONGKAI_SESSION_IDLE_MINUTES, default 30)
 * @param sessionMax     and in any case after this long (GONGKAI_SESSION_MAX_HOURS, default 12)
 * @param tokenLifetime  API tokens expire after this long (GONGKAI_TOKEN_HOURS, default 8)
 * @param throttle       failed sign-ins: GONGKAI_LOGIN_MAX_FAILURES (5 per account), GONGKAI_LOGIN_MAX_FAILURES_PER_ADDRESS (20),
 *                       GONGKAI_LOGIN_LOCK_MINUTES (15)
 * @param cookieSecure   mark the session cookie Secure (GONGKAI_COOKIE_SECURE; default: when GONGKAI_PUBLIC_URL is https)
 * @param publicUrl      the address users reach the server at, e.g. https://gongkai.example.gov.cn (GONGKAI_PUBLIC_URL), or null
 * @param oidc           the unified identity platform, or null when OIDC sign-in is off
 */
public record SecuritySettings(Duration sessionIdle, Duration sessionMax, Duration tokenLifetime, LoginThrottle.Settings throttle,
                               boolean cookieSecure, String publicUrl, Oidc oidc) {

    /**
     * OIDC client settings (GONGKAI_OIDC_ISSUER, GONGKAI_OIDC_CLIENT_ID, GONGKAI_OIDC_CLIENT_SECRET); claim and role mapping
     * are in {@code config/oidc.properties}.
     */
    public record Oidc(String issuer, String clientId, String clientSecret) {
        @Override
        public String toString() {
            return "Oidc[issuer=" + issuer + ", clientId=" + clientId + "]"; // never the secret
        }
    }

    public static SecuritySettings defaults() {
        return fromEnvironment(Map.of());
    }

    public static SecuritySettings fromEnvironment(Map<String, String> env) {
        String publicUrl = blankToNull(env.get("GONGKAI_PUBLIC_URL"));
        if (publicUrl != null && publicUrl.endsWith("/")) {
            publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
        }
        String secure = env.get("GONGKAI_COOKIE_SECURE");
        boolean cookieSecure = secure == null || secure.isBlank() ? publicUrl != null && publicUrl.startsWith("https:") : Boolean.parseBoolean(secure.strip());
        String issuer = blankToNull(env.get("GONGKAI_OIDC_ISSUER"));
        Oidc oidc = issuer == null ? null : new Oidc(issuer, require(env, "GONGKAI_OIDC_CLIENT_ID"), require(env, "GONGKAI_OIDC_CLIENT_SECRET"));
        return new SecuritySettings(Duration.ofMinutes(number(env, "GONGKAI_SESSION_IDLE_MINUTES", 30, 1, 24 * 60)),
                Duration.ofHours(number(env, "GONGKAI_SESSION_MAX_HOURS", 12, 1, 24 * 7)),
                Duration.ofHours(number(env, "GONGKAI_TOKEN_HOURS", 8, 1, 24 * 90)),
                new LoginThrottle.Settings(number(env, "GONGKAI_LOGIN_MAX_FAILURES", 5, 1, 100),
                        number(env, "GONGKAI_LOGIN_MAX_FAILURES_PER_ADDRESS", 20, 1, 10_000), Duration.ofMinutes(15),
                        Duration.ofMinutes(number(env, "GONGKAI_LOGIN_LOCK_MINUTES", 15, 1, 24 * 60))),
                cookieSecure, publicUrl, oidc);
    }

    public SecuritySettings withOidc(Oidc o, String url) {
        return new SecuritySettings(sessionIdle, sessionMax, tokenLifetime, throttle, cookieSecure, url, o);
    }

    public SecuritySettings withSessionIdle(Duration idle) {
        return new SecuritySettings(idle, sessionMax, tokenLifetime, throttle, cookieSecure, publicUrl, oidc);
    }

    public SecuritySettings withTokenLifetime(Duration d) {
        return new SecuritySettings(sessionIdle, sessionMax, d, throttle, cookieSecure, publicUrl, oidc);
    }

    private static int number(Map<String, String> env, String key, int dflt, int min, int max) {
        String v = env.get(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " 应为 " + min + "–" + max + " 的整数 / must be an integer from " + min + " to " + max + ": " + v);
        }
    }

    private static String require(Map<String, String> env, String key) {
        String v = blankToNull(env.get(key));
        if (v == null) {
            throw new IllegalArgumentException("设置了 GONGKAI_OIDC_ISSUER 时须同时设置 " + key + " / " + key + " is required with GONGKAI_OIDC_ISSUER");
        }
        return v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
