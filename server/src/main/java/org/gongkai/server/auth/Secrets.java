package org.gongkai.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets (session ids, API tokens, CSRF tokens, OIDC state) and their stored form. Secrets carry 256
 * bits of entropy, so a plain SHA-256 is the right stored form (a slow password hash would add nothing but
 * cost to every request); comparisons of presented secrets are constant-time.
 */
public final class Secrets {
    private final SecureRandom random = new SecureRandom();

    /** A new URL-safe secret of 32 random bytes, with a prefix that says what it is (gk_ for tokens). */
    public String next(String prefix) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
