package org.gongkai.server.account;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.gongkai.server.audit.SecurityAudit;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.auth.Actor.Role;
import org.gongkai.server.http.ApiException;
import org.gongkai.server.storage.Database;
import org.jdbi.v3.core.Handle;

/**
 * Accounts, departments and role assignments (等保 2.0 身份鉴别、访问控制). The 系统管理员 creates accounts and
 * departments, edits names and departments, disables accounts and resets passwords; the 安全保密管理员 changes
 * roles and approval stages afterwards (三员分立). No account holds two of the three administrator roles, and
 * none of those is combined with a role that reads documents. Every change is written to the security audit.
 */
public final class AccountService {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");
    /** The login throttle's key for an account ({@link org.gongkai.server.auth.LoginThrottle}). */
    public static final String LOCK_PREFIX = "account:";
    private static final Set<String> RESERVED = Set.of("admin", "system", "anonymous", "root", "cli");
    private final Database db;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final SecurityAudit audit;
    private final Clock clock;
    private final Map<String, String> approverStages;

    /**
     * @param approverStages the approval stages an APPROVER can be limited to: code → Chinese title (from the queue configuration)
     */
    public AccountService(Database db, PasswordHasher hasher, PasswordPolicy policy, SecurityAudit audit, Clock clock, Map<String, String> approverStages) {
        this.db = db;
        this.hasher = hasher;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
        this.approverStages = Map.copyOf(approverStages);
    }

    /** What a new account is made of (shared/CONTRACT.md, "Accounts and access"). */
    public record NewAccount(String username, String displayName, String password, String department, List<String> roles, List<String> stages) {
    }

    /** A change by the system administrator; null fields are left as they are. */
    public record AccountChange(String displayName, String department, Boolean enabled, String password, Boolean unlock) {
    }

    /** A change of roles and stages by the security administrator. */
    public record RoleChange(List<String> roles, List<String> stages) {
    }

    public Account.View create(Actor by, NewAccount in, String address) {
        requireSystemAdmin(by);
        if (in == null) {
            throw ApiException.badRequest("BAD_ACCOUNT", "请求体应为账户 JSON", "the body must be an account as JSON");
        }
        String username = username(in.username());
        String key = username.toLowerCase(Locale.ROOT);
        String name = displayName(in.displayName(), username);
        Set<Role> roles = roles(in.roles());
        Set<String> stages = stages(in.stages(), roles);
        policy.problem(in.password(), username).ifPresent(p -> {
            throw ApiException.badRequest("WEAK_PASSWORD", p[0], p[1]);
        });
        String hash = hasher.hash(in.password());
        OffsetDateTime now = OffsetDateTime.now(clock);
        String dept = department(in.department());
        try {
            db.jdbi().useTransaction(h -> {
                AccountDao dao = h.attach(AccountDao.class);
                if (dao.find(key).isPresent()) {
                    throw exists(username);
                }
                ensureDepartment(h, by, dept, now, address);
                dao.insert(key, username, name, dept, hash, true, null, null, now, by.id());
                grant(dao, key, roles, stages);
            });
        } catch (org.jdbi.v3.core.JdbiException e) {
            if (find(key).isPresent()) { // created by someone else at the same moment
                throw exists(username);
            }
            throw e;
        }
        audit.success(by, SecurityAudit.Action.ACCOUNT_CREATED, key, address, "角色 " + roles + (stages.isEmpty() ? "" : "，审核环节 " + stages)
                + (dept == null ? "" : "，部门 " + dept));
        return require(key).view();
    }

    /** An account created or refreshed from a unified identity platform (OIDC); no password. */
    public Account provision(String issuer, String subject, String username, String displayName, String department, Set<Role> roles,
                             String address) {
        String key = username.toLowerCase(Locale.ROOT);
        roles(roles.stream().map(Enum::name).toList()); // 三员分立 holds for mapped roles too
        OffsetDateTime now = OffsetDateTime.now(clock);
        Actor idp = new Actor("oidc", "统一身份认证", Set.of(Role.SYSTEM), null, Set.of());
        boolean created = db.jdbi().inTransaction(h -> {
            AccountDao dao = h.attach(AccountDao.class);
            Optional<AccountDao.Row> existing = dao.find(key);
            if (existing.isPresent() && !(issuer.equals(existing.get().oidcIssuer()) && subject.equals(existing.get().oidcSubject()))) {
                throw new ApiException(409, "ACCOUNT_CONFLICT", "统一身份认证账户 " + username + " 与本地账户重名，请管理员处理",
                        "the identity platform's user " + username + " clashes with a local account; ask the administrator");
            }
            ensureDepartment(h, idp, department, now, address);
            if (existing.isEmpty()) {
                dao.insert(key, username, displayName, department, null, false, issuer, subject, now, idp.id());
                grant(dao, key, roles, Set.of());
                return true;
            }
            dao.updateFromIdentityProvider(key, displayName, department);
            Set<Role> before = account(dao, dao.find(key).orElseThrow()).roles();
            if (!before.equals(roles)) {
                dao.clearRoles(key);
                roles.forEach(r -> dao.addRole(key, r.name()));
            }
            return false;
        });
        if (created) {
            audit.success(idp, SecurityAudit.Action.ACCOUNT_CREATED, key, address, "统一身份认证首次登录建立账户，角色 " + roles);
        }
        return require(key);
    }

