package org.gongkai.server.auth;

import org.gongkai.server.http.ApiException;

/**
 * Tells who is calling from the {@code Authorization} header. Today only the administrator token
 * ({@code GONGKAI_ADMIN_TOKEN}) is known; accounts and roles with department scoping come later and plug in
 * here.
 */
public final class ActorResolver {
    private final String adminToken;

    public ActorResolver(String adminToken) {
        this.adminToken = adminToken;
    }

    public Actor resolve(String authorization, String department) {
        if (authorization == null || authorization.isBlank()) {
            return Actor.anonymousDrafter(department);
        }
        String a = authorization.strip();
        if (a.regionMatches(true, 0, "Bearer ", 0, 7) && adminToken != null && constantTimeEquals(a.substring(7).strip(), adminToken)) {
            return Actor.administrator();
        }
        throw new ApiException(401, "UNAUTHORIZED", "身份凭证无效", "invalid credentials");
    }

    private static boolean constantTimeEquals(String a, String b) {
        return java.security.MessageDigest.isEqual(a.getBytes(java.nio.charset.StandardCharsets.UTF_8), b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
