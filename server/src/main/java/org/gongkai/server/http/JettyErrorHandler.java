package org.gongkai.server.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own answers — a request line or headers too long (414, 431), a malformed request (400), anything
 * Jetty rejects before gongkai sees it — in the contract's JSON error form with the security headers, instead of
 * Jetty's HTML page (which names the server and version).
 */
public final class JettyErrorHandler extends ErrorHandler {
    public JettyErrorHandler() {
        setShowStacks(false);
        setShowServlet(false);
    }

    /** Errors found while parsing the request (URI too long, headers too large, bad request line). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        fields.put("X-Content-Type-Options", "nosniff");
        fields.put("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        return ByteBuffer.wrap(body(status).getBytes(StandardCharsets.UTF_8));
    }

    /** Errors Jetty raises after parsing, outside Javalin's handlers. */
    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response, int code, String message)
            throws IOException {
        baseRequest.setHandled(true);
        response.setContentType("application/json; charset=utf-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        response.getOutputStream().write(body(code).getBytes(StandardCharsets.UTF_8));
    }

    static String body(int status) {
        String[] m = switch (status) {
            case 414 -> new String[] {"URI_TOO_LONG", "请求地址过长 / request URI too long"};
            case 431 -> new String[] {"HEADERS_TOO_LARGE", "请求头过大 / request headers too large"};
            case 413 -> new String[] {"TOO_LARGE", "请求内容过大 / request too large"};
            case 400 -> new String[] {"BAD_REQUEST", "请求格式错误 / malformed request"};
            default -> new String[] {status >= 500 ? "INTERNAL" : "HTTP_" + status, "请求失败 / request failed (" + status + ")"};
        };
        return "{\"error\":{\"code\":\"" + m[0] + "\",\"message\":\"" + m[1] + "\"}}";
    }
}
