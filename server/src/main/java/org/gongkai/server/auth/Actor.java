package org.gongkai.server.auth;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is acting: an authenticated account (or the bootstrap administrator token, or background processing as
 * {@link #SYSTEM}), passed through every service call and written to the audit trails.
 *
 * @param id          the account's username in lower case: stable, unique, never reused (the audit trail's "who")
 * @param displayName the person's name as shown (中文姓名)
 * @param roles       what the account may do
 * @param department  the department the account belongs to, or null
 * @param stages      for an APPROVER, the approval stage codes they may act at (empty: every approver stage)
 */
public record Actor(String id, String displayName, Set<Role> roles, String department, Set<String> stages) {
    public static final Actor SYSTEM = new Actor("system", "系统", Set.of(Role.SYSTEM), null, Set.of());

    public Actor {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        stages = Set.copyOf(stages);
    }

    /** An actor with one role (tests and the CLI). */
    public Actor(String id, Role role, String department) {
        this(id, id, Set.of(role), department, Set.of());
    }

    /** The bootstrap administrator ({@code GONGKAI_ADMIN_TOKEN}): accounts, departments, configuration; no documents. */
    public static Actor bootstrapAdministrator() {
        return new Actor("admin", "系统管理员（引导令牌）", Set.of(Role.SYSTEM_ADMIN), null, Set.of());
    }

    public boolean has(Role r) {
        return roles.contains(r);
    }

    public boolean hasAny(Collection<Role> rs) {
        return rs.stream().anyMatch(roles::contains);
    }

    /** The role written to the audit trail for an action open to {@code allowed}: the first the actor holds. */
    public Role roleFor(Collection<Role> allowed) {
        return Role.ordered().stream().filter(r -> roles.contains(r) && allowed.contains(r)).findFirst().orElse(primaryRole());
    }

    /** The actor's first role in {@link Role} order (for audit rows that are not tied to one role). */
    public Role primaryRole() {
        return Role.ordered().stream().filter(roles::contains).findFirst().orElse(Role.SYSTEM);
    }

    /** Roles as a comma-separated list, for audit rows. */
    public String roleList() {
        return Role.ordered().stream().filter(roles::contains).map(Enum::name).collect(Collectors.joining(","));
    }

    /**
     * The roles of the people in the seeds (DOMAIN.md "Who uses it") and the three administrators of 三员分立
     * (等保 2.0): 系统管理员, 安全保密管理员 and 安全审计员, no two held by one account. {@link #SYSTEM} is
     * background processing and is never given to an account.
     */
    public enum Role {
        DRAFTER("起草人"), DOCUMENT_OFFICE("办文机构/办公室"), SECRECY_REVIEWER("保密审查员"), APPROVER("审核领导"),
        AUDITOR("安全审计员"), SECURITY_ADMIN("安全保密管理员"), SYSTEM_ADMIN("系统管理员"), SYSTEM("系统");

        private final String chinese;

        Role(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }

        /** The three administrator roles of 三员分立: mutually exclusive, and none of them works documents. */
        public boolean administrative() {
            return this == AUDITOR || this == SECURITY_ADMIN || this == SYSTEM_ADMIN;
        }

        /** Roles that read and work documents. */
        public static Set<Role> documentRoles() {
            return EnumSet.of(DRAFTER, DOCUMENT_OFFICE, SECRECY_REVIEWER, APPROVER);
        }

        static java.util.List<Role> ordered() {
            return java.util.List.of(values());
        }
    }
}
