package org.gongkai.server.queue;

import static org.gongkai.server.access.RouteAccess.DOCUMENT_READERS;
import static org.gongkai.server.access.RouteAccess.REVIEWERS;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.access.AccessGuard;
import org.gongkai.server.access.RouteAccess;
import org.gongkai.server.http.ApiException;
import org.gongkai.server.http.QueryParams;

/**
 * HTTP in and out for the review queues (shared/CONTRACT.md, "Review queue API"); everything else is the
 * services'. The caller is the authenticated account ({@link AccessGuard}); each route declares the roles that
 * may call it, and the services check which items and documents those are.
 */
public final class QueueController {
    private final QueueService queues;
    private final DecisionService decisions;
    private final StatisticsService statistics;
    private final ObjectMapper json;

    public QueueController(QueueService queues, DecisionService decisions, StatisticsService statistics, ObjectMapper json) {
        this.queues = queues;
        this.decisions = decisions;
        this.statistics = statistics;
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
        app.get("/api/v1/queues", ctx -> ctx.json(queues.queues(actor(ctx))), REVIEWERS);
        app.get("/api/v1/queues/{name}/items", ctx -> ctx.json(queues.items(actor(ctx), ctx.pathParam("name"))), REVIEWERS);
        app.post("/api/v1/queues/{name}/claim", ctx -> queues.claim(actor(ctx), ctx.pathParam("name"))
                .ifPresentOrElse(ctx::json, () -> ctx.status(204)), REVIEWERS);
        app.post("/api/v1/queues/{name}/items/{id}/renew", ctx -> ctx.json(queues.renew(actor(ctx), ctx.pathParam("name"), ctx.pathParam("id"))),
                REVIEWERS);
        app.get("/api/v1/queues/{name}/digest", ctx -> ctx.json(queues.digest(actor(ctx), ctx.pathParam("name"), QueryParams.date(ctx, "date"))), REVIEWERS);
        app.get("/api/v1/documents/{id}/review", ctx -> ctx.json(queues.item(actor(ctx), ctx.pathParam("id"))), DOCUMENT_READERS);
        app.post("/api/v1/documents/{id}/decisions", ctx -> ctx.json(decisions.decide(actor(ctx), ctx.pathParam("id"),
                body(ctx, DecisionRequest.class))), REVIEWERS);
        app.get("/api/v1/documents/{id}/redactions", ctx -> ctx.json(Map.of("redactions", decisions.redactions(actor(ctx), ctx.pathParam("id")))),
                DOCUMENT_READERS);
        app.post("/api/v1/decisions/bulk", this::bulk, REVIEWERS);
        app.get("/api/v1/statistics", this::statistics, RouteAccess.DOCUMENT_OFFICE);
        app.get("/api/v1/dictionaries/suggestions", ctx -> ctx.json(Map.of("suggestions",
                statistics.suggestions(actor(ctx), number(ctx.queryParam("min"), 1)))), RouteAccess.DOCUMENT_OFFICE, RouteAccess.SECRECY_REVIEWER);
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
        StatisticsService.Statistics s = statistics.statistics(actor(ctx), QueryParams.date(ctx, "from"), QueryParams.date(ctx, "to"), ctx.queryParam("department"));
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

    private static Actor actor(Context ctx) {
        return AccessGuard.actor(ctx);
    }

    private <T> T body(Context ctx, Class<T> type) {
        try {
            return json.readValue(ctx.body(), type);
        } catch (JacksonException e) {
            throw ApiException.badRequest("BAD_JSON", "请求体不是有效的 JSON 或字段类型不符：" + e.getOriginalMessage(),
                    "the body is not valid JSON or a field has the wrong type: " + e.getOriginalMessage());
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
