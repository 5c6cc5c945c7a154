package org.gongkai.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gongkai.server.account.Account;
import org.gongkai.server.account.AccountService;
import org.gongkai.server.audit.SecurityAudit;
import org.gongkai.server.http.ApiException;
import org.gongkai.server.storage.Database;

/**
 * API tokens for scripts: random, stored only as their SHA-256, expiring, revocable. Use is recorded on the
 * token ({@code last_used_at}) and in the security audit at most every {@link #USE_RECORD_INTERVAL} per token,
 * so a busy script does not write a row per request.
 */
public final class TokenService {
    static final Duration USE_RECORD_INTERVAL = Duration.ofMinutes(10);
    private final Database db;
    private final AccountService accounts;
    private final SecurityAudit audit;
    private final Secrets secrets;
    private final Clock clock;
    private final Duration lifetime;

    public TokenService(Database db, AccountService accounts, SecurityAudit audit, Secrets secrets, Clock clock, Duration lifetime) {
        this.db = db;
        this.accounts = accounts;
        this.audit = audit;
        this.secrets = secrets;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** A token as issued: the secret is shown once and never stored. */
    public record Issued(String id, String token, OffsetDateTime expiresAt) {
    }

    /** A token as listed: never the secret. */
    public record TokenView(String id, OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime revokedAt, OffsetDateTime lastUsedAt,
                            String address) {
    }

    public Issued issue(Account a, String address) {
        String token = secrets.next("gk_");
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime expires = now.plus(lifetime);
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO api_token (id, token_hash, username_key, created_at, expires_at, address) "
                + "VALUES (:id, :hash, :key, :now, :exp, :addr)").bind("id", id).bind("hash", Secrets.sha256(token)).bind("key", a.usernameKey())
                .bind("now", now).bind("exp", expires).bind("addr", address).execute());
        audit.success(a.actor(), SecurityAudit.Action.TOKEN_ISSUED, id, address, "有效期至 " + expires
                + (a.mustChangePassword() ? "；初始口令尚未修改" : ""));
        return new Issued(id, token, expires);
    }

    /** The caller a bearer token stands for, when it is known, unexpired, unrevoked and its account enabled. */
    public Optional<Principal> authenticate(String token, String address) {
        if (token == null || !token.startsWith("gk_") || token.length() > 100) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        record Row(String id, String usernameKey, OffsetDateTime lastUsedAt) {
        }
        Optional<Row> row = db.jdbi().withHandle(h -> h.createQuery("SELECT id, username_key, last_used_at FROM api_token WHERE token_hash = :hash "
                + "AND revoked_at IS NULL AND expires_at > :now").bind("hash", Secrets.sha256(token)).bind("now", now)
                .map((rs, c) -> new Row(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class))).findOne());
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Optional<Account> account = accounts.find(row.get().usernameKey()).filter(Account::enabled);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        if (row.get().lastUsedAt() == null || row.get().lastUsedAt().isBefore(now.minus(USE_RECORD_INTERVAL))) {
            int n = db.jdbi().withHandle(h -> h.createUpdate("UPDATE api_token SET last_used_at = :now WHERE id = :id AND "
                    + "(last_used_at IS NULL OR last_used_at < :before)").bind("now", now).bind("id", row.get().id())
                    .bind("before", now.minus(USE_RECORD_INTERVAL)).execute());
            if (n == 1) {
                audit.success(account.get().actor(), SecurityAudit.Action.TOKEN_USED, row.get().id(), address, null);
            }
        }
        return Optional.of(new Principal(account.get().actor(), Principal.Via.API_TOKEN, row.get().id(), null, account.get().mustChangePassword()));
    }

    public List<TokenView> list(String usernameKey) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT id, created_at, expires_at, revoked_at, last_used_at, address FROM api_token "
                + "WHERE username_key = :key ORDER BY created_at DESC FETCH FIRST 100 ROWS ONLY").bind("key", usernameKey)
                .map((rs, c) -> new TokenView(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getObject(3, OffsetDateTime.class),
                        rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class), rs.getString(6))).list());
    }

    /** Revokes a token of the caller's own, or any token when the caller is the security administrator. */
    public void revoke(Actor by, String tokenId, String address) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int n = db.jdbi().withHandle(h -> h.createUpdate("UPDATE api_token SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL "
                + "AND (username_key = :key OR :any)").bind("now", now).bind("id", tokenId).bind("key", by.id())
                .bind("any", by.has(Actor.Role.SECURITY_ADMIN)).execute());
        if (n == 0) {
            throw ApiException.notFound("令牌 / token", tokenId);
        }
        audit.success(by, SecurityAudit.Action.TOKEN_REVOKED, tokenId, address, null);
    }
}
