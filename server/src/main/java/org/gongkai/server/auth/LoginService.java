package org.gongkai.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.gongkai.server.account.Account;
import org.gongkai.server.account.AccountService;
import org.gongkai.server.account.PasswordHasher;
import org.gongkai.server.audit.SecurityAudit;
import org.gongkai.server.http.ApiException;

/**
 * Password sign-in, shared by the browser form and the token endpoint: throttled per account and per address
 * ({@link LoginThrottle}), the same answer and the same time for an unknown user as for a wrong password, every
 * outcome in the security audit.
 */
public final class LoginService {
    private final AccountService accounts;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final SecurityAudit audit;
    private final Clock clock;

    public LoginService(AccountService accounts, PasswordHasher hasher, LoginThrottle throttle, SecurityAudit audit, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Checks a username and password.
     *
     * @return the account signed in
     * @throws ApiException 401 for a wrong username or password (or a disabled account), 429 while the account or
     *                      address is locked after repeated failures, whatever was sent; 400 for a missing field
     */
    public Account login(String username, String password, String address, String channel) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw ApiException.badRequest("CREDENTIALS_REQUIRED", "请输入用户名和口令", "username and password are required");
        }
        String key = username.strip().toLowerCase(Locale.ROOT);
        if (key.length() > 64 || password.length() > 1024) {
            throw wrong();
        }
        Optional<OffsetDateTime> blocked = throttle.blockedUntil(key, address);
        if (blocked.isPresent()) {
            audit.anonymous(SecurityAudit.Action.LOGIN, "FAILURE", key, address, channel + "：已锁定，拒绝尝试");
            throw locked(blocked.get());
        }
        Optional<Account> a = accounts.find(key);
        boolean ok = hasher.verify(password, a.map(Account::passwordHash).orElse(null)) && a.get().enabled();
        if (!ok) {
            boolean nowLocked = throttle.failed(key, address);
            audit.anonymous(SecurityAudit.Action.LOGIN, "FAILURE", key, address, channel + (a.isEmpty() ? "：用户不存在" : a.get().enabled() ? "：口令错误" : "：账户已停用"));
            if (nowLocked) {
                audit.anonymous(SecurityAudit.Action.LOCKED, "SUCCESS", key, address, "连续登录失败，锁定");
            }
            throw wrong();
        }
        throttle.succeeded(key);
        audit.success(a.get().actor(), SecurityAudit.Action.LOGIN, key, address, channel);
        return a.get();
    }

    static ApiException wrong() {
        return new ApiException(401, "BAD_CREDENTIALS", "用户名或口令错误", "wrong username or password");
    }

    private ApiException locked(OffsetDateTime until) {
        long minutes = Math.max(1, Duration.between(OffsetDateTime.now(clock), until).toMinutes() + 1);
        return new ApiException(429, "TOO_MANY_ATTEMPTS", "登录失败次数过多，请 " + minutes + " 分钟后再试，或请系统管理员解锁",
                "too many failed sign-ins; try again in " + minutes + " minutes or ask the administrator to unlock the account");
    }
}
