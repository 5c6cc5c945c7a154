package org.gongkai.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.gongkai.server.account.Account;
import org.gongkai.server.account.AccountService;
import org.gongkai.server.storage.Database;

/**
 * Browser sessions, kept in the database so that every server on one database knows them and a sign-out is
 * immediate everywhere. The cookie carries a random id; the table holds only its SHA-256. A session ends
 * after {@code idle} without a request or {@code max} after sign-in, whichever comes first; a new id is issued
 * at every sign-in (no session fixation).
 */
public final class SessionService {
    /** How often a session's last-seen time is written (not on every request). */
    private static final Duration TOUCH = Duration.ofSeconds(30);
    private final Database db;
    private final AccountService accounts;
    private final Secrets secrets;
    private final Clock clock;
    private final Duration idle;
    private final Duration max;

    public SessionService(Database db, AccountService accounts, Secrets secrets, Clock clock, Duration idle, Duration max) {
        this.db = db;
        this.accounts = accounts;
        this.secrets = secrets;
        this.clock = clock;
        this.idle = idle;
        this.max = max;
    }

    /** A new session: the cookie value (shown once) and its CSRF token. */
    public record Started(String sessionId, String csrfToken) {
    }

    public Started start(Account a, String address) {
        String id = secrets.next("");
        String csrf = secrets.next("");
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.jdbi().useHandle(h -> {
            // expired sessions of anyone are swept here, so the table does not grow without bound
            h.createUpdate("DELETE FROM web_session WHERE expires_at < :now OR last_seen_at < :idle").bind("now", now)
                    .bind("idle", now.minus(idle)).execute();
            h.createUpdate("INSERT INTO web_session (id_hash, username_key, csrf_token, created_at, last_seen_at, expires_at, address) "
                    + "VALUES (:hash, :key, :csrf, :now, :now, :exp, :addr)").bind("hash", Secrets.sha256(id)).bind("key", a.usernameKey())
                    .bind("csrf", csrf).bind("now", now).bind("exp", now.plus(max)).bind("addr", address).execute();
        });
        return new Started(id, csrf);
    }

    /** The caller a session cookie stands for, while the session is live and the account enabled. */
    public Optional<Principal> authenticate(String sessionId) {
        if (sessionId == null || sessionId.isEmpty() || sessionId.length() > 100) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(sessionId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        record Row(String usernameKey, String csrf, OffsetDateTime lastSeen, OffsetDateTime expires) {
        }
        Optional<Row> row = db.jdbi().withHandle(h -> h.createQuery("SELECT username_key, csrf_token, last_seen_at, expires_at FROM web_session "
                + "WHERE id_hash = :hash").bind("hash", hash).map((rs, c) -> new Row(rs.getString(1), rs.getString(2),
                rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class))).findOne());
        if (row.isEmpty()) {
            return Optional.empty();
        }
        if (row.get().expires().isBefore(now) || row.get().lastSeen().plus(idle).isBefore(now)) {
            end(sessionId);
            return Optional.empty();
        }
        Optional<Account> account = accounts.find(row.get().usernameKey()).filter(Account::enabled);
        if (account.isEmpty()) {
            end(sessionId);
            return Optional.empty();
        }
        if (row.get().lastSeen().plus(TOUCH).isBefore(now)) {
            db.jdbi().useHandle(h -> h.createUpdate("UPDATE web_session SET last_seen_at = :now WHERE id_hash = :hash").bind("now", now)
                    .bind("hash", hash).execute());
        }
        return Optional.of(new Principal(account.get().actor(), Principal.Via.SESSION, hash, row.get().csrf(), account.get().mustChangePassword()));
    }

    public void end(String sessionId) {
        if (sessionId != null && !sessionId.isEmpty() && sessionId.length() <= 100) {
            db.jdbi().useHandle(h -> h.createUpdate("DELETE FROM web_session WHERE id_hash = :hash").bind("hash", Secrets.sha256(sessionId)).execute());
        }
    }

    /** Ends every other session of an account (after its password changed). */
    public void endOthers(String usernameKey, String keepHash) {
        db.jdbi().useHandle(h -> h.createUpdate("DELETE FROM web_session WHERE username_key = :key AND id_hash <> :keep").bind("key", usernameKey)
                .bind("keep", keepHash == null ? "" : keepHash).execute());
    }

    public Duration idle() {
        return idle;
    }
}
