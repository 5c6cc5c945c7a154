package org.gongkai.server.queue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.http.ApiException;
import org.gongkai.server.storage.Database;
import org.gongkai.spi.Attribute;
import org.gongkai.spi.Category;
import org.gongkai.spi.Route;

/**
 * Figures for the annual report on government information disclosure (政府信息公开工作年度报告): documents by
 * attribute, route, department and finding category, decisions by action and outcomes, for one period and
 * optionally one department; and, from reviewers' dismissed findings, allow-list suggestions for the
 * dictionary maintainers.
 */
public final class StatisticsService {
    /** Identifiers of one person: never a term a list could allow, and never shown to people who may not see them. */
    private static final java.util.Set<String> PERSONAL = java.util.Set.of("ID_NUMBER", "PHONE_NUMBER", "BANK_CARD", "EMAIL", "ADDRESS",
            "PASSPORT", "LICENSE_PLATE");
    private static final int MAX_REASONS = 5;
    private final Database db;
    private final ReviewClock clock;

    public StatisticsService(Database db, ReviewClock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * The statistics of a period.
     *
     * @param from first day (inclusive), China time
     * @param to   last day (inclusive)
     */
    public record Statistics(LocalDate from, LocalDate to, String department, long documents, Map<String, Long> byAttribute,
                             Map<String, Long> byRoute, Map<String, Long> byDepartment, Map<String, Long> byCategory,
                             Map<String, Long> byDecision, Map<String, Long> byOutcome) {
    }

    /** A term reviewers keep dismissing: a candidate for the dictionary's allow-list. */
    public record Suggestion(String category, String categoryName, String text, String detector, int dismissed, int confirmed, int documents,
                             List<String> reasons, String advice) {
    }

    /** Statistics for a period; {@code from} defaults to 1 January of this year and {@code to} to today. */
    public Statistics statistics(Actor actor, LocalDate from, LocalDate to, String department) {
        LocalDate f = from == null ? LocalDate.of(clock.today().getYear(), 1, 1) : from;
        LocalDate t = to == null ? clock.today() : to;
        if (t.isBefore(f)) {
            throw ApiException.badRequest("BAD_PERIOD", "统计期间无效：" + f + " 晚于 " + t, "bad period: " + f + " is after " + t);
        }
        String dept = department == null || department.isBlank() ? null : department.strip();
        OffsetDateTime a = f.atStartOfDay(ReviewClock.CHINA).toOffsetDateTime();
        OffsetDateTime b = t.plusDays(1).atStartOfDay(ReviewClock.CHINA).toOffsetDateTime();
        return db.jdbi().withExtension(StatisticsDao.class, d -> {
            Map<String, Long> attr = map(d.byAttribute(a, b, dept));
            return new Statistics(f, t, dept, attr.values().stream().mapToLong(Long::longValue).sum(), attr, map(d.byRoute(a, b, dept)),
                    map(d.byDepartment(a, b, dept)), map(d.byCategory(a, b, dept)), map(d.byDecision(a, b, dept)), map(d.byOutcome(a, b, dept)));
        });
    }

    /** The same figures as CSV (UTF-8 with BOM, so that spreadsheet programs read the Chinese names): dimension,key,name,count. */
    public String csv(Statistics s) {
        StringBuilder b = new StringBuilder("\uFEFFdimension,key,name,count\r\n");
        row(b, "period", s.from() + "/" + s.to(), s.department() == null ? "全部单位" : s.department(), s.documents());
        s.byAttribute().forEach((k, v) -> row(b, "attribute", k, name(k, n -> Attribute.valueOf(n).chinese()), v));
        s.byRoute().forEach((k, v) -> row(b, "route", k, name(k, n -> Route.valueOf(n).chinese()), v));
        s.byDepartment().forEach((k, v) -> row(b, "department", k, k.isEmpty() ? "未填写" : k, v));
        s.byCategory().forEach((k, v) -> row(b, "category", k, name(k, n -> Category.valueOf(n).chinese()), v));
        s.byDecision().forEach((k, v) -> row(b, "decision", k, name(k, n -> DecisionRequest.Action.valueOf(n).chinese()), v));
        s.byOutcome().forEach((k, v) -> row(b, "outcome", k, switch (k) {
            case QueueConfig.PUBLISHED -> "已公开";
            case QueueConfig.REGISTERED -> "登记备案";
            case QueueConfig.RETURNED -> "退回";
            default -> k;
        }, v));
        return b.toString();
    }

    /**
     * Terms whose findings reviewers dismissed more often than they confirmed (latest verdict per finding),
     * most dismissed first. Never a personal identifier, and a PERSON_NAME term only when no reviewer ever confirmed
     * it and every dismissal said it is not a name (words such as 向社会 that the recogniser mistakes), so a private
     * person's name is never offered.
     */
    public List<Suggestion> suggestions(Actor actor, int minDismissed) {
        Map<String, List<DecisionDao.DismissalRow>> groups = new LinkedHashMap<>();
        for (DecisionDao.DismissalRow r : db.jdbi().withExtension(DecisionDao.class, DecisionDao::latestVerdictsWithFindings)) {
            if (PERSONAL.contains(r.category())) {
                continue;
            }
            groups.computeIfAbsent(r.category() + "\u0000" + r.matchedText() + "\u0000" + r.detector(), k -> new ArrayList<>()).add(r);
        }
        List<Suggestion> out = new ArrayList<>();
        for (List<DecisionDao.DismissalRow> g : groups.values()) {
            int dismissed = (int) g.stream().filter(r -> r.verdict().equals("DISMISSED")).count();
            int confirmed = g.size() - dismissed;
            if (dismissed < Math.max(1, minDismissed) || dismissed <= confirmed || ("PERSON_NAME".equals(g.get(0).category()) && !notAName(g))) {
                continue;
            }
            DecisionDao.DismissalRow first = g.get(0);
            String cname = name(first.category(), n -> Category.valueOf(n).chinese());
            out.add(new Suggestion(first.category(), cname, first.matchedText(), first.detector(), dismissed, confirmed,
                    (int) g.stream().map(DecisionDao.DismissalRow::documentId).distinct().count(),
                    g.stream().filter(r -> r.verdict().equals("DISMISSED") && r.reason() != null).map(DecisionDao.DismissalRow::reason)
                            .distinct().limit(MAX_REASONS).toList(),
                    "建议将“" + first.matchedText() + "”加入检测器 " + first.detector() + " 的允许列表（" + cname + "）：审查人排除 " + dismissed
                            + " 次、确认 " + confirmed + " 次"));
        }
        out.sort(Comparator.comparingInt(Suggestion::dismissed).reversed().thenComparing(Suggestion::text));
        return out;
    }

    /**
     * A PERSON_NAME term is offered only when no reviewer confirmed it and every dismissal said it is not a name at all
     * (the review page's reason “不是人名”): a real person's name dismissed for another reason (an official acting in
     * office) is still a name, and no statistical test can tell 向社会 from 张三 (HanLP tags both nr).
     */
    private static boolean notAName(List<DecisionDao.DismissalRow> g) {
        return g.stream().allMatch(r -> r.verdict().equals("DISMISSED") && r.reason() != null
                && (r.reason().contains("不是人名") || r.reason().contains("非人名") || r.reason().contains("不是姓名")));
    }

    private static Map<String, Long> map(List<StatisticsDao.Bucket> buckets) {
        Map<String, Long> m = new TreeMap<>();
        buckets.forEach(b -> m.put(b.bucket(), b.total()));
        return m;
    }

    private static String name(String key, Function<String, String> lookup) {
        try {
            return lookup.apply(key);
        } catch (IllegalArgumentException e) {
            return key;
        }
    }

    private static void row(StringBuilder b, String dimension, String key, String name, long count) {
        b.append(cell(dimension)).append(',').append(cell(key)).append(',').append(cell(name)).append(',').append(count).append("\r\n");
    }

    /** Quotes a CSV cell when needed, and defuses spreadsheet formulas (a leading = + - @). */
    static String cell(String v) {
        String s = v == null ? "" : v;
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
