package org.gongkai.server.document.pages;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.gongkai.server.access.AccessGuard;
import org.gongkai.server.access.RouteAccess;
import org.gongkai.server.http.ApiException;

/**
 * {@code GET /api/v1/documents/{id}/pages/{n}} (the page as PNG, {@code ?dpi=72|96|120|150|200}) and
 * {@code GET /api/v1/documents/{id}/pages/{n}/boxes} (where the page's findings stand on it).
 */
public final class PageController {
    private final PageService service;

    public PageController(PageService service) {
        this.service = service;
    }

    public void routes(Javalin app) {
        app.get("/api/v1/documents/{id}/pages/{n}", this::image, RouteAccess.DOCUMENT_READERS);
        app.get("/api/v1/documents/{id}/pages/{n}/boxes", ctx -> ctx.json(service.boxes(AccessGuard.actor(ctx), ctx.pathParam("id"), page(ctx))),
                RouteAccess.DOCUMENT_READERS);
    }

    private void image(Context ctx) {
        byte[] png = service.image(AccessGuard.actor(ctx), ctx.pathParam("id"), page(ctx), dpi(ctx), ctx.ip());
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.res().setCharacterEncoding(null); // a picture has no charset (Jetty would add the default JSON one)
        ctx.contentType("image/png").result(png);
    }

    private static int page(Context ctx) {
        return number(ctx.pathParam("n"), 1, 100_000, "BAD_PAGE", "页码应为正整数", "the page number must be a positive integer");
    }

    private static int dpi(Context ctx) {
        String v = ctx.queryParam("dpi");
        return v == null ? PageService.DEFAULT_DPI : number(v, 1, 10_000, "BAD_DPI", "dpi 应为 72–200 的整数", "dpi must be an integer from 72 to 200");
    }

    private static int number(String v, int min, int max, String code, String chinese, String english) {
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest(code, chinese + "：" + v, english + ": " + v);
    }
}
