package org.gongkai.server.register;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.http.ApiException;
import org.gongkai.server.queue.QueueConfig;
import org.gongkai.server.queue.ReviewClock;
import org.gongkai.server.storage.Database;
import org.gongkai.spi.Attribute;
import org.gongkai.spi.Category;
import org.jdbi.v3.core.Handle;

/**
 * Figures for the 政府信息公开工作年度报告, laid out as tables in the manner of the national format
 * (《中华人民共和国政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号: 信息内容 in the first column, counts for the year
 * in the next). gongkai fills what passes through it — the documents checked before publication — so the tables say
 * so; figures it cannot know (rules abolished, fees, applications received) are left to the office.
 */
public final class AnnualReport {
    private static final List<String> ATTRIBUTES = List.of("PUBLIC", "PARTIAL", "ON_REQUEST", "NOT_PUBLIC", "NONE");
    private final Database db;
    private final QueueConfig queues;
    private final ReviewClock clock;

    public AnnualReport(Database db, QueueConfig queues, ReviewClock clock) {
        this.db = db;
        this.queues = queues;
        this.clock = clock;
    }

    /** The year's tables and the series the page draws as charts. */
    public record Report(int year, String department, long documents, List<Table> tables, Map<String, Map<String, Long>> charts) {
    }

    public Report report(Actor actor, Integer year, String department) {
        RegisterService.requireOffice(actor);
        int y = year == null ? clock.today().getYear() : year;
        if (y < 2000 || y > 2100) {
            throw ApiException.badRequest("BAD_YEAR", "年份无效：" + y, "bad year: " + y);
        }
        String dept = department == null || department.isBlank() ? null : department.strip();
        OffsetDateTime from = LocalDate.of(y, 1, 1).atStartOfDay(ReviewClock.CHINA).toOffsetDateTime();
        OffsetDateTime to = LocalDate.of(y + 1, 1, 1).atStartOfDay(ReviewClock.CHINA).toOffsetDateTime();
        return db.jdbi().withHandle(h -> build(h, y, dept, from, to));
    }