    public Account.View update(Actor by, String id, AccountChange c, String address) {
        requireSystemAdmin(by);
        Account a = require(key(id));
        if (c == null) {
            throw ApiException.badRequest("BAD_ACCOUNT", "请求体应为 JSON", "the body must be JSON");
        }
        String name = c.displayName() == null ? a.displayName() : displayName(c.displayName(), a.username());
        String dept = c.department() == null ? a.department() : department(c.department());
        boolean enabled = c.enabled() == null ? a.enabled() : c.enabled();
        if (c.password() != null) {
            policy.problem(c.password(), a.username()).ifPresent(p -> {
                throw ApiException.badRequest("WEAK_PASSWORD", p[0], p[1]);
            });
        }
        String hash = c.password() == null ? null : hasher.hash(c.password());
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.jdbi().useTransaction(h -> {
            AccountDao dao = h.attach(AccountDao.class);
            ensureDepartment(h, by, dept, now, address);
            dao.update(a.usernameKey(), name, dept, enabled);
            if (hash != null) {
                dao.setPassword(a.usernameKey(), hash, true, now);
            }
            if (hash != null || Boolean.TRUE.equals(c.unlock())) {
                h.createUpdate("DELETE FROM login_throttle WHERE throttle_key = :k").bind("k", LOCK_PREFIX + a.usernameKey()).execute();
            }
            if (!enabled || hash != null) {
                h.createUpdate("DELETE FROM web_session WHERE username_key = :k").bind("k", a.usernameKey()).execute();
                h.createUpdate("UPDATE api_token SET revoked_at = :now WHERE username_key = :k AND revoked_at IS NULL")
                        .bind("k", a.usernameKey()).bind("now", now).execute();
            }
        });
        audit.success(by, hash != null ? SecurityAudit.Action.PASSWORD_RESET : SecurityAudit.Action.ACCOUNT_UPDATED, a.usernameKey(), address,
                (c.displayName() == null ? "" : "姓名；") + (c.department() == null ? "" : "部门 " + dept + "；")
                        + (c.enabled() == null ? "" : (enabled ? "启用；" : "停用；")) + (Boolean.TRUE.equals(c.unlock()) ? "解除锁定；" : ""));
        return require(a.usernameKey()).view();
    }

    public Account.View changeRoles(Actor by, String id, RoleChange c, String address) {
        if (!by.has(Role.SECURITY_ADMIN)) {
            throw new ApiException(403, "NOT_SECURITY_ADMIN", "角色和审核环节由安全保密管理员分配（三员分立）",
                    "roles and stages are assigned by the security administrator (separation of the three administrators)");
        }
        Account a = require(key(id));
        if (a.usernameKey().equals(by.id())) {
            throw new ApiException(403, "OWN_ROLES", "不能修改自己的角色", "you cannot change your own roles");
        }
        if (c == null || c.roles() == null) {
            throw ApiException.badRequest("BAD_ROLES", "请求体应为 {\"roles\": [...], \"stages\": [...]}", "the body must be {\"roles\": [...], \"stages\": [...]}");
        }
        Set<Role> roles = roles(c.roles());
        Set<String> stages = stages(c.stages(), roles);
        db.jdbi().useTransaction(h -> {
            AccountDao dao = h.attach(AccountDao.class);
            dao.clearRoles(a.usernameKey());
            dao.clearStages(a.usernameKey());
            grant(dao, a.usernameKey(), roles, stages);
        });
        audit.success(by, SecurityAudit.Action.ROLES_CHANGED, a.usernameKey(), address, a.roles() + " → " + roles
                + (stages.isEmpty() ? "" : "，审核环节 " + stages));
        return require(a.usernameKey()).view();
    }

