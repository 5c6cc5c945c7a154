package org.gongkai.server.queue;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.auth.ActorResolver;
import org.gongkai.server.http.ApiException;

/**
 * HTTP in and out for the review queues (shared/CONTRACT.md, "Review queue API"); everything else is the
 * services'.
 *
 * <p>Interim identity, until accounts exist: a reviewer names themselves with {@code X-Gongkai-User} (an ASCII
 * user id) and {@code X-Gongkai-Role} (DRAFTER, DOCUMENT_OFFICE, SECRECY_REVIEWER, APPROVER); the administrator
 * uses {@code Authorization: Bearer $GONGKAI_ADMIN_TOKEN}. These headers are trusted as sent and are to be
 * replaced by authenticated accounts in {@link ActorResolver}.
 */
public final class QueueController {
    static final String USER_HEADER = "X-Gongkai-User";
    static final String ROLE_HEADER = "X-Gongkai-Role";
    private static final Set<String> RESERVED = Set.of("admin", "system", "anonymous");
    private final QueueService queues;
    private final DecisionService decisions;
    private final StatisticsService statistics;
    private final ActorResolver actors;
    private final ObjectMapper json;

    public QueueController(QueueService queues, DecisionService decisions, StatisticsService statistics, ActorResolver actors, ObjectMapper json) {
        this.queues = queues;
        this.decisions = decisions;
        this.statistics = statistics;
        this.actors = actors;
        this.json = json;
    }

    /** The body of {@code POST /api/v1/decisions/bulk}. */
    public record BulkRequest(List<BulkEntry> decisions) {
    }

    /** One decision of a bulk request: a document id and the same fields as a single decision. */
    public record BulkEntry(String documentId, String action, String comment, Integer version, List<DecisionRequest.Verdict> findings,
                            Boolean important) {
    }

    public void routes(Javalin app) {
        app.get("/api/v1/queues", ctx -> ctx.json(queues.queues(actor(ctx))));
        app.get("/api/v1/queues/{name}/items", ctx -> ctx.json(queues.items(actor(ctx), ctx.pathParam("name"))));
        app.post("/api/v1/queues/{name}/claim", ctx -> queues.claim(actor(ctx), ctx.pathParam("name"))
                .ifPresentOrElse(ctx::json, () -> ctx.status(204)));
        app.post("/api/v1/queues/{name}/items/{id}/renew", ctx -> ctx.json(queues.renew(actor(ctx), ctx.pathParam("name"), ctx.pathParam("id"))));
        app.get("/api/v1/queues/{name}/digest", ctx -> ctx.json(queues.digest(actor(ctx), ctx.pathParam("name"), date(ctx, "date"))));
        app.get("/api/v1/documents/{id}/review", ctx -> ctx.json(queues.item(actor(ctx), ctx.pathParam("id"))));
        app.post("/api/v1/documents/{id}/decisions", ctx -> ctx.json(decisions.decide(actor(ctx), ctx.pathParam("id"), body(ctx, DecisionRequest.class))));
        app.get("/api/v1/documents/{id}/redactions", ctx -> ctx.json(Map.of("redactions", decisions.redactions(actor(ctx), ctx.pathParam("id")))));
        app.post("/api/v1/decisions/bulk", this::bulk);
        app.get("/api/v1/statistics", this::statistics);
        app.get("/api/v1/dictionaries/suggestions", ctx -> ctx.json(Map.of("suggestions",
                statistics.suggestions(actor(ctx), number(ctx.queryParam("min"), 1)))));
    }

    private void bulk(Context ctx) {
        Actor actor = actor(ctx);
        BulkRequest req = body(ctx, BulkRequest.class);
        if (req == null || req.decisions() == null) {
            throw ApiException.badRequest("BAD_BULK", "请求体应为 {\"decisions\": [...]}", "the body must be {\"decisions\": [...]}");
        }
        List<DecisionService.BulkItem> items = req.decisions().stream().map(e -> e == null ? new DecisionService.BulkItem(null, null)
                : new DecisionService.BulkItem(e.documentId(), new DecisionRequest(e.action(), e.comment(), e.version(), e.findings(), e.important())))
                .toList();
        ctx.json(Map.of("results", decisions.bulk(actor, items)));
    }

    private void statistics(Context ctx) {
        StatisticsService.Statistics s = statistics.statistics(actor(ctx), date(ctx, "from"), date(ctx, "to"), ctx.queryParam("department"));
        String format = ctx.queryParam("format");
        if (format == null || format.isBlank() || format.equalsIgnoreCase("json")) {
            ctx.json(s);
        } else if (format.equalsIgnoreCase("csv")) {
            ctx.contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"gongkai-statistics-" + s.from() + "_" + s.to() + ".csv\"")
                    .result(statistics.csv(s));
        } else {
            throw ApiException.badRequest("BAD_FORMAT", "format 应为 json 或 csv", "format must be json or csv");
        }
    }

    /** The acting user: administrator by token, else the interim reviewer headers. */
    Actor actor(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null && !auth.isBlank()) {
            return actors.resolve(auth, null);
        }
        String user = ctx.header(USER_HEADER);
        if (user == null || user.isBlank()) {
            throw new ApiException(401, "IDENTITY_REQUIRED", "请在请求头 " + USER_HEADER + " 和 " + ROLE_HEADER + " 中说明审查人身份（账户功能上线前的过渡办法）",
                    "name the reviewer in the " + USER_HEADER + " and " + ROLE_HEADER + " headers (interim, until accounts exist)");
        }
        String id = user.strip();
        if (!id.matches("[A-Za-z0-9._@-]{1,100}") || RESERVED.contains(id.toLowerCase(Locale.ROOT))) {
            throw ApiException.badRequest("BAD_USER", USER_HEADER + " 应为 1–100 个字母、数字或 . _ @ -，且不能是保留名", USER_HEADER
                    + " must be 1-100 letters, digits or . _ @ - and not a reserved name");
        }
        String role = ctx.header(ROLE_HEADER);
        Actor.Role r;
        try {
            r = Actor.Role.valueOf(role == null ? "" : role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("BAD_ROLE", ROLE_HEADER + " 应为 DRAFTER、DOCUMENT_OFFICE、SECRECY_REVIEWER 或 APPROVER",
                    ROLE_HEADER + " must be DRAFTER, DOCUMENT_OFFICE, SECRECY_REVIEWER or APPROVER");
        }
        if (r == Actor.Role.ADMIN || r == Actor.Role.SYSTEM) {
            throw new ApiException(403, "ROLE_NOT_ALLOWED", "管理员须使用令牌（Authorization: Bearer）", "the administrator must use the bearer token");
        }
        return new Actor(id, r, null);
    }

    private <T> T body(Context ctx, Class<T> type) {
        try {
            return json.readValue(ctx.body(), type);
        } catch (JacksonException e) {
            throw ApiException.badRequest("BAD_JSON", "请求体不是有效的 JSON 或字段类型不符：" + e.getOriginalMessage(),
                    "the body is not valid JSON or a field has the wrong type: " + e.getOriginalMessage());
        }
    }

    private static LocalDate date(Context ctx, String param) {
        String v = ctx.queryParam(param);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("BAD_DATE", param + " 应为 yyyy-MM-dd 格式的日期", param + " must be a date as yyyy-MM-dd");
        }
    }

    private static int number(String v, int dflt) {
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Math.max(1, Math.min(1000, Integer.parseInt(v.strip())));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("BAD_NUMBER", "min 应为整数", "min must be an integer");
        }
    }
}
