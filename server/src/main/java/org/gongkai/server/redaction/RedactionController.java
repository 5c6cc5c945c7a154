package org.gongkai.server.redaction;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import org.gongkai.server.access.AccessGuard;
import org.gongkai.server.access.RouteAccess;
import org.gongkai.server.http.ApiException;

/**
 * {@code GET /api/v1/documents/{id}/redacted}: the list of what was removed and why (JSON), or with
 * {@code ?format=docx} / {@code ?format=pdf} the publication copy itself.
 */
public final class RedactionController {
    private final RedactionService service;
    private final RedactedRenderer renderer;

    public RedactionController(RedactionService service, RedactedRenderer renderer) {
        this.service = service;
        this.renderer = renderer;
    }

    public void routes(Javalin app) {
        app.get("/api/v1/documents/{id}/redacted", this::redacted, RouteAccess.DOCUMENT_READERS);
    }

    private void redacted(Context ctx) throws Exception {
        String f = ctx.queryParam("format");
        String format = f == null ? "json" : f.strip().toLowerCase(Locale.ROOT);
        if (!format.equals("json") && !format.equals("docx") && !format.equals("pdf")) {
            throw ApiException.badRequest("BAD_FORMAT", "format 只能是 json、docx 或 pdf", "format must be json, docx or pdf");
        }
        RedactedCopy c = service.copy(AccessGuard.actor(ctx), ctx.pathParam("id"));
        String base = "redacted-" + c.documentId();
        switch (format) {
            case "docx" -> {
                byte[] docx = renderer.docx(c);
                ctx.header("Content-Disposition", "attachment; filename=\"" + base + ".docx\"");
                ctx.contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document").result(docx);
            }
            case "pdf" -> {
                byte[] pdf = renderer.pdf(c);
                ctx.header("Content-Disposition", "attachment; filename=\"" + base + ".pdf\"");
                ctx.contentType("application/pdf").result(pdf);
            }
            default -> ctx.json(Map.of("documentId", c.documentId(), "fileName", c.fileName(), "complete", c.complete(),
                    "removed", c.removed(), "stripped", c.stripped(),
                    "downloads", Map.of("docx", "/api/v1/documents/" + c.documentId() + "/redacted?format=docx",
                            "pdf", "/api/v1/documents/" + c.documentId() + "/redacted?format=pdf")));
        }
    }
}
