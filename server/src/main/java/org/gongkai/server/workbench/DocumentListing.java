package org.gongkai.server.workbench;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.server.access.DocumentAccess;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.queue.QueueConfig;
import org.gongkai.server.queue.ReviewClock;
import org.gongkai.server.storage.Database;
import org.gongkai.spi.Route;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Lists documents the caller may open, newest first, with filters (department, route, state, day received, words in
 * the title or file name) and pagination. Rows are read in batches and each batch is passed through
 * {@link DocumentAccess#readable} before anything of it is returned, so a list never shows a document its caller could
 * not open; a drafter's rows are narrowed in SQL first (their department and their own uploads).
 */
public final class DocumentListing {
    private static final int BATCH = 200;
    /** Rows examined at most for one page, so a caller who may open little still gets an answer quickly. */
    private static final int MAX_SCAN = 20_000;
    private static final String SELECT = "SELECT d.id, d.file_name, COALESCE(q.title, d.file_name) AS title, d.department, d.uploaded_by, "
            + "d.received_at, d.status, d.route, COALESCE(q.attribute, d.effective_attribute) AS attribute, q.queue_name, q.stage, q.state, "
            + "q.outcome, q.claimant, q.lease_until, q.due_on, q.publication_due, q.entered_at, q.closed_at FROM document d "
            + "LEFT JOIN queue_item q ON q.document_id = d.id";
    private final Database db;
    private final DocumentAccess access;
    private final QueueConfig queues;
    private final ReviewClock clock;
    private final People people;

    public DocumentListing(Database db, DocumentAccess access, QueueConfig queues, ReviewClock clock, People people) {
        this.db = db;
        this.access = access;
        this.queues = queues;
        this.clock = clock;
        this.people = people;
    }

    /** One page of the documents the actor may open that match the filter. */
    public Page<DocumentSummary> list(Actor actor, ListingFilter f, int offset, int limit) {
        int want = Math.max(1, Math.min(limit, 100));
        int skip = Math.max(0, offset);
        List<Row> page = new ArrayList<>();
        int seen = 0;
        for (int at = 0; at < MAX_SCAN && page.size() <= want; at += BATCH) {
            int from = at;
            List<Row> batch = db.jdbi().withHandle(h -> query(h, actor, f, from));
            if (batch.isEmpty()) {
                break;
            }
            Set<String> ok = access.readable(actor, batch.stream().map(Row::id).toList());
            for (Row r : batch) {
                if (ok.contains(r.id())) {
                    if (seen++ >= skip && page.size() <= want) {
                        page.add(r);
                    }
                }
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        boolean more = page.size() > want;
        List<Row> shown = more ? page.subList(0, want) : page;
        return new Page<>(summaries(shown), skip, want, more);
    }

    /** Summaries of the given documents, in the given order, for those the actor may open (search hits). */
    public Map<String, DocumentSummary> summaries(Actor actor, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Set<String> ok = access.readable(actor, ids);
        if (ok.isEmpty()) {
            return Map.of();
        }
        List<Row> rows = db.jdbi().withHandle(h -> h.createQuery(SELECT + " WHERE d.id IN (<ids>)").bindList("ids", List.copyOf(ok))
                .map((rs, c) -> row(rs)).list());
        Map<String, DocumentSummary> out = new LinkedHashMap<>();
        summaries(rows).forEach(s -> out.put(s.id(), s));
        return out;
    }

    /** The ids among {@code ids} that match the filter (for narrowing search hits). */
    public Set<String> matching(Collection<String> ids, ListingFilter f, Actor actor) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return db.jdbi().withHandle(h -> {
            StringBuilder sql = new StringBuilder(SELECT + " WHERE d.id IN (<ids>)");
            Map<String, Object> binds = new HashMap<>();
            where(sql, binds, actor, f);
            Query q = h.createQuery(sql.toString()).bindList("ids", List.copyOf(ids));
            binds.forEach(q::bind);
            return Set.copyOf(q.map((rs, c) -> rs.getString("id")).list());
        });
    }

    private List<Row> query(Handle h, Actor actor, ListingFilter f, int offset) {
        StringBuilder sql = new StringBuilder(SELECT + " WHERE 1 = 1");
        Map<String, Object> binds = new HashMap<>();
        where(sql, binds, actor, f);
        if (!DocumentAccess.reviewer(actor)) {
            // a drafter opens their department's documents and their own uploads: narrow in SQL, then check each as usual
            sql.append(" AND (d.department = :myDept OR d.uploaded_by = :me)");
            binds.put("myDept", actor.department() == null ? "" : actor.department());
            binds.put("me", actor.id());
        }
        sql.append(" ORDER BY d.received_at DESC, d.id OFFSET ").append(offset).append(" ROWS FETCH NEXT ").append(BATCH).append(" ROWS ONLY");
        Query q = h.createQuery(sql.toString());
        binds.forEach(q::bind);
        return q.map((rs, c) -> row(rs)).list();
    }

    private void where(StringBuilder sql, Map<String, Object> binds, Actor actor, ListingFilter f) {
        if (f.mine()) {
            sql.append(" AND d.uploaded_by = :mine");
            binds.put("mine", actor.id());
        }
        if (f.department() != null) {
            sql.append(" AND d.department = :dept");
            binds.put("dept", f.department());
        }
        if (f.route() != null) {
            sql.append(" AND d.route = :route");
            binds.put("route", f.route());
        }
        if (f.from() != null) {
            sql.append(" AND d.received_at >= :fromDay");
            binds.put("fromDay", f.from().atStartOfDay(ReviewClock.CHINA).toOffsetDateTime());
        }
        if (f.to() != null) {
            sql.append(" AND d.received_at < :toDay");
            binds.put("toDay", f.to().plusDays(1).atStartOfDay(ReviewClock.CHINA).toOffsetDateTime());
        }
        if (f.text() != null) {
            sql.append(" AND (LOWER(d.file_name) LIKE :text ESCAPE '!' OR LOWER(COALESCE(q.title, '')) LIKE :text ESCAPE '!')");
            binds.put("text", "%" + f.text().toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (f.state() != null) {
            switch (f.state()) {
                case "PROCESSING" -> sql.append(" AND d.status <> 'CHECKED'");
                case "OPEN" -> sql.append(" AND q.state = 'OPEN'");
                default -> {
                    sql.append(" AND q.state = 'CLOSED' AND q.outcome = :outcome");
                    binds.put("outcome", f.state());
                }
            }
        }
    }

    /** The raw row behind a summary. */
    record Row(String id, String fileName, String title, String department, String uploadedBy, OffsetDateTime receivedAt, String status,
               String route, String attribute, String queueName, Integer stage, String state, String outcome, String claimant,
               OffsetDateTime leaseUntil, LocalDate dueOn, LocalDate publicationDue, OffsetDateTime enteredAt, OffsetDateTime closedAt) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("file_name"), rs.getString("title"), rs.getString("department"), rs.getString("uploaded_by"),
                rs.getObject("received_at", OffsetDateTime.class), rs.getString("status"), rs.getString("route"), rs.getString("attribute"),
                rs.getString("queue_name"), (Integer) rs.getObject("stage"), rs.getString("state"), rs.getString("outcome"), rs.getString("claimant"),
                rs.getObject("lease_until", OffsetDateTime.class), rs.getObject("due_on", LocalDate.class), rs.getObject("publication_due", LocalDate.class),
                rs.getObject("entered_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class));
    }

    private List<DocumentSummary> summaries(List<Row> rows) {
        List<String> ids = new ArrayList<>();
        rows.forEach(r -> {
            ids.add(r.uploadedBy());
            ids.add(r.claimant());
        });
        Map<String, String> names = people.names(ids);
        OffsetDateTime now = clock.now();
        LocalDate today = clock.today();
        return rows.stream().map(r -> summary(r, names, now, today)).toList();
    }

    private DocumentSummary summary(Row r, Map<String, String> names, OffsetDateTime now, LocalDate today) {
        String state = !"CHECKED".equals(r.status()) ? "PROCESSING" : r.state() == null ? null : "OPEN".equals(r.state()) ? "OPEN" : r.outcome();
        QueueConfig.QueueDefinition q = r.queueName() == null ? null : queues.queue(r.queueName()).orElse(null);
        boolean open = "OPEN".equals(state);
        String stage = open && q != null && r.stage() != null && r.stage() < q.stages().size() ? q.stages().get(r.stage()).title() : null;
        boolean held = open && r.claimant() != null && r.leaseUntil() != null && !r.leaseUntil().isBefore(now);
        String routeName = r.route() == null ? null : Route.valueOf(r.route()).chinese();
        boolean lapsed = r.publicationDue() != null && r.enteredAt() != null && r.publicationDue().isBefore(clock.day(r.enteredAt()));
        return new DocumentSummary(r.id(), r.fileName(), r.title(), r.department(), r.uploadedBy(), names.get(r.uploadedBy()), r.receivedAt(),
                r.status(), r.route(), routeName, r.attribute(), state, stateName(state), r.queueName(), q == null ? null : q.title(), stage,
                held ? r.claimant() : null, held ? names.get(r.claimant()) : null, open ? r.dueOn() : null,
                open && r.dueOn() != null && today.isAfter(r.dueOn()), lapsed, r.closedAt(), null);
    }

    static String stateName(String state) {
        if (state == null) {
            return "已检查";
        }
        return switch (state) {
            case "PROCESSING" -> "检查中";
            case "OPEN" -> "审核中";
            case "PUBLISHED" -> "已公开";
            case "REGISTERED" -> "已登记备案";
            case "RETURNED" -> "已退回";
            default -> state;
        };
    }
}
