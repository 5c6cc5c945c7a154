package org.gongkai.server.access;

import io.javalin.security.RouteRole;
import java.util.EnumSet;
import java.util.Set;
import org.gongkai.server.auth.Actor.Role;

/**
 * Who may call a route. Every route declares at least one of these when it is registered; a route without a
 * declaration stops the server at start-up ({@link RouteTable}), and {@link AccessGuard} refuses callers the
 * declaration does not admit (default deny). Object-level checks (which document) are the services'.
 */
public enum RouteAccess implements RouteRole {
    /** No sign-in needed: health, the sign-in page and form, the token endpoint, static assets. */
    PUBLIC(null),
    /** Any signed-in account, whatever its roles. */
    SIGNED_IN(null),
    /** Also open while the account must still change its initial password (combined with SIGNED_IN). */
    PASSWORD_PENDING(null),
    DRAFTER(Role.DRAFTER),
    DOCUMENT_OFFICE(Role.DOCUMENT_OFFICE),
    SECRECY_REVIEWER(Role.SECRECY_REVIEWER),
    APPROVER(Role.APPROVER),
    AUDITOR(Role.AUDITOR),
    SECURITY_ADMIN(Role.SECURITY_ADMIN),
    SYSTEM_ADMIN(Role.SYSTEM_ADMIN);

    /** The roles that read documents: 起草人、办文机构、保密审查员、审核领导. */
    public static final RouteAccess[] DOCUMENT_READERS = {DRAFTER, DOCUMENT_OFFICE, SECRECY_REVIEWER, APPROVER};
    /** The roles that work review queues. */
    public static final RouteAccess[] REVIEWERS = {DRAFTER, DOCUMENT_OFFICE, SECRECY_REVIEWER, APPROVER};

    private final Role role;

    RouteAccess(Role role) {
        this.role = role;
    }

    /** The account role this declaration admits, or null for the markers. */
    public Role role() {
        return role;
    }

    /** The roles a set of declarations admits. */
    public static Set<Role> roles(Set<? extends RouteRole> declared) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        for (RouteRole r : declared) {
            if (r instanceof RouteAccess a && a.role != null) {
                out.add(a.role);
            }
        }
        return out;
    }
}
