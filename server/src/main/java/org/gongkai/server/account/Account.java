package org.gongkai.server.account;

import java.time.OffsetDateTime;
import java.util.Set;
import org.gongkai.server.auth.Actor;

/**
 * An account as stored: who a person is, where they work and what they may do. The password hash never
 * leaves the account package ({@link #view()} drops it).
 *
 * @param usernameKey        the username in lower case (the key)
 * @param username           the username as created (ASCII)
 * @param displayName        the person's name, e.g. 张三
 * @param department         department name, or null
 * @param passwordHash       Argon2id PHC string, or null when the account signs in through OIDC only
 * @param mustChangePassword an initial or reset password that must be changed at the next browser sign-in
 * @param enabled            false: cannot sign in, tokens and sessions refused
 * @param roles              roles
 * @param stages             approver stage codes (empty: every approver stage)
 */
public record Account(String usernameKey, String username, String displayName, String department, String passwordHash,
                      boolean mustChangePassword, boolean enabled, String oidcIssuer,
                      String oidcSubject, OffsetDateTime createdAt, String createdBy, Set<Actor.Role> roles, Set<String> stages) {

    public Actor actor() {
        return new Actor(usernameKey, displayName, roles, department, stages);
    }

    /** What the API shows of an account. */
    public record View(String id, String username, String displayName, String department, Set<Actor.Role> roles, Set<String> stages,
                       boolean enabled, boolean mustChangePassword, boolean oidc, OffsetDateTime createdAt,
                       String createdBy) {
    }

    public View view() {
        return new View(usernameKey, username, displayName, department, roles, stages, enabled, mustChangePassword,
                oidcSubject != null, createdAt, createdBy);
    }

    public Account withRoles(Set<Actor.Role> r, Set<String> s) {
        return new Account(usernameKey, username, displayName, department, passwordHash, mustChangePassword, enabled, oidcIssuer, oidcSubject, createdAt, createdBy, r, s);
    }
}
