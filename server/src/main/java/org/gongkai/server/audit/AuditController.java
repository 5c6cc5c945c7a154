package org.gongkai.server.audit;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.gongkai.server.access.AccessGuard;
import org.gongkai.server.access.RouteAccess;
import org.gongkai.server.http.ApiException;

/**
 * {@code GET /api/v1/audit/security}: the security audit for the 安全审计员 (the 安全保密管理员 sees what auditors
 * did), filtered by day, actor and action, as JSON or {@code ?format=csv}.
 */
public final class AuditController {
    private final SecurityAudit audit;

    public AuditController(SecurityAudit audit) {
        this.audit = audit;
    }

    public void routes(Javalin app) {
        app.get("/api/v1/audit/security", this::read, RouteAccess.AUDITOR, RouteAccess.SECURITY_ADMIN);
    }

    private void read(Context ctx) {
        List<SecurityEvent> rows = audit.read(AccessGuard.actor(ctx), date(ctx, "from"), date(ctx, "to"), ctx.queryParam("actor"),
                ctx.queryParam("action"), number(ctx, "offset", 0), number(ctx, "limit", 100));
        if ("csv".equalsIgnoreCase(ctx.queryParam("format"))) {
            ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"gongkai-security-audit.csv\"")
                    .result(SecurityAudit.csv(rows));
        } else {
            ctx.json(Map.of("events", rows));
        }
    }

    private static LocalDate date(Context ctx, String p) {
        String v = ctx.queryParam(p);
        try {
            return v == null || v.isBlank() ? null : LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("BAD_DATE", p + " 应为 yyyy-MM-dd 格式的日期", p + " must be a date as yyyy-MM-dd");
        }
    }

    private static int number(Context ctx, String p, int dflt) {
        String v = ctx.queryParam(p);
        try {
            return v == null || v.isBlank() ? dflt : Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("BAD_NUMBER", p + " 应为整数", p + " must be an integer");
        }
    }
}