    /** The caller's own password change: the current password, then a new one that meets the policy. */
    public void changePassword(Actor who, String current, String next, String address) {
        Account a = require(who.id());
        if (a.passwordHash() == null) {
            throw ApiException.badRequest("NO_LOCAL_PASSWORD", "该账户通过统一身份认证登录，没有本地口令", "this account signs in through the identity platform and has no local password");
        }
        if (!hasher.verify(current, a.passwordHash())) {
            audit.failure(who, SecurityAudit.Action.PASSWORD_CHANGED, who.id(), address, "原口令错误");
            throw new ApiException(403, "WRONG_PASSWORD", "原口令不正确", "the current password is wrong");
        }
        policy.problem(next, a.username()).ifPresent(p -> {
            throw ApiException.badRequest("WEAK_PASSWORD", p[0], p[1]);
        });
        if (next.equals(current)) {
            throw ApiException.badRequest("SAME_PASSWORD", "新口令不能与原口令相同", "the new password must differ from the current one");
        }
        db.jdbi().useExtension(AccountDao.class, d -> d.setPassword(a.usernameKey(), hasher.hash(next), false, OffsetDateTime.now(clock)));
        audit.success(who, SecurityAudit.Action.PASSWORD_CHANGED, who.id(), address, null);
    }

    public List<Account.View> list(Actor by, int offset, int limit) {
        requireAccountReader(by);
        List<Account.View> out = new ArrayList<>();
        db.jdbi().useHandle(h -> {
            AccountDao dao = h.attach(AccountDao.class);
            for (AccountDao.Row r : dao.page(Math.max(0, offset), Math.max(1, Math.min(500, limit)))) {
                out.add(account(dao, r).view());
            }
        });
        return out;
    }

    public Account.View get(Actor by, String id) {
        if (!by.id().equals(key(id))) {
            requireAccountReader(by);
        }
        return require(key(id)).view();
    }

    public List<String> departments() {
        return db.jdbi().withExtension(AccountDao.class, AccountDao::departments);
    }

    public String createDepartment(Actor by, String name, String address) {
        requireSystemAdmin(by);
        String dept = department(name);
        if (dept == null) {
            throw ApiException.badRequest("BAD_DEPARTMENT", "部门名称不能为空", "the department name is empty");
        }
        db.jdbi().useTransaction(h -> ensureDepartment(h, by, dept, OffsetDateTime.now(clock), address));
        return dept;
    }

    public Optional<Account> find(String usernameKey) {
        if (usernameKey == null || usernameKey.length() > 64) {
            return Optional.empty();
        }
        return db.jdbi().withHandle(h -> {
            AccountDao dao = h.attach(AccountDao.class);
            return dao.find(usernameKey).map(r -> account(dao, r));
        });
    }

    public Optional<Account> findByOidc(String issuer, String subject) {
        return db.jdbi().withHandle(h -> {
            AccountDao dao = h.attach(AccountDao.class);
            return dao.findByOidc(issuer, subject).map(r -> account(dao, r));
        });
    }

    public Map<String, String> approverStages() {
        return approverStages;
    }

    private Account require(String key) {
        return find(key).orElseThrow(() -> ApiException.notFound("账户 / account", key));
    }

