package org.gongkai.server.document.view;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import org.gongkai.server.access.AccessGuard;
import org.gongkai.server.access.RouteAccess;
import org.gongkai.server.http.ApiException;

/**
 * {@code GET /api/v1/documents/{id}/text} (the text view; {@code ?from=} block index and {@code ?maxChars=} for a
 * window of a large document) and {@code GET /api/v1/documents/{id}/original} (the stored original as a download).
 */
public final class DocumentViewController {
    private final TextViewService text;
    private final OriginalService originals;

    public DocumentViewController(TextViewService text, OriginalService originals) {
        this.text = text;
        this.originals = originals;
    }

    public void routes(Javalin app) {
        app.get("/api/v1/documents/{id}/text", ctx -> ctx.json(text.view(AccessGuard.actor(ctx), ctx.pathParam("id"),
                number(ctx, "from", 0, Integer.MAX_VALUE, 0), number(ctx, "maxChars", 1, Integer.MAX_VALUE, TextViewService.DEFAULT_CHARS), ctx.ip())),
                RouteAccess.DOCUMENT_READERS);
        app.get("/api/v1/documents/{id}/original", this::original, RouteAccess.DOCUMENT_READERS);
    }

    private void original(Context ctx) throws IOException {
        OriginalService.Original o = originals.original(AccessGuard.actor(ctx), ctx.pathParam("id"), ctx.ip());
        // a download, never a page: no sniffing, no rendering inline, no scripts even if a browser tried
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Disposition", o.contentDisposition());
        ctx.header("Content-Security-Policy", "sandbox; default-src 'none'");
        ctx.res().setCharacterEncoding(null); // the file's own bytes: no charset of ours
        ctx.contentType(o.contentType()).result(Files.newInputStream(o.file()));
    }

    private static int number(Context ctx, String name, int min, int max, int absent) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return absent;
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n >= min) {
                return (int) Math.min(n, max);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("BAD_" + name.toUpperCase(java.util.Locale.ROOT), name + " 应为不小于 " + min + " 的整数：" + v,
                name + " must be an integer of at least " + min + ": " + v);
    }
}
