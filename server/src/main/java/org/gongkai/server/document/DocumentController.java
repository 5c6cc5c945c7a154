package org.gongkai.server.document;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
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
    static final int MAX_WAIT_SECONDS = 30;

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

    /**
     * The report; with {@code ?wait=N} (N ≤ 30 s) answered as soon as the document is CHECKED, or at N seconds as it
     * stands. Opening a report that holds personal or secret content is written to the security audit.
     */
    private void report(Context ctx) {
        Actor actor = AccessGuard.actor(ctx);
        String id = ctx.pathParam("id");
        String wait = ctx.queryParam("wait");
        if (wait == null) {
            ctx.json(audited(actor, service.report(actor, id), ctx.ip()));
            return;
        }
        Duration max = waitSeconds(wait);
        String ip = ctx.ip();
        ctx.future(() -> service.reportWhenChecked(actor, id, max).thenAccept(r -> ctx.json(audited(actor, r, ip))));
    }

    private Report audited(Actor actor, Report r, String ip) {
        access.opened(actor, r.id(), "查看检查报告", r.findings().stream().map(org.gongkai.server.pipeline.ReportedFinding::category).toList(), ip);
        return r;
    }

    static Duration waitSeconds(String wait) {
        try {
            double s = Double.parseDouble(wait.strip());
            if (s >= 0 && s <= MAX_WAIT_SECONDS) {
                return Duration.ofMillis((long) (s * 1000));
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("BAD_WAIT", "wait 应为 0–" + MAX_WAIT_SECONDS + " 之间的秒数",
                "wait must be a number of seconds from 0 to " + MAX_WAIT_SECONDS);
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
