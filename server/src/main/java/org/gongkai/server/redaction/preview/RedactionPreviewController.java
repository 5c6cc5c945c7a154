package org.gongkai.server.redaction.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gongkai.server.access.AccessGuard;
import org.gongkai.server.access.RouteAccess;
import org.gongkai.server.http.ApiException;
import org.gongkai.server.redaction.RedactedCopy;
import org.gongkai.server.redaction.RedactedRenderer;

/**
 * {@code POST /api/v1/documents/{id}/redaction-preview} with {@code {"findings": ["…", …]}}: the preview as JSON, or
 * with {@code ?format=docx} / {@code ?format=pdf} as a file (marked as a preview on its first line and in the DOCX
 * header, and read back before it is sent: a file in which removed text can still be found is refused).
 */
public final class RedactionPreviewController {
    private final RedactionPreviewService service;
    private final RedactedRenderer renderer;
    private final ObjectMapper json;

    public RedactionPreviewController(RedactionPreviewService service, RedactedRenderer renderer, ObjectMapper json) {
        this.service = service;
        this.renderer = renderer;
        this.json = json;
    }

    public void routes(Javalin app) {
        app.post("/api/v1/documents/{id}/redaction-preview", this::preview, RouteAccess.REVIEWERS);
    }

    private void preview(Context ctx) throws Exception {
        String f = ctx.queryParam("format");
        String format = f == null ? "json" : f.strip().toLowerCase(Locale.ROOT);
        if (!format.equals("json") && !format.equals("docx") && !format.equals("pdf")) {
            throw ApiException.badRequest("BAD_FORMAT", "format 只能是 json、docx 或 pdf", "format must be json, docx or pdf");
        }
        RedactionPreviewService.Outcome o = service.copy(AccessGuard.actor(ctx), ctx.pathParam("id"), findings(ctx.body()), ctx.ip());
        if (format.equals("json")) {
            ctx.json(service.describe(o));
            return;
        }
        RedactedCopy c = service.withBanner(o.copy(), format.equals("docx"));
        byte[] file;
        try {
            file = format.equals("pdf") ? renderer.pdf(c) : renderer.docx(c);
        } catch (IllegalStateException e) {
            throw new ApiException(422, "REDACTION_CHECK_FAILED", "预览稿回读时仍能找到应删除的文字，已拒绝生成；请检查所选发现",
                    "removed text could still be found when the preview file was read back, so it is not handed out; check the findings chosen");
        }
        ctx.header("Content-Disposition", "attachment; filename=\"redaction-preview-" + c.documentId() + "." + format + "\"");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.res().setCharacterEncoding(null);
        ctx.contentType(format.equals("pdf") ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document").result(file);
    }

    private List<String> findings(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (Exception e) {
            root = null;
        }
        JsonNode list = root == null ? null : root.get("findings");
        if (list == null || !list.isArray()) {
            throw ApiException.badRequest("BAD_BODY", "请求体应为 JSON：{\"findings\": [\"发现编号\", …]}", "the body must be JSON: {\"findings\": [\"finding id\", …]}");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : list) {
            if (!n.isTextual() || n.asText().length() > 64) {
                throw ApiException.badRequest("BAD_BODY", "findings 中每项应为发现编号（字符串）", "each entry of findings must be a finding id (a string)");
            }
            out.add(n.asText());
        }
        return out;
    }
}