    static Account account(AccountDao dao, AccountDao.Row r) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        dao.roles(r.usernameKey()).forEach(g -> roles.add(Role.valueOf(g.grantValue())));
        Set<String> stages = new LinkedHashSet<>();
        dao.stages(r.usernameKey()).forEach(g -> stages.add(g.grantValue()));
        return new Account(r.usernameKey(), r.username(), r.displayName(), r.department(), r.passwordHash(), r.mustChangePassword(), r.enabled(),
                r.oidcIssuer(), r.oidcSubject(), r.createdAt(), r.createdBy(), roles, stages);
    }

    private void ensureDepartment(Handle h, Actor by, String dept, OffsetDateTime now, String address) {
        if (dept != null && h.attach(AccountDao.class).insertDepartmentIfAbsent(dept, now, by.id()) == 1) {
            audit.success(by, SecurityAudit.Action.DEPARTMENT_CREATED, dept, address, null);
        }
    }

    private static void grant(AccountDao dao, String key, Set<Role> roles, Set<String> stages) {
        roles.forEach(r -> dao.addRole(key, r.name()));
        stages.forEach(s -> dao.addStage(key, s));
    }

    private static String key(String id) {
        return id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
    }

    private static String username(String u) {
        String s = u == null ? "" : u.strip();
        if (!USERNAME.matcher(s).matches()) {
            throw ApiException.badRequest("BAD_USERNAME", "用户名应为 2–64 位英文字母、数字或 . _ -，以字母或数字开头",
                    "the username must be 2-64 ASCII letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
            throw ApiException.badRequest("RESERVED_USERNAME", "用户名 " + s + " 为系统保留", "the username " + s + " is reserved");
        }
        return s;
    }

    private static String displayName(String n, String username) {
        String s = n == null || n.isBlank() ? username : n.strip();
        if (s.length() > 50 || s.codePoints().anyMatch(c -> Character.isISOControl(c) || c == '<' || c == '>')) {
            throw ApiException.badRequest("BAD_DISPLAY_NAME", "姓名至多 50 个字符，且不能含控制字符或尖括号",
                    "the display name has at most 50 characters and no control characters or angle brackets");
        }
        return s;
    }

    private static String department(String d) {
        if (d == null || d.isBlank()) {
            return null;
        }
        String s = d.strip();
        if (s.length() > 200 || s.codePoints().anyMatch(c -> Character.isISOControl(c) || c == '<' || c == '>')) {
            throw ApiException.badRequest("BAD_DEPARTMENT", "部门名称至多 200 个字符，且不能含控制字符或尖括号",
                    "the department name has at most 200 characters and no control characters or angle brackets");
        }
        return s;
    }

    /** Parses and checks roles: known, not SYSTEM, and 三员分立. */
    static Set<Role> roles(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw ApiException.badRequest("NO_ROLE", "至少指定一个角色", "name at least one role");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String n : names) {
            try {
                Role r = Role.valueOf(n == null ? "" : n.strip().toUpperCase(Locale.ROOT));
                if (r == Role.SYSTEM) {
                    throw new IllegalArgumentException();
                }
                roles.add(r);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("UNKNOWN_ROLE", "未知角色：" + n + "（可用：DRAFTER、DOCUMENT_OFFICE、SECRECY_REVIEWER、APPROVER、AUDITOR、"
                        + "SECURITY_ADMIN、SYSTEM_ADMIN）", "unknown role: " + n);
            }
        }
        long admin = roles.stream().filter(Role::administrative).count();
        if (admin > 1 || (admin == 1 && roles.size() > 1)) {
            throw ApiException.badRequest("ROLE_SEPARATION", "三员分立：系统管理员、安全保密管理员、安全审计员须由不同账户担任，且不得兼任业务角色",
                    "the system administrator, security administrator and auditor must be separate accounts holding no other role");
        }
        return roles;
    }

    private Set<String> stages(List<String> names, Set<Role> roles) {
        if (names == null || names.isEmpty()) {
            return Set.of();
        }
        if (!roles.contains(Role.APPROVER)) {
            throw ApiException.badRequest("STAGES_WITHOUT_APPROVER", "只有 APPROVER 角色可以指定审核环节", "only an APPROVER has stages");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) {
            String s = n == null ? "" : n.strip();
            String code = approverStages.containsKey(s) ? s : approverStages.entrySet().stream().filter(e -> e.getValue().equals(s))
                    .map(Map.Entry::getKey).findFirst().orElseThrow(() -> ApiException.badRequest("UNKNOWN_STAGE",
                            "未知审核环节：" + s + "（可用：" + approverStages.values() + "）", "unknown approval stage: " + s + "; known: " + approverStages.keySet()));
            out.add(code);
        }
        return out;
    }

    private static ApiException exists(String username) {
        return new ApiException(409, "USERNAME_TAKEN", "用户名已存在（不区分大小写）：" + username, "the username exists (case-insensitively): " + username);
    }

    private static void requireSystemAdmin(Actor by) {
        if (!by.has(Role.SYSTEM_ADMIN)) {
            throw new ApiException(403, "NOT_SYSTEM_ADMIN", "只有系统管理员可以管理账户和部门", "only the system administrator manages accounts and departments");
        }
    }

    private static void requireAccountReader(Actor by) {
        if (!by.has(Role.SYSTEM_ADMIN) && !by.has(Role.SECURITY_ADMIN)) {
            throw new ApiException(403, "NOT_ACCOUNT_READER", "只有系统管理员和安全保密管理员可以查看账户", "only the system and security administrators list accounts");
        }
    }
}
