package org.gongkai.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.gongkai.server.storage.Database;
import org.jdbi.v3.core.Handle;

/**
 * Throttles password guessing (等保 2.0 身份鉴别: 登录失败处理): failed sign-ins are counted per account and per
 * client address in the database, so every server on one database sees them. An account is locked after
 * {@code maxPerAccount} failures within the window, an address after {@code maxPerAddress}; while locked every
 * attempt is refused with 429, whatever the password, and does not count again.
 */
public final class LoginThrottle {
    private final Database db;
    private final Clock clock;
    private final Settings settings;

    /**
     * @param maxPerAccount failures within {@code window} that lock an account
     * @param maxPerAddress failures within {@code window} that block a client address
     * @param window        how long failures are remembered
     * @param lock          how long a lock or block lasts
     */
    public record Settings(int maxPerAccount, int maxPerAddress, Duration window, Duration lock) {
        public static Settings defaults() {
            return new Settings(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15));
        }
    }

    public LoginThrottle(Database db, Clock clock, Settings settings) {
        this.db = db;
        this.clock = clock;
        this.settings = settings;
    }

    static String accountKey(String usernameKey) {
        return org.gongkai.server.account.AccountService.LOCK_PREFIX + usernameKey;
    }

    static String addressKey(String address) {
        return "address:" + address;
    }

    /** Until when sign-ins for this account or from this address are refused, if they are. */
    public Optional<OffsetDateTime> blockedUntil(String usernameKey, String address) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return db.jdbi().withHandle(h -> later(blocked(h, accountKey(usernameKey), now), blocked(h, addressKey(address), now)));
    }

    /** Counts a failure; returns true when this failure locked the account. */
    public boolean failed(String usernameKey, String address) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (int attempt = 1; ; attempt++) {
            try {
                return db.jdbi().inTransaction(h -> {
                    count(h, addressKey(address), settings.maxPerAddress(), now);
                    return count(h, accountKey(usernameKey), settings.maxPerAccount(), now);
                });
            } catch (org.jdbi.v3.core.JdbiException e) {
                if (attempt == 3) { // another server inserted the same row at the same moment twice over: give up counting
                    throw e;
                }
            }
        }
    }

    /** A successful sign-in clears the account's failures (not the address's). */
    public void succeeded(String usernameKey) {
        db.jdbi().useHandle(h -> h.createUpdate("DELETE FROM login_throttle WHERE throttle_key = :k").bind("k", accountKey(usernameKey)).execute());
    }

    private boolean count(Handle h, String key, int max, OffsetDateTime now) {
        var row = h.createQuery("SELECT failures, window_start FROM login_throttle WHERE throttle_key = :k FOR UPDATE").bind("k", key)
                .map((rs, c) -> new Object[] {rs.getInt(1), rs.getObject(2, OffsetDateTime.class)}).findOne();
        int failures;
        if (row.isEmpty()) {
            failures = 1;
            h.createUpdate("INSERT INTO login_throttle (throttle_key, failures, window_start) VALUES (:k, 1, :now)").bind("k", key)
                    .bind("now", now).execute();
        } else if (((OffsetDateTime) row.get()[1]).isBefore(now.minus(settings.window()))) {
            failures = 1;
            h.createUpdate("UPDATE login_throttle SET failures = 1, window_start = :now, blocked_until = NULL WHERE throttle_key = :k")
                    .bind("k", key).bind("now", now).execute();
        } else {
            failures = (int) row.get()[0] + 1;
            h.createUpdate("UPDATE login_throttle SET failures = :f WHERE throttle_key = :k").bind("k", key).bind("f", failures).execute();
        }
        if (failures >= max) {
            h.createUpdate("UPDATE login_throttle SET blocked_until = :until WHERE throttle_key = :k").bind("k", key)
                    .bind("until", now.plus(settings.lock())).execute();
            return failures == max;
        }
        return false;
    }

    private static Optional<OffsetDateTime> blocked(Handle h, String key, OffsetDateTime now) {
        return h.createQuery("SELECT blocked_until FROM login_throttle WHERE throttle_key = :k").bind("k", key)
                .mapTo(OffsetDateTime.class).findOne().filter(t -> t != null && t.isAfter(now));
    }

    private static Optional<OffsetDateTime> later(Optional<OffsetDateTime> a, Optional<OffsetDateTime> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.get().isAfter(b.get()) ? a : b;
    }
}
