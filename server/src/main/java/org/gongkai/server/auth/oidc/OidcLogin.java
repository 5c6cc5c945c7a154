package org.gongkai.server.auth.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.gongkai.server.access.AccessGuard;
import org.gongkai.server.access.RouteAccess;
import org.gongkai.server.account.Account;
import org.gongkai.server.account.AccountService;
import org.gongkai.server.audit.SecurityAudit;
import org.gongkai.server.auth.Actor.Role;
import org.gongkai.server.auth.LoginPage;
import org.gongkai.server.auth.Secrets;
import org.gongkai.server.auth.SecuritySettings;
import org.gongkai.server.auth.SessionService;
import org.gongkai.server.http.ApiException;
import org.gongkai.server.storage.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in through an office's unified identity platform (统一身份认证) by OpenID Connect, with the Nimbus OIDC SDK:
 * authorization-code flow with PKCE, state and nonce kept server-side for ten minutes, the ID token's signature
 * (the provider's published keys), issuer, audience, expiry and nonce validated, then the claims mapped to an
 * account ({@link OidcMapping}) and a browser session started as for a password sign-in. The provider's metadata
 * is fetched when first needed, so the server starts even while the platform is down.
 */
public final class OidcLogin {
    private static final Logger LOG = LoggerFactory.getLogger(OidcLogin.class);
    private static final Duration PENDING = Duration.ofMinutes(10);
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");
    private final SecuritySettings.Oidc settings;
    private final URI redirect;
    private final OidcMapping mapping;
    private final Database db;
    private final AccountService accounts;
    private final SessionService sessions;
    private final SecurityAudit audit;
    private final Secrets secrets;
    private final Clock clock;
    private volatile Provider provider;

    private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }

    private OidcLogin(SecuritySettings.Oidc settings, URI redirect, OidcMapping mapping, Database db, AccountService accounts, SessionService sessions,
                      SecurityAudit audit, Secrets secrets, Clock clock) {
        this.settings = settings;
        this.redirect = redirect;
        this.mapping = mapping;
        this.db = db;
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** @param publicUrl where users reach gongkai; the redirect URI registered with the platform is {@code publicUrl/login/oidc/callback} */
    public static OidcLogin create(SecuritySettings.Oidc settings, String publicUrl, Path mappingFile, Database db, AccountService accounts,
                                   SessionService sessions, SecurityAudit audit, Secrets secrets, Clock clock) {
        if (publicUrl == null) {
            throw new IllegalArgumentException("启用统一身份认证须设置 GONGKAI_PUBLIC_URL（回调地址）/ GONGKAI_PUBLIC_URL is required with GONGKAI_OIDC_ISSUER");
        }
        return new OidcLogin(settings, URI.create(publicUrl + "/login/oidc/callback"), OidcMapping.load(mappingFile), db, accounts, sessions,
                audit, secrets, clock);
    }

    public void routes(Javalin app, boolean secureCookie) {
        app.get("/login/oidc", this::start, RouteAccess.PUBLIC);
        app.get("/login/oidc/callback", ctx -> callback(ctx, secureCookie), RouteAccess.PUBLIC);
    }

    private void start(Context ctx) {
        Provider p;
        try {
            p = provider();
        } catch (Exception e) {
            unavailable(ctx, e);
            return;
        }
        String state = secrets.next("");
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.jdbi().useHandle(h -> {
            h.createUpdate("DELETE FROM oidc_login WHERE created_at < :old").bind("old", now.minus(PENDING)).execute();
            h.createUpdate("INSERT INTO oidc_login (state_hash, nonce, code_verifier, created_at) VALUES (:s, :n, :v, :now)")
                    .bind("s", Secrets.sha256(state)).bind("n", nonce.getValue()).bind("v", verifier.getValue()).bind("now", now).execute();
        });
        URI uri = new AuthenticationRequest.Builder(new ResponseType("code"), new Scope("openid", "profile"), new ClientID(settings.clientId()), redirect)
                .endpointURI(p.metadata().getAuthorizationEndpointURI()).state(new State(state)).nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256).build().toURI();
        ctx.redirect(uri.toString(), HttpStatus.FOUND);
    }

    private void callback(Context ctx, boolean secureCookie) {
        String state = ctx.queryParam("state");
        String code = ctx.queryParam("code");
        if (ctx.queryParam("error") != null || state == null || code == null || state.length() > 100) {
            fail(ctx, "统一身份认证未完成登录，请重试", null);
            return;
        }
        String[] pending = db.jdbi().inTransaction(h -> {
            String hash = Secrets.sha256(state);
            var row = h.createQuery("SELECT nonce, code_verifier, created_at FROM oidc_login WHERE state_hash = :s").bind("s", hash)
                    .map((rs, c) -> new Object[] {rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)}).findOne();
            h.createUpdate("DELETE FROM oidc_login WHERE state_hash = :s").bind("s", hash).execute(); // one use only
            return row.filter(r -> ((OffsetDateTime) r[2]).isAfter(OffsetDateTime.now(clock).minus(PENDING)))
                    .map(r -> new String[] {(String) r[0], (String) r[1]}).orElse(null);
        });
        if (pending == null) {
            fail(ctx, "登录请求已过期或无效，请重新登录", null);
            return;
        }
        Provider p;
        TokenResponse resp;
        try {
            p = provider();
            resp = OIDCTokenResponseParser.parse(new TokenRequest(p.metadata().getTokenEndpointURI(), new ClientSecretBasic(
                    new ClientID(settings.clientId()), new Secret(settings.clientSecret())), new AuthorizationCodeGrant(new AuthorizationCode(code),
                    redirect, new CodeVerifier(pending[1]))).toHTTPRequest().send());
        } catch (Exception e) {
            unavailable(ctx, e);
            return;
        }
        if (!resp.indicatesSuccess()) {
            fail(ctx, "统一身份认证拒绝了登录请求", "token endpoint: " + resp.toErrorResponse().getErrorObject().getCode());
            return;
        }
        var idToken = ((com.nimbusds.openid.connect.sdk.OIDCTokenResponse) resp.toSuccessResponse()).getOIDCTokens().getIDToken();
        IDTokenClaimsSet claims;
        try {
            claims = p.validator().validate(idToken, new Nonce(pending[0]));
        } catch (Exception e) {
            LOG.warn("统一身份认证身份凭证无效 / OIDC ID token rejected: {}", e.getMessage());
            fail(ctx, "统一身份认证返回的身份凭证无效", "ID token rejected: " + e.getMessage());
            return;
        }
        String username = claims.getStringClaim(mapping.usernameClaim());
        if (username == null || !USERNAME.matcher(username).matches()) {
            fail(ctx, "统一身份认证账户缺少可用的用户名（" + mapping.usernameClaim() + "）", "no usable username claim");
            return;
        }
        Set<Role> roles = mapping.rolesFor(values(claims.getClaim(mapping.rolesClaim())));
        if (roles.isEmpty()) {
            fail(ctx, "您在统一身份认证平台中没有本系统的角色，请联系管理员", "no role mapped for " + username);
            return;
        }
        String name = claims.getStringClaim(mapping.nameClaim());
        String dept = claims.getStringClaim(mapping.departmentClaim());
        Account a;
        try {
            a = accounts.provision(claims.getIssuer().getValue(), claims.getSubject().getValue(), username,
                    name == null || name.isBlank() ? username : name.strip(), dept == null || dept.isBlank() ? null : dept.strip(), roles, ctx.ip());
        } catch (ApiException e) {
            fail(ctx, e.getMessage().split(" / ")[0], "provision refused for " + username);
            return;
        }
        if (!a.enabled()) {
            fail(ctx, "账户已停用", "disabled account " + username);
            return;
        }
        audit.success(a.actor(), SecurityAudit.Action.OIDC_LOGIN, a.usernameKey(), ctx.ip(), "统一身份认证登录");
        sessions.end(ctx.cookie(AccessGuard.SESSION_COOKIE));
        SessionService.Started s = sessions.start(a, ctx.ip());
        ctx.cookie(new Cookie(AccessGuard.SESSION_COOKIE, s.sessionId(), "/", -1, secureCookie, 0, true, null, null, SameSite.LAX));
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private static List<String> values(Object claim) {
        List<String> out = new ArrayList<>();
        if (claim instanceof String s) {
            out.add(s);
        } else if (claim instanceof Iterable<?> it) {
            it.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }

    private void unavailable(Context ctx, Exception e) {
        LOG.warn("统一身份认证平台不可用 / OIDC provider unreachable: {}", e.toString());
        audit.anonymous(SecurityAudit.Action.OIDC_LOGIN, "FAILURE", null, ctx.ip(), "provider unreachable: " + e.getClass().getSimpleName());
        ctx.status(503).contentType("text/html; charset=utf-8").result(new LoginPage(true).login("/",
                "统一身份认证平台暂时无法连接，请稍后再试或使用账户口令登录", null));
    }

    private void fail(Context ctx, String message, String detail) {
        audit.anonymous(SecurityAudit.Action.OIDC_LOGIN, "FAILURE", null, ctx.ip(), detail == null ? message : detail);
        ctx.status(401).contentType("text/html; charset=utf-8").result(new LoginPage(true).login("/", message, null));
    }

    private Provider provider() throws Exception {
        Provider p = provider;
        if (p == null) {
            synchronized (this) {
                if (provider == null) {
                    OIDCProviderMetadata meta = OIDCProviderMetadata.resolve(new Issuer(settings.issuer()));
                    // the provider's published signing algorithms, public-key ones only (never "none", never a shared secret)
                    java.util.Set<JWSAlgorithm> algs = new java.util.HashSet<>();
                    for (JWSAlgorithm a : meta.getIDTokenJWSAlgs() == null ? List.of(JWSAlgorithm.RS256) : meta.getIDTokenJWSAlgs()) {
                        if (JWSAlgorithm.Family.RSA.contains(a) || JWSAlgorithm.Family.EC.contains(a) || JWSAlgorithm.Family.ED.contains(a)) {
                            algs.add(a);
                        }
                    }
                    com.nimbusds.jose.jwk.source.JWKSource<com.nimbusds.jose.proc.SecurityContext> keys =
                            com.nimbusds.jose.jwk.source.JWKSourceBuilder.create(meta.getJWKSetURI().toURL()).build();
                    provider = new Provider(meta, new IDTokenValidator(meta.getIssuer(), new ClientID(settings.clientId()),
                            new com.nimbusds.jose.proc.JWSVerificationKeySelector<>(algs, keys), null));
                    LOG.info("统一身份认证已连接 / OIDC provider resolved: {}", meta.getIssuer());
                }
                p = provider;
            }
        }
        return p;
    }
}
