package org.gongkai.personal;

/**
 * Each kind of personal value as it may be published, built from the finding's own value (DOMAIN.md: masked forms
 * such as "500105********4428" and "139****5678" are fine to publish).
 */
final class Masks {
    private Masks() {
    }

    /** Keeps the first {@code head} and last {@code tail} characters of the value's letters and digits. */
    static String keep(String value, int head, int tail) {
        String v = value.replaceAll("[\\s\\-－—]", "");
        if (v.length() <= head + tail) {
            return "*".repeat(v.length());
        }
        return v.substring(0, head) + "*".repeat(v.length() - head - tail) + v.substring(v.length() - tail);
    }

    /** 500105********4428: area code and the last four kept, the birth date hidden. */
    static String idNumber(String value) {
        return keep(value, 6, 4);
    }

    /** 139****5678 for a mobile; a landline keeps its area code and last two digits. */
    static String phone(String value) {
        String d = value.replaceAll("[^0-9]", "");
        if (d.length() == 11 && d.charAt(0) == '1') {
            return d.substring(0, 3) + "****" + d.substring(7);
        }
        if (d.startsWith("86") && d.length() == 13) {
            return phone(d.substring(2));
        }
        int area = d.startsWith("01") || d.startsWith("02") ? 3 : 4;
        return d.length() > area + 2 ? d.substring(0, area) + "-" + "*".repeat(d.length() - area - 2) + d.substring(d.length() - 2) : keep(d, 0, 0);
    }

    static String bankCard(String value) {
        return keep(value.replaceAll("[^0-9]", ""), 4, 4);
    }

    /** 王某某: the surname kept, one 某 for each character of the given name. */
    static String name(String value) {
        String v = value.replaceAll("\\s", "");
        int dot = v.indexOf('·');
        if (dot > 0) {
            return v.substring(0, dot) + "·某某";
        }
        int surname = Surnames.compound(v) ? 2 : 1;
        return v.length() <= surname ? v : v.substring(0, surname) + "某".repeat(Math.min(2, v.length() - surname));
    }

    /** z***@qq.com */
    static String email(String value) {
        int at = Math.max(value.indexOf('@'), value.indexOf('＠'));
        return at <= 0 ? "***" : value.charAt(0) + "***" + value.substring(at);
    }

    /** The house, building, unit and flat numbers hidden: 建新北路**号*单元***室. */
    static String address(String value) {
        return value.replaceAll("\\s", "").replaceAll("[0-9０-９]", "*");
    }

    static String passport(String value) {
        return keep(value, 3, 2);
    }

    /** 渝A·***45 */
    static String plate(String value) {
        String v = value.replaceAll("[·•.\\s]", "");
        return v.length() < 4 ? v : v.substring(0, 2) + "·" + "*".repeat(v.length() - 4) + v.substring(v.length() - 2);
    }
}
