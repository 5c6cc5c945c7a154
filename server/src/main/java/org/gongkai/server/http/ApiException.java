package org.gongkai.server.http;

/**
 * An error a client can act on, answered as {@code {"error": {"code", "message"}}} with the message in
 * Chinese and English. Services throw it; the HTTP layer maps it in one place ({@link ErrorMapping}).
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;

    public ApiException(int status, String code, String chinese, String english) {
        super(chinese + " / " + english);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiException badRequest(String code, String chinese, String english) {
        return new ApiException(400, code, chinese, english);
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(404, "NOT_FOUND", "找不到" + what + "：" + id, what + " not found: " + id);
    }
}
