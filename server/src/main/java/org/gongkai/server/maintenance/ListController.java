package org.gongkai.server.maintenance;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import org.gongkai.server.access.AccessGuard;
import org.gongkai.server.access.RouteAccess;
import org.gongkai.server.http.ApiException;
import org.gongkai.server.http.QueryParams;

/** HTTP in and out for the word-list and rules editor ({@link ListEditor}). */
public final class ListController {
    private final ListEditor editor;
    private final ObjectMapper json;

    public ListController(ListEditor editor, ObjectMapper json) {
        this.editor = editor;
        this.json = json;
    }

    public void routes(Javalin app) {
        app.get("/api/v1/lists", ctx -> ctx.json(Map.of("files", editor.files(AccessGuard.actor(ctx)))), RouteAccess.DOCUMENT_OFFICE,
                RouteAccess.SECRECY_REVIEWER);
        app.get("/api/v1/lists/{kind}/{file}", ctx -> ctx.json(editor.content(AccessGuard.actor(ctx), ctx.pathParam("kind"), ctx.pathParam("file"))),
                RouteAccess.DOCUMENT_OFFICE, RouteAccess.SECRECY_REVIEWER);
        app.put("/api/v1/lists/{kind}/{file}", ctx -> ctx.json(editor.change(AccessGuard.actor(ctx), ctx.pathParam("kind"), ctx.pathParam("file"),
                body(ctx))), RouteAccess.DOCUMENT_OFFICE);
        app.get("/api/v1/lists/{kind}/{file}/history", ctx -> ctx.json(Map.of("changes", editor.history(AccessGuard.actor(ctx), ctx.pathParam("kind"),
                ctx.pathParam("file"), QueryParams.number(ctx, "offset", 0, 0, 100_000), QueryParams.number(ctx, "limit", 20, 1, 100)))),
                RouteAccess.DOCUMENT_OFFICE, RouteAccess.SECRECY_REVIEWER);
    }

    private ListEditor.Change body(Context ctx) {
        try {
            return json.readValue(ctx.body(), ListEditor.Change.class);
        } catch (JacksonException e) {
            throw ApiException.badRequest("BAD_JSON", "请求体不是有效的 JSON 或字段类型不符", "the body is not valid JSON or a field has the wrong type");
        }
    }
}
