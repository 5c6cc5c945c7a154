package org.gongkai.server.auth;

/**
 * An authenticated caller: who they are and how they proved it.
 *
 * @param actor              the account acting
 * @param via                the credential presented
 * @param credentialId       the token id, or the session's stored hash; null for the bootstrap token
 * @param csrfToken          the session's CSRF token (browser sessions only)
 * @param mustChangePassword the account still has an initial or reset password (browser sessions are held at the change page)
 */
public record Principal(Actor actor, Via via, String credentialId, String csrfToken, boolean mustChangePassword) {
    /** How a caller authenticated. */
    public enum Via {
        /** {@code GONGKAI_ADMIN_TOKEN}, the bootstrap administrator. */
        ADMIN_TOKEN,
        /** A bearer token from {@code POST /api/v1/auth/token}. */
        API_TOKEN,
        /** A browser session cookie from {@code /login}; state-changing requests need the CSRF token or a same-origin Origin. */
        SESSION
    }

    public boolean browser() {
        return via == Via.SESSION;
    }
}
