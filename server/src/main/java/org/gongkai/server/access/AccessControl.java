package org.gongkai.server.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.Map;
import org.gongkai.server.account.AccountController;
import org.gongkai.server.account.AccountService;
import org.gongkai.server.account.PasswordHasher;
import org.gongkai.server.account.PasswordPolicy;
import org.gongkai.server.audit.AuditController;
import org.gongkai.server.audit.SecurityAudit;
import org.gongkai.server.auth.AuthController;
import org.gongkai.server.auth.LoginPage;
import org.gongkai.server.auth.LoginService;
import org.gongkai.server.auth.LoginThrottle;
import org.gongkai.server.auth.Secrets;
import org.gongkai.server.auth.SecuritySettings;
import org.gongkai.server.auth.SessionService;
import org.gongkai.server.auth.TokenService;
import org.gongkai.server.auth.oidc.OidcLogin;
import org.gongkai.server.storage.Database;

/**
 * Identity and access control wired from the settings: accounts, sign-in (password, token, session, OIDC), the
 * guard every route passes, and their HTTP controllers.
 */
public record AccessControl(AccountService accounts, TokenService tokens, SessionService sessions, LoginService logins, AccessGuard guard,
                            SecurityAudit audit, SecurityHeaders headers, OidcLogin oidc, ObjectMapper json, SecuritySettings settings) {

    public static AccessControl create(Database db, SecurityAudit audit, Clock clock, SecuritySettings s, String adminToken,
                                       Map<String, String> approverStages, java.nio.file.Path configDir, ObjectMapper json) {
        PasswordHasher hasher = new PasswordHasher();
        Secrets secrets = new Secrets();
        AccountService accounts = new AccountService(db, hasher, new PasswordPolicy(), audit, clock, approverStages);
        TokenService tokens = new TokenService(db, accounts, audit, secrets, clock, s.tokenLifetime());
        SessionService sessions = new SessionService(db, accounts, secrets, clock, s.sessionIdle(), s.sessionMax());
        LoginService logins = new LoginService(accounts, hasher, new LoginThrottle(db, clock, s.throttle()), audit, clock);
        AccessGuard guard = new AccessGuard(adminToken, tokens, sessions, audit, s.publicUrl());
        OidcLogin oidc = s.oidc() == null ? null : OidcLogin.create(s.oidc(), s.publicUrl(), configDir.resolve("oidc.properties"), db, accounts,
                sessions, audit, secrets, clock);
        return new AccessControl(accounts, tokens, sessions, logins, guard, audit, new SecurityHeaders(s.cookieSecure()), oidc, json, s);
    }

    /** Installs the guard and headers, and the sign-in, account and audit routes. */
    public void install(Javalin app) {
        app.before(headers::apply);
        app.beforeMatched(guard::check);
        new AuthController(logins, sessions, tokens, accounts, guard, audit, new LoginPage(oidc != null), json, settings.cookieSecure()).routes(app);
        new AccountController(accounts, json).routes(app);
        new AuditController(audit).routes(app);
        if (oidc != null) {
            oidc.routes(app, settings.cookieSecure());
        }
    }
}
