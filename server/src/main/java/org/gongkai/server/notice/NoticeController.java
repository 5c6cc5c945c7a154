package org.gongkai.server.notice;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Locale;
import org.gongkai.server.access.AccessGuard;
import org.gongkai.server.access.RouteAccess;
import org.gongkai.server.http.ApiException;

/**
 * {@code GET /api/v1/documents/{id}/return-notice}: JSON by default, {@code ?format=html} (or
 * {@code Accept: text/html}) a printable page, {@code ?format=pdf} (or {@code Accept: application/pdf}) an A4
 * PDF with the Chinese font embedded.
 */
public final class NoticeController {
    private final ReturnNoticeService notices;
    private final NoticeRenderer renderer;

    public NoticeController(ReturnNoticeService notices, NoticeRenderer renderer) {
        this.notices = notices;
        this.renderer = renderer;
    }

    public void routes(Javalin app) {
        app.get("/api/v1/documents/{id}/return-notice", this::notice, RouteAccess.DOCUMENT_READERS);
    }

    private void notice(Context ctx) throws Exception {
        String format = format(ctx);
        ReturnNoticeView n = notices.notice(AccessGuard.actor(ctx), ctx.pathParam("id"));
        switch (format) {
            case "html" -> {
                ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
                ctx.contentType("text/html; charset=utf-8").result(renderer.html(n));
            }
            case "pdf" -> {
                byte[] pdf = renderer.pdf(n);
                ctx.header("Content-Disposition", "inline; filename=\"return-notice-" + n.documentId() + ".pdf\"");
                ctx.contentType("application/pdf").result(pdf);
            }
            default -> ctx.json(n);
        }
    }

    static String format(Context ctx) {
        String f = ctx.queryParam("format");
        if (f != null) {
            f = f.strip().toLowerCase(Locale.ROOT);
            if (!f.equals("json") && !f.equals("html") && !f.equals("pdf")) {
                throw ApiException.badRequest("BAD_FORMAT", "format 只能是 json、html 或 pdf", "format must be json, html or pdf");
            }
            return f;
        }
        String accept = ctx.header("Accept");
        if (accept != null) {
            String a = accept.toLowerCase(Locale.ROOT);
            if (a.startsWith("application/pdf")) {
                return "pdf";
            }
            if (a.startsWith("text/html")) {
                return "html";
            }
        }
        return "json";
    }
}
