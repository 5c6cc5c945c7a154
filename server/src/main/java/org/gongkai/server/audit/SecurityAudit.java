package org.gongkai.server.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.http.ApiException;
import org.gongkai.server.storage.Database;

/**
 * The security audit trail (等保 2.0 安全审计): sign-ins and their failures and lock-outs, token issue and use,
 * account, role and configuration changes, refused requests, and who opened a document holding personal or
 * secret content. Append-only; the 安全审计员 reads it, the 安全保密管理员 reads what auditors did (三员分立:
 * each administrator is watched by another). Never records passwords, tokens or document text.
 */
public final class SecurityAudit {
    /** What happened. */
    public enum Action {
        LOGIN, LOGOUT, LOCKED, TOKEN_ISSUED, TOKEN_USED, TOKEN_REVOKED, SESSION_EXPIRED, PASSWORD_CHANGED, PASSWORD_RESET,
        ACCOUNT_CREATED, ACCOUNT_UPDATED, ROLES_CHANGED, DEPARTMENT_CREATED, ACCESS_DENIED, DOCUMENT_OPENED, AUDIT_READ, OIDC_LOGIN,
        /** A word list or rules file edited in the workbench (issue 11). */
        LIST_CHANGED
    }

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int MAX_PAGE = 500;
    private final Database db;
    private final Clock clock;

    public SecurityAudit(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void success(Actor actor, Action action, String target, String address, String detail) {
        append(actor.id(), actor.roleList(), action, "SUCCESS", target, address, detail);
    }

    public void failure(Actor actor, Action action, String target, String address, String detail) {
        append(actor.id(), actor.roleList(), action, "FAILURE", target, address, detail);
    }

    /** An event before anyone is known (a failed sign-in names the username tried as the target). */
    public void anonymous(Action action, String outcome, String target, String address, String detail) {
        append("anonymous", "", action, outcome, target, address, detail);
    }

    private void append(String actor, String roles, Action action, String outcome, String target, String address, String detail) {
        db.jdbi().useExtension(SecurityEventDao.class, d -> d.append(OffsetDateTime.now(clock), cut(actor, 64), cut(roles, 200), action.name(),
                outcome, cut(target, 200), cut(address, 64), cut(detail, 2000)));
    }

    /**
     * Events between two days (Beijing time), newest first. The auditor reads everything; the security
     * administrator reads what auditors did.
     */
    public List<SecurityEvent> read(Actor reader, LocalDate from, LocalDate to, String actor, String action, int offset, int limit) {
        OffsetDateTime f = (from == null ? LocalDate.now(clock.withZone(CHINA)).minusDays(30) : from).atStartOfDay(CHINA).toOffsetDateTime();
        OffsetDateTime t = (to == null ? LocalDate.now(clock.withZone(CHINA)) : to).plusDays(1).atStartOfDay(CHINA).toOffsetDateTime();
        String act = action == null || action.isBlank() ? null : action.strip().toUpperCase(java.util.Locale.ROOT);
        int lim = Math.max(1, Math.min(MAX_PAGE, limit));
        int off = Math.max(0, offset);
        List<SecurityEvent> rows;
        if (reader.has(Actor.Role.AUDITOR)) {
            String who = actor == null || actor.isBlank() ? null : actor.strip().toLowerCase(java.util.Locale.ROOT);
            rows = db.jdbi().withExtension(SecurityEventDao.class, d -> d.find(f, t, who, act, off, lim));
        } else if (reader.has(Actor.Role.SECURITY_ADMIN)) {
            rows = db.jdbi().withExtension(SecurityEventDao.class, d -> d.byRoles(f, t, act, List.of(Actor.Role.AUDITOR.name()), off, lim));
        } else {
            throw new ApiException(403, "NOT_AUDITOR", "只有安全审计员可以查看安全审计日志", "only the security auditor reads the security audit");
        }
        success(reader, Action.AUDIT_READ, null, null, "from " + f.toLocalDate() + " to " + t.toLocalDate().minusDays(1) + ", " + rows.size() + " rows");
        return rows;
    }

    /** The events as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese). */
    public static String csv(List<SecurityEvent> rows) {
        StringBuilder b = new StringBuilder("\uFEFF序号,时间,操作人,角色,操作,结果,对象,地址,说明\n");
        for (SecurityEvent e : rows) {
            b.append(e.id()).append(',').append(e.occurredAt().atZoneSameInstant(CHINA).toLocalDateTime()).append(',')
                    .append(field(e.actor())).append(',').append(field(e.actorRoles())).append(',').append(e.action()).append(',')
                    .append(e.outcome()).append(',').append(field(e.target())).append(',').append(field(e.address())).append(',')
                    .append(field(e.detail())).append('\n');
        }
        return b.toString();
    }

    /** A CSV field, quoted, with formula characters neutralised (CSV injection). */
    static String field(String s) {
        if (s == null) {
            return "";
        }
        String v = s;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