    private Report build(Handle h, int y, String dept, OffsetDateTime from, OffsetDateTime to) {
        String docs = " FROM document d LEFT JOIN queue_item q ON q.document_id = d.id WHERE d.status = 'CHECKED' AND d.received_at >= :from "
                + "AND d.received_at < :to AND (CAST(:dept AS VARCHAR(200)) IS NULL OR d.department = :dept)";
        Map<String, Long> byAttr = counts(h, "SELECT COALESCE(d.effective_attribute, 'NONE'), COUNT(*)" + docs + " GROUP BY COALESCE(d.effective_attribute, 'NONE')",
                from, to, dept);
        long total = byAttr.values().stream().mapToLong(Long::longValue).sum();
        List<Table> tables = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (String a : ATTRIBUTES) {
            long n = byAttr.getOrDefault(a, 0L);
            rows.add(List.of(Attribute.valueOf(a).chinese(), n, total == 0 ? "—" : String.format("%.1f%%", 100.0 * n / total)));
        }
        rows.add(List.of("合计", total, total == 0 ? "—" : "100.0%"));
        tables.add(new Table("一、公文公开属性认定情况", y + " 年经本系统检查的公文（按检查时的最终认定）", List.of("公开属性", "件数", "占比"), rows));

        // 文种 × outcome (第二部分 主动公开政府信息情况, by kind of document)
        Map<String, long[]> byType = new TreeMap<>();
        h.createQuery("SELECT COALESCE(d.doc_type, '其他'), COUNT(*), SUM(CASE WHEN q.outcome = 'PUBLISHED' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN q.outcome = 'PUBLISHED' AND q.attribute = 'PARTIAL' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN q.outcome = 'REGISTERED' THEN 1 ELSE 0 END), SUM(CASE WHEN q.outcome = 'RETURNED' THEN 1 ELSE 0 END)"
                        + docs + " GROUP BY COALESCE(d.doc_type, '其他')")
                .bind("from", from).bind("to", to).bind("dept", dept)
                .map((rs, c) -> Map.entry(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)}))
                .forEach(e -> byType.put(e.getKey(), e.getValue()));
        rows = new ArrayList<>();
        long[] sum = new long[5];
        for (var e : byType.entrySet()) {
            List<Object> r = new ArrayList<>(List.of(e.getKey()));
            for (int i = 0; i < 5; i++) {
                r.add(e.getValue()[i]);
                sum[i] += e.getValue()[i];
            }
            rows.add(r);
        }
        rows.add(List.of("合计", sum[0], sum[1], sum[2], sum[3], sum[4]));
        tables.add(new Table("二、主动公开政府信息情况（按文种）", "参照年度报告格式第二部分；“本年制发件数”为本年送本系统检查的公文件数",
                List.of("信息内容（文种）", "本年制发件数", "本年主动公开件数", "其中部分公开", "登记备案（不公开）", "退回起草单位"), rows));

        // decisions per queue (公开前审查情况)
        Map<String, Map<String, Long>> perQueue = new LinkedHashMap<>();
        queues.queues().keySet().forEach(k -> perQueue.put(k, new HashMap<>()));
        h.createQuery("SELECT x.queue_name, x.action, COUNT(*) FROM decision x JOIN document d ON d.id = x.document_id WHERE x.decided_at >= :from "
                        + "AND x.decided_at < :to AND x.action <> 'RELEASE' AND (CAST(:dept AS VARCHAR(200)) IS NULL OR d.department = :dept) "
                        + "GROUP BY x.queue_name, x.action").bind("from", from).bind("to", to).bind("dept", dept)
                .map((rs, c) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)})
                .forEach(a -> perQueue.computeIfAbsent((String) a[0], k -> new HashMap<>()).put((String) a[1], (Long) a[2]));
        List<String> actions = List.of("APPROVE", "REDACT", "RETURN", "REGISTER", "ESCALATE");
        rows = new ArrayList<>();
        for (var e : perQueue.entrySet()) {
            List<Object> r = new ArrayList<>(List.of(queues.queue(e.getKey()).map(QueueConfig.QueueDefinition::title).orElse(e.getKey())));
            actions.forEach(a -> r.add(e.getValue().getOrDefault(a, 0L)));
            rows.add(r);
        }
        tables.add(new Table("三、公开前审查情况", "本年作出的审查决定（件次）", List.of("审查环节", "通过", "区分处理", "退回", "登记备案", "报审"), rows));

        // findings by category, with reviewers' verdicts
        List<List<Object>> found = new ArrayList<>();
        Map<String, Long> byCategory = new TreeMap<>();
        h.createQuery("SELECT f.category, COUNT(*), COUNT(DISTINCT f.document_id), "
                        + "SUM(CASE WHEN v.verdict = 'CONFIRMED' THEN 1 ELSE 0 END), SUM(CASE WHEN v.verdict = 'DISMISSED' THEN 1 ELSE 0 END) "
                        + "FROM finding f JOIN document d ON d.id = f.document_id LEFT JOIN finding_verdict v ON v.finding_id = f.id "
                        + "AND v.id = (SELECT MAX(w.id) FROM finding_verdict w WHERE w.finding_id = f.id) WHERE d.status = 'CHECKED' "
                        + "AND d.received_at >= :from AND d.received_at < :to AND (CAST(:dept AS VARCHAR(200)) IS NULL OR d.department = :dept) "
                        + "AND f.severity <> 'INFO' GROUP BY f.category ORDER BY COUNT(*) DESC")
                .bind("from", from).bind("to", to).bind("dept", dept)
                .map((rs, c) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)})
                .forEach(a -> {
                    String name = categoryName((String) a[0]);
                    byCategory.put(name, (Long) a[1]);
                    List<Object> r = new ArrayList<>(List.of(name));
                    r.add(a[1]);
                    r.add(a[2]);
                    r.add(a[3]);
                    r.add(a[4]);
                    // (a[1] - verdicts) findings nobody has judged: the check's word stands
                    r.add((Long) a[1] - (Long) a[3] - (Long) a[4]);
                    found.add(r);
                });
        tables.add(new Table("四、发现的问题（按类别）", "检查发现（不含提示级）与审查人的认定",
                List.of("类别", "发现件次", "涉及文件数", "审查确认", "审查排除", "未经人工认定"), found));

        Map<String, Long> byMonth = new LinkedHashMap<>();
        for (int m = 1; m <= 12; m++) {
            byMonth.put(m + "月", 0L);
        }
        h.createQuery("SELECT d.received_at" + docs).bind("from", from).bind("to", to).bind("dept", dept)
                .map((rs, c) -> rs.getObject(1, OffsetDateTime.class)).forEach(t -> byMonth.merge(clock.day(t).getMonthValue() + "月", 1L, Long::sum));
        Map<String, Long> attrChart = new LinkedHashMap<>();
        ATTRIBUTES.forEach(a -> attrChart.put(Attribute.valueOf(a).chinese(), byAttr.getOrDefault(a, 0L)));
        Map<String, Map<String, Long>> charts = new LinkedHashMap<>();
        charts.put("按月检查件数", byMonth);
        charts.put("公开属性", attrChart);
        charts.put("发现类别", byCategory);
        return new Report(y, dept, total, tables, charts);
    }

    private static Map<String, Long> counts(Handle h, String sql, OffsetDateTime from, OffsetDateTime to, String dept) {
        Map<String, Long> m = new HashMap<>();
        h.createQuery(sql).bind("from", from).bind("to", to).bind("dept", dept).map((rs, c) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    private static String categoryName(String c) {
        try {
            return Category.valueOf(c).chinese();
        } catch (IllegalArgumentException e) {
            return c;
        }
    }
}
