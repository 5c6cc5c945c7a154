package org.gongkai.server.auth;

/**
 * Who is acting: passed through every service call and written to the audit trail. Until accounts exist
 * (a later issue), requests are made by an anonymous drafter, or by the administrator when they present
 * {@code GONGKAI_ADMIN_TOKEN}; background processing acts as {@link #SYSTEM}.
 *
 * @param id         stable user id
 * @param role       what the actor may do
 * @param department the department the actor belongs to, or null (for department scoping)
 */
public record Actor(String id, Role role, String department) {
    public static final Actor SYSTEM = new Actor("system", Role.SYSTEM, null);

    public static Actor anonymousDrafter(String department) {
        return new Actor("anonymous", Role.DRAFTER, department);
    }

    public static Actor administrator() {
        return new Actor("admin", Role.ADMIN, null);
    }

    /** Roles of the people who work the queues (DOMAIN.md, "Who uses it"). */
    public enum Role {
        DRAFTER, DOCUMENT_OFFICE, SECRECY_REVIEWER, APPROVER, ADMIN, SYSTEM
    }
}
