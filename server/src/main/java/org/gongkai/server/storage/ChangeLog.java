package org.gongkai.server.storage;

import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The {@code document_change} log: one row per change other servers must follow (a document checked,
 * redacted or deleted), appended in the transaction that makes the change. Its {@code seq} only grows, but is
 * handed out before commit, so a reader sees numbers out of order and must wait a while for gaps.
 */
public final class ChangeLog {
    /** What happened to a document. */
    public enum Kind { CHECKED, REDACTED, DELETED }

    /** One change. */
    public record Change(long seq, String documentId, Kind kind) {
    }

    private final Database db;

    public ChangeLog(Database db) {
        this.db = db;
    }

    /** Appends a change inside the caller's transaction; returns its sequence number. */
    public static long append(Handle h, String documentId, Kind kind, OffsetDateTime at) {
        return h.createUpdate("INSERT INTO document_change (document_id, kind, changed_at) VALUES (:id, :kind, :at)")
                .bind("id", documentId).bind("kind", kind.name()).bind("at", at)
                .executeAndReturnGeneratedKeys("seq").mapTo(Long.class).one();
    }

    /** Changes with a sequence number above {@code after}, in order, at most {@code limit}. */
    public List<Change> after(long after, int limit) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT seq, document_id, kind FROM document_change WHERE seq > :after "
                        + "ORDER BY seq FETCH FIRST " + limit + " ROWS ONLY").bind("after", after)
                .map((rs, ctx) -> new Change(rs.getLong(1), rs.getString(2), Kind.valueOf(rs.getString(3)))).list());
    }

    /** The changes with these sequence numbers that exist by now (gaps that have filled). */
    public List<Change> withSeq(List<Long> seqs) {
        if (seqs.isEmpty()) {
            return List.of();
        }
        return db.jdbi().withHandle(h -> h.createQuery("SELECT seq, document_id, kind FROM document_change WHERE seq IN (<seqs>) ORDER BY seq")
                .bindList("seqs", seqs).map((rs, ctx) -> new Change(rs.getLong(1), rs.getString(2), Kind.valueOf(rs.getString(3)))).list());
    }

    /** The highest sequence number handed out so far (0 when none). */
    public long latest() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM document_change").mapTo(Long.class).one());
    }
}
