package org.gongkai.server.workbench;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.gongkai.server.http.ApiException;

/**
 * Filters of a document list or search: department, route, state, the day received (Beijing time) and words in the
 * title or file name. Values are checked here so a bad filter is a 400 in Chinese and English, never a 500.
 *
 * @param state one of {@link #STATES}, or null for all
 */
public record ListingFilter(String department, String route, String state, LocalDate from, LocalDate to, String text, boolean mine) {
    /** The states a document can be in, as lists show them. */
    public static final Set<String> STATES = Set.of("PROCESSING", "OPEN", "PUBLISHED", "REGISTERED", "RETURNED");
    private static final Set<String> ROUTES = Set.of("RETURNED", "SECRECY_REVIEW", "DISCLOSURE_REVIEW", "PUBLICATION_REVIEW", "REGISTERED",
            "MANUAL_REVIEW");

    public static final ListingFilter NONE = new ListingFilter(null, null, null, null, null, null, false);

    public ListingFilter {
        department = blank(department, 200);
        route = blank(route, 30);
        state = blank(state, 20);
        text = blank(text, 200);
        if (route != null && !ROUTES.contains(route.toUpperCase(Locale.ROOT))) {
            throw ApiException.badRequest("BAD_ROUTE", "分流取值无效：" + route, "unknown route: " + route);
        }
        if (state != null && !STATES.contains(state.toUpperCase(Locale.ROOT))) {
            throw ApiException.badRequest("BAD_STATE", "状态取值无效：" + state + "（应为 " + String.join("、", STATES) + "）", "unknown state: " + state);
        }
        route = route == null ? null : route.toUpperCase(Locale.ROOT);
        state = state == null ? null : state.toUpperCase(Locale.ROOT);
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.badRequest("BAD_PERIOD", "日期范围无效：起始日期晚于结束日期", "bad period: from is after to");
        }
    }

    /** Whether any filter beyond the caller's own access is set. */
    public boolean any() {
        return department != null || route != null || state != null || from != null || to != null || text != null || mine;
    }

    private static String blank(String v, int max) {
        if (v == null || v.isBlank()) {
            return null;
        }
        String s = v.strip();
        if (s.length() > max) {
            throw ApiException.badRequest("FIELD_TOO_LONG", "筛选条件过长", "filter value too long");
        }
        return s;
    }
}
