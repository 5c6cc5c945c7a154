package org.gongkai.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every error to the contract's JSON in one place. Client errors keep their status; anything
 * unexpected is logged with its stack trace and answered 500 without one (and is a bug, since no client
 * input may cause a 5xx).
 */
public final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {
    }

    public static void install(Javalin app) {
        app.exception(ApiException.class, (e, ctx) -> {
            if (e.status() == 429) {
                ctx.header("Retry-After", "60");
            }
            answer(ctx, e.status(), e.code(), e.getMessage());
        });
        app.exception(HttpResponseException.class, (e, ctx) -> {
            int s = e.getStatus();
            answer(ctx, s, codeFor(s), messageFor(s, e.getMessage()));
        });
        // a server without a CJK font cannot write PDFs; the HTML and DOCX forms still work
        app.exception(org.gongkai.server.render.CjkPdfWriter.FontMissingException.class, (e, ctx) -> answer(ctx, 503, "PDF_UNAVAILABLE",
                "本服务器未安装中文字体，暂不能生成 PDF；请改用网页或 DOCX 版，或联系管理员 / no CJK font on this server, PDF output is unavailable; "
                        + "use the HTML or DOCX version or ask the administrator"));
        app.exception(Exception.class, (e, ctx) -> {
            if (clientCutOff(e)) {
                answer(ctx, 400, "UPLOAD_INCOMPLETE", "上传未完成：连接中断或请求体不完整，请重新上传 / upload incomplete: the request body ended early, please upload again");
                return;
            }
            LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            answer(ctx, 500, "INTERNAL", "服务器内部错误，请稍后重试；已记录日志 / internal server error; it has been logged, please retry later");
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                answer(ctx, 404, "NOT_FOUND", "找不到该地址：" + ctx.path() + " / no such resource: " + ctx.path());
            }
        });
        app.error(405, ctx -> answer(ctx, 405, "METHOD_NOT_ALLOWED", "不支持该请求方法 / method not allowed"));
    }

    /** Jetty's EofException / BadMessageException: the client sent a cut-off or malformed body. */
    static boolean clientCutOff(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String n = t.getClass().getName();
            if (n.endsWith("EofException") || n.endsWith("BadMessageException")) {
                return true;
            }
        }
        return false;
    }

    static void answer(Context ctx, int status, String code, String message) {
        if (ErrorPage.wanted(ctx)) {
            ctx.status(status).contentType("text/html; charset=utf-8").result(ErrorPage.html(status, message));
            return;
        }
        ctx.status(status).json(Map.of("error", Map.of("code", code, "message", message)));
    }

    private static String codeFor(int s) {
        return switch (s) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 413 -> "TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> s >= 500 ? "INTERNAL" : "HTTP_" + s;
        };
    }

    private static String messageFor(int s, String detail) {
        return switch (s) {
            case 400 -> "请求无效 / bad request" + (detail == null ? "" : ": " + detail);
            case 404 -> "找不到 / not found";
            case 413 -> "上传内容过大 / request too large";
            default -> "请求失败 / request failed (" + s + ")";
        };
    }
}
