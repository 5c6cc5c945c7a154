package org.gongkai.server.storage;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The {@code blob} row of stored bytes, inserted idempotently: two uploads (or servers) recording the same
 * bytes at the same moment both succeed and leave one row. PostgreSQL says so in SQL ({@code ON CONFLICT DO
 * NOTHING} waits for the other transaction, then does nothing); H2 reports the duplicate key, which is then
 * taken as "already there".
 */
public final class BlobRows {
    private final Database db;

    public BlobRows(Database db) {
        this.db = db;
    }

    /** Inserts the row in a transaction of its own when absent; true when this call inserted it. */
    public boolean insertIfAbsent(String sha256, long size, String mediaType, OffsetDateTime at) {
        for (int attempt = 0; ; attempt++) {
            try {
                return db.jdbi().inTransaction(h -> insertIfAbsent(h, db.isPostgres(), sha256, size, mediaType, at));
            } catch (UnableToExecuteStatementException e) {
                if (!isDuplicateKey(e) || attempt >= 3) {
                    throw e;
                }
                if (db.jdbi().withHandle(h -> exists(h, sha256))) {
                    return false;
                }
            }
        }
    }

    /** Inside the caller's transaction; on H2 a concurrent duplicate surfaces as SQLState 23505 to the caller. */
    static boolean insertIfAbsent(Handle h, boolean postgres, String sha256, long size, String mediaType, OffsetDateTime at) {
        String sql = postgres
                ? "INSERT INTO blob (sha256, size_bytes, media_type, stored_at) VALUES (:sha, :size, :type, :at) ON CONFLICT (sha256) DO NOTHING"
                : "INSERT INTO blob (sha256, size_bytes, media_type, stored_at) SELECT :sha, :size, :type, :at "
                        + "WHERE NOT EXISTS (SELECT 1 FROM blob WHERE sha256 = :sha)";
        return h.createUpdate(sql).bind("sha", sha256).bind("size", size).bind("type", mediaType).bind("at", at).execute() == 1;
    }

    static boolean exists(Handle h, String sha256) {
        return h.createQuery("SELECT COUNT(*) FROM blob WHERE sha256 = :sha").bind("sha", sha256).mapTo(Integer.class).one() > 0;
    }

    /** A duplicate key (23505), or H2's "concurrent update" (90131) when the other transaction has not committed yet. */
    static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("23505".equals(s.getSQLState()) || "90131".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
