package org.gongkai.server.http;

/** Checks of text fields a request carries, shared by intake and decisions: bad ones a 400 in Chinese and English. */
public final class RequestFields {
    private RequestFields() {
    }

    /** The field stripped, null when absent or blank; 400 FIELD_TOO_LONG over {@code max} characters. */
    public static String text(String v, int max, String field) {
        if (v == null || v.isBlank()) {
            return null;
        }
        String s = v.strip();
        if (s.length() > max) {
            throw ApiException.badRequest("FIELD_TOO_LONG", "字段 " + field + " 过长（上限 " + max + " 字符）", "field '" + field + "' is longer than " + max + " characters");
        }
        return s;
    }
}
