package org.gongkai.server.register;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.http.ApiException;
import org.gongkai.server.queue.ReviewClock;
import org.gongkai.server.storage.Database;
import org.gongkai.server.workbench.People;
import org.gongkai.spi.Attribute;
import org.jdbi.v3.core.statement.Query;

/**
 * The register of non-public documents (台账, 登记建档: 003 源头认定制度; DOMAIN.md "Document office"): every document
 * whose review ended in 登记备案 — 依申请公开 or 不予公开 — with its attribute, the reason, who decided and when; and, on
 * request, those still waiting in the 登记备案 queue. Filtered by department, attribute, period and words, paged, and
 * exported as XLSX or CSV for the office's files.
 */
public final class RegisterService {
    private static final int MAX_EXPORT = 10_000;
    private final Database db;
    private final People people;
    private final ObjectMapper json;

    public RegisterService(Database db, People people, ObjectMapper json) {
        this.db = db;
        this.people = people;
        this.json = json;
    }

    /**
     * What the register is filtered by.
     *
     * @param pending true for documents still waiting to be registered (the 登记备案 queue) instead of registered ones
     */
    public record Filter(String department, String attribute, LocalDate from, LocalDate to, String text, boolean pending) {
        public Filter {
            department = department == null || department.isBlank() ? null : department.strip();
            text = text == null || text.isBlank() ? null : text.strip();
            if (attribute != null && !attribute.isBlank()) {
                try {
                    attribute = Attribute.valueOf(attribute.strip().toUpperCase(Locale.ROOT)).name();
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("BAD_ATTRIBUTE", "公开属性取值无效：" + attribute, "unknown attribute: " + attribute);
                }
            } else {
                attribute = null;
            }
            if (from != null && to != null && to.isBefore(from)) {
                throw ApiException.badRequest("BAD_PERIOD", "日期范围无效：起始日期晚于结束日期", "bad period: from is after to");
            }
        }
    }

    /** One line of the register. */
    public record Entry(String documentId, String title, String docNumber, String fileName, String department, String attribute,
                        String attributeName, String reason, String decidedBy, String decidedByName, OffsetDateTime decidedAt, String state) {
    }

    public record Result(List<Entry> entries, int total, int offset, int limit) {
    }

    public Result entries(Actor actor, Filter f, int offset, int limit) {
        requireOffice(actor);
        int lim = Math.max(1, Math.min(limit, MAX_EXPORT));
        int off = Math.max(0, offset);
        StringBuilder where = new StringBuilder();
        Map<String, Object> binds = new HashMap<>();
        where(where, binds, f);
        return db.jdbi().withHandle(h -> {
            Query count = h.createQuery("SELECT COUNT(*) FROM queue_item q JOIN document d ON d.id = q.document_id" + where);
            binds.forEach(count::bind);
            int total = count.mapTo(Integer.class).one();
            Query q = h.createQuery("SELECT q.document_id, q.title, d.file_name, d.elements_json, q.department, COALESCE(q.attribute, d.effective_attribute) AS attr, "
                    + "COALESCE(d.effective_reason, d.declared_reason) AS reason, q.closed_at FROM queue_item q JOIN document d ON d.id = q.document_id"
                    + where + " ORDER BY COALESCE(q.closed_at, q.entered_at) DESC, q.document_id OFFSET " + off + " ROWS FETCH NEXT " + lim + " ROWS ONLY");
            binds.forEach(q::bind);
            record R(String id, String title, String file, String elements, String dept, String attr, String reason, OffsetDateTime closed) {
            }
            List<R> rows = q.map((rs, c) -> new R(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                    rs.getString(7), rs.getObject(8, OffsetDateTime.class))).list();
            Map<String, String[]> decided = new HashMap<>();
            if (!rows.isEmpty()) {
                h.createQuery("SELECT document_id, actor, comment_text FROM decision WHERE to_state = 'REGISTERED' AND document_id IN (<ids>) ORDER BY id")
                        .bindList("ids", rows.stream().map(R::id).toList())
                        .map((rs, c) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).forEach(a -> decided.put(a[0], a));
            }
            List<String> ids = new ArrayList<>();
            decided.values().forEach(a -> ids.add(a[1]));
            Map<String, String> names = people.names(ids);
            List<Entry> out = new ArrayList<>();
            for (R r : rows) {
                String[] d = decided.get(r.id());
                String reason = r.reason() != null ? r.reason() : d == null ? null : d[2];
                out.add(new Entry(r.id(), r.title(), docNumber(r.elements()), r.file(), r.dept(), r.attr(), attributeName(r.attr()), reason,
                        d == null ? null : d[1], d == null ? null : names.get(d[1]), f.pending() ? null : r.closed(), f.pending() ? "待登记" : "已登记"));
            }
            return new Result(out, total, off, lim);
        });
    }

