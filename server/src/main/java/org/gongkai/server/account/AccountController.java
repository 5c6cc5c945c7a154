package org.gongkai.server.account;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gongkai.server.access.AccessGuard;
import org.gongkai.server.access.RouteAccess;
import org.gongkai.server.http.ApiException;

/** HTTP in and out for accounts and departments (shared/CONTRACT.md, "Accounts and access"). */
public final class AccountController {
    private final AccountService accounts;
    private final ObjectMapper json;

    public AccountController(AccountService accounts, ObjectMapper json) {
        this.accounts = accounts;
        this.json = json;
    }

    /** The body of {@code POST /api/v1/departments}. */
    public record NewDepartment(String name) {
    }

    public void routes(Javalin app) {
        app.post("/api/v1/users", ctx -> {
            Account.View v = accounts.create(AccessGuard.actor(ctx), body(ctx, AccountService.NewAccount.class), ctx.ip());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", v.id());
            out.put("account", v);
            ctx.status(201).header("Location", "/api/v1/users/" + v.id()).json(out);
        }, RouteAccess.SYSTEM_ADMIN);
        app.get("/api/v1/users", ctx -> ctx.json(Map.of("users", accounts.list(AccessGuard.actor(ctx), number(ctx, "offset", 0),
                number(ctx, "limit", 100)))), RouteAccess.SYSTEM_ADMIN, RouteAccess.SECURITY_ADMIN);
        app.get("/api/v1/users/{id}", ctx -> ctx.json(accounts.get(AccessGuard.actor(ctx), ctx.pathParam("id"))), RouteAccess.SIGNED_IN);
        app.patch("/api/v1/users/{id}", ctx -> ctx.json(accounts.update(AccessGuard.actor(ctx), ctx.pathParam("id"),
                body(ctx, AccountService.AccountChange.class), ctx.ip())), RouteAccess.SYSTEM_ADMIN);
        app.put("/api/v1/users/{id}/roles", ctx -> ctx.json(accounts.changeRoles(AccessGuard.actor(ctx), ctx.pathParam("id"),
                body(ctx, AccountService.RoleChange.class), ctx.ip())), RouteAccess.SECURITY_ADMIN);
        app.get("/api/v1/departments", ctx -> ctx.json(Map.of("departments", accounts.departments())), RouteAccess.SIGNED_IN);
        app.post("/api/v1/departments", ctx -> {
            NewDepartment d = body(ctx, NewDepartment.class);
            String name = accounts.createDepartment(AccessGuard.actor(ctx), d == null ? null : d.name(), ctx.ip());
            ctx.status(201).json(Map.of("name", name));
        }, RouteAccess.SYSTEM_ADMIN);
        app.get("/api/v1/approval-stages", ctx -> ctx.json(Map.of("stages", accounts.approverStages())), RouteAccess.SIGNED_IN);
    }

    private <T> T body(Context ctx, Class<T> type) {
        try {
            return json.readValue(ctx.body(), type);
        } catch (JacksonException e) {
            throw ApiException.badRequest("BAD_JSON", "请求体不是有效的 JSON 或字段类型不符：" + e.getOriginalMessage(),
                    "the body is not valid JSON or a field has the wrong type: " + e.getOriginalMessage());
        }
    }

    static int number(Context ctx, String param, int dflt) {
        String v = ctx.queryParam(param);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("BAD_NUMBER", param + " 应为整数", param + " must be an integer");
        }
    }
}
