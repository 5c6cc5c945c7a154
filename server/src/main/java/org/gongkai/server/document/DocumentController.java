package org.gongkai.server.document;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.access.AccessGuard;
import org.gongkai.server.access.DocumentAccess;
import org.gongkai.server.access.RouteAccess;
import org.gongkai.server.http.ApiException;

/** HTTP in and out for documents; all decisions are the service's. */
public final class DocumentController {
    private final DocumentService service;
    private final DocumentAccess access;
    private final Consumer<String> onReceived;

    /**
     * @param onReceived told the id of every accepted upload (the processing queue)
     */
    public DocumentController(DocumentService service, DocumentAccess access, Consumer<String> onReceived) {
        this.service = service;
        this.access = access;
        this.onReceived = onReceived;
    }

    public void routes(Javalin app) {
        app.post("/api/v1/documents", this::upload, RouteAccess.DRAFTER, RouteAccess.DOCUMENT_OFFICE);
        app.get("/api/v1/documents/{id}", this::report, RouteAccess.DOCUMENT_READERS);
        app.get("/api/v1/documents/{id}/history", ctx -> ctx.json(service.history(AccessGuard.actor(ctx), ctx.pathParam("id"))),
                RouteAccess.DOCUMENT_READERS);
    }

    private void report(Context ctx) {
        Actor actor = AccessGuard.actor(ctx);
        Report r = service.report(actor, ctx.pathParam("id"));
        access.opened(actor, r.id(), "查看检查报告", r.findings().stream().map(org.gongkai.server.pipeline.ReportedFinding::category).toList(), ctx.ip());
        ctx.json(r);
    }

    private void upload(Context ctx) throws IOException {
        long declaredLength = ctx.contentLength();
        if (declaredLength > service.maxUploadBytes() + 1024 * 1024) {
            throw service.tooLarge();
        }
        String ct = ctx.contentType();
        if (ct == null || !ct.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            throw ApiException.badRequest("NOT_MULTIPART", "请以 multipart/form-data 上传，文件放在 file 字段",
                    "send multipart/form-data with the document in the 'file' field");
        }
        Map<String, List<UploadedFile>> files;
        Map<String, List<String>> fields;
        try {
            files = ctx.uploadedFileMap();
            fields = ctx.formParamMap();
        } catch (Exception e) { // Jetty throws IOException("Incomplete Multipart") through Kotlin undeclared
            throw multipartError(e);
        }
        UploadedFile file = first(files.get("file"));
        if (file == null) {
            throw ApiException.badRequest("NO_FILE", "缺少上传文件：请把文件放在 file 字段", "no file: put the document in the 'file' field");
        }
        UploadedFile interp = first(files.get("interpretation"));
        Actor actor = AccessGuard.actor(ctx);
        try (InputStream in = file.content(); InputStream interpIn = interp == null ? null : interp.content()) {
            DocumentService.Receipt r = service.receive(actor, new Intake(file.filename(), in, field(fields, "attribute"),
                    field(fields, "reason"), field(fields, "department"), field(fields, "supersedes"),
                    interp == null ? null : new Intake.Attachment(interp.filename(), interpIn)));
            onReceived.accept(r.id());
            ctx.status(202).header("Location", "/api/v1/documents/" + r.id());
            ctx.json(r.duplicateOf() == null ? Map.of("id", r.id(), "status", r.status())
                    : Map.of("id", r.id(), "status", r.status(), "duplicateOf", r.duplicateOf()));
        }
    }

    private ApiException multipartError(Exception e) {
        Throwable t = e;
        while (t != null) {
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("exceeds") || m.contains("too large") || m.contains("max file size") || m.contains("maxrequestsize")
                    || m.contains("max filesize") || m.contains("maxfilesize")) {
                return service.tooLarge();
            }
            t = t.getCause();
        }
        return ApiException.badRequest("BAD_MULTIPART", "上传内容格式错误（multipart 无法解析）", "malformed multipart body");
    }

    private static UploadedFile first(List<UploadedFile> l) {
        return l == null || l.isEmpty() ? null : l.get(0);
    }

    private static String field(Map<String, List<String>> fields, String name) {
        List<String> v = fields.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