    /** The register as a table (for XLSX and CSV). */
    public Table table(Actor actor, Filter f) {
        Result r = entries(actor, f, 0, MAX_EXPORT);
        List<List<Object>> rows = new ArrayList<>();
        int n = 0;
        for (Entry e : r.entries()) {
            rows.add(List.of(++n, nz(e.title()), nz(e.docNumber()), nz(e.department()), nz(e.attributeName()), nz(e.reason()),
                    e.decidedByName() == null ? "" : e.decidedByName(), e.decidedAt() == null ? "" : Dates.chinese(e.decidedAt()), e.state(),
                    e.documentId()));
        }
        return new Table(f.pending() ? "待登记的非公开文件" : "非公开文件台账（登记备案）",
                "导出时间 " + Dates.chinese(OffsetDateTime.now()) + (f.department() == null ? "；全部单位" : "；" + f.department()) + "；共 " + r.total() + " 件",
                List.of("序号", "标题", "发文字号", "起草单位", "公开属性", "理由", "决定人", "登记时间", "状态", "文件编号"), rows);
    }

    private static void where(StringBuilder sql, Map<String, Object> binds, Filter f) {
        sql.append(f.pending() ? " WHERE q.state = 'OPEN' AND q.queue_name = 'REGISTERED'" : " WHERE q.state = 'CLOSED' AND q.outcome = 'REGISTERED'");
        if (f.department() != null) {
            sql.append(" AND q.department = :dept");
            binds.put("dept", f.department());
        }
        if (f.attribute() != null) {
            sql.append(" AND COALESCE(q.attribute, d.effective_attribute) = :attr");
            binds.put("attr", f.attribute());
        }
        String time = f.pending() ? "q.entered_at" : "q.closed_at";
        if (f.from() != null) {
            sql.append(" AND ").append(time).append(" >= :fromDay");
            binds.put("fromDay", f.from().atStartOfDay(ReviewClock.CHINA).toOffsetDateTime());
        }
        if (f.to() != null) {
            sql.append(" AND ").append(time).append(" < :toDay");
            binds.put("toDay", f.to().plusDays(1).atStartOfDay(ReviewClock.CHINA).toOffsetDateTime());
        }
        if (f.text() != null) {
            sql.append(" AND (LOWER(q.title) LIKE :text ESCAPE '!' OR LOWER(d.file_name) LIKE :text ESCAPE '!' "
                    + "OR LOWER(COALESCE(d.elements_json, '')) LIKE :text ESCAPE '!' OR LOWER(COALESCE(d.effective_reason, '')) LIKE :text ESCAPE '!')");
            binds.put("text", "%" + f.text().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
    }

    private String docNumber(String elements) {
        if (elements == null) {
            return null;
        }
        try {
            return json.readValue(elements, new TypeReference<Map<String, String>>() { }).get("docNumber");
        } catch (java.io.IOException e) {
            return null;
        }
    }

    static void requireOffice(Actor actor) {
        if (!actor.has(Actor.Role.DOCUMENT_OFFICE)) {
            throw new ApiException(403, "FORBIDDEN", "只有办文机构可以查看台账和统计", "only the document office reads the register and statistics");
        }
    }

    private static String attributeName(String a) {
        try {
            return a == null ? null : Attribute.valueOf(a).chinese();
        } catch (IllegalArgumentException e) {
            return a;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
