package org.gongkai.server.http;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Query parameters the endpoints share (workbench, register, queues, maintenance): dates as yyyy-MM-dd and bounded integers, bad ones a 400. */
public final class QueryParams {
    private QueryParams() {
    }

    public static LocalDate date(Context ctx, String param) {
        String v = ctx.queryParam(param);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("BAD_DATE", param + " 应为 yyyy-MM-dd 格式的日期", param + " must be a date as yyyy-MM-dd");
        }
    }

    public static int number(Context ctx, String param, int dflt, int min, int max) {
        String v = ctx.queryParam(param);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(v.strip())));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("BAD_NUMBER", param + " 应为整数", param + " must be an integer");
        }
    }
}
