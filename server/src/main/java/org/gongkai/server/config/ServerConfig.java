package org.gongkai.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.gongkai.server.auth.SecuritySettings;

/**
 * Everything the server is configured with. Built from command-line options, then environment variables
 * ({@code GONGKAI_*}), then defaults (shared/CONTRACT.md, "Launcher and data").
 *
 * @param bind            address to listen on (GONGKAI_BIND, default 127.0.0.1)
 * @param port            port (--port, GONGKAI_PORT, default 7070)
 * @param dataDir         data folder: H2 database, Lucene index, stored files (--data, GONGKAI_DATA, default ./data)
 * @param dbUrl           JDBC URL (GONGKAI_DB_URL); default an H2 file database in {@code dataDir}
 * @param dbUser          database user (GONGKAI_DB_USER)
 * @param dbPassword      database password (GONGKAI_DB_PASSWORD)
 * @param dictionariesDir keyword lists (GONGKAI_DICTIONARIES, default ./dictionaries)
 * @param configDir       plugin and routing configuration (GONGKAI_CONFIG, default ./config)
 * @param maxUploadBytes  largest accepted upload (GONGKAI_MAX_UPLOAD_MB, default 50 MB)
 * @param parseTimeout    per-document extraction time-out (GONGKAI_PARSE_TIMEOUT_S, default 60 s)
 * @param workers         processing threads (GONGKAI_WORKERS, default number of cores)
 * @param maxChars        largest number of characters extracted per document (GONGKAI_MAX_CHARS)
 * @param adminToken      bearer token of an administrator (GONGKAI_ADMIN_TOKEN), or null
 * @param pdfFont         CJK TrueType font (.ttf/.ttc) embedded in PDF output (GONGKAI_PDF_FONT); null: look in the usual Debian places
 * @param blobStore       where originals are kept (GONGKAI_BLOB_STORE): {@code database} (shared by several servers; the default
 *                        with PostgreSQL) or {@code files} (this server's data folder; the default with H2)
 * @param security        sessions, tokens, sign-in throttling, cookie and OIDC settings ({@link SecuritySettings})
 */
public record ServerConfig(String bind, int port, Path dataDir, String dbUrl, String dbUser, String dbPassword,
                           Path dictionariesDir, Path configDir, long maxUploadBytes, Duration parseTimeout,
                           int workers, int maxChars, String adminToken, String pdfFont, String blobStore, SecuritySettings security) {

    public static ServerConfig fromEnvironment(Map<String, String> env, Integer portOption, Path dataOption) {
        Path data = dataOption != null ? dataOption : Path.of(env.getOrDefault("GONGKAI_DATA", "data"));
        int port = portOption != null ? portOption : Integer.parseInt(env.getOrDefault("GONGKAI_PORT", "7070"));
        data = data.toAbsolutePath().normalize();
        String dbUrl = env.get("GONGKAI_DB_URL");
        if (dbUrl == null || dbUrl.isBlank()) {
            dbUrl = h2Url(data);
        }
        return new ServerConfig(
                env.getOrDefault("GONGKAI_BIND", "127.0.0.1"), port, data, dbUrl,
                env.getOrDefault("GONGKAI_DB_USER", dbUrl.startsWith("jdbc:h2:") ? "sa" : null),
                env.getOrDefault("GONGKAI_DB_PASSWORD", dbUrl.startsWith("jdbc:h2:") ? "" : null),
                Path.of(env.getOrDefault("GONGKAI_DICTIONARIES", "dictionaries")).toAbsolutePath().normalize(),
                Path.of(env.getOrDefault("GONGKAI_CONFIG", "config")).toAbsolutePath().normalize(),
                Long.parseLong(env.getOrDefault("GONGKAI_MAX_UPLOAD_MB", "50")) * 1024 * 1024,
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("GONGKAI_PARSE_TIMEOUT_S", "60"))),
                Integer.parseInt(env.getOrDefault("GONGKAI_WORKERS", String.valueOf(Math.max(1, Runtime.getRuntime().availableProcessors())))),
                Integer.parseInt(env.getOrDefault("GONGKAI_MAX_CHARS", "5000000")),
                blankToNull(env.get("GONGKAI_ADMIN_TOKEN")), blankToNull(env.get("GONGKAI_PDF_FONT")),
                blobStore(env.get("GONGKAI_BLOB_STORE"), dbUrl), SecuritySettings.fromEnvironment(env));
    }

    /**
     * An H2 file database inside the data folder; AUTO_SERVER off: one server owns one data folder. Each
     * connection keeps its parsed statements (QUERY_CACHE_SIZE; H2's 8 is fewer than one check uses).
     */
    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("db").resolve("gongkai").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=64";
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(bind, p, dataDir, dbUrl, dbUser, dbPassword, dictionariesDir, configDir, maxUploadBytes, parseTimeout, workers, maxChars, adminToken, pdfFont, blobStore, security);
    }

    public ServerConfig withMaxUploadBytes(long b) {
        return new ServerConfig(bind, port, dataDir, dbUrl, dbUser, dbPassword, dictionariesDir, configDir, b, parseTimeout, workers, maxChars, adminToken, pdfFont, blobStore, security);
    }

    public ServerConfig withParseTimeout(Duration t) {
        return new ServerConfig(bind, port, dataDir, dbUrl, dbUser, dbPassword, dictionariesDir, configDir, maxUploadBytes, t, workers, maxChars, adminToken, pdfFont, blobStore, security);
    }

    public ServerConfig withAdminToken(String t) {
        return new ServerConfig(bind, port, dataDir, dbUrl, dbUser, dbPassword, dictionariesDir, configDir, maxUploadBytes, parseTimeout, workers, maxChars, t, pdfFont, blobStore, security);
    }

    public ServerConfig withDatabase(String url, String user, String password) {
        // the store follows the database (PostgreSQL: shared); withBlobStore after this to choose otherwise
        return new ServerConfig(bind, port, dataDir, url, user, password, dictionariesDir, configDir, maxUploadBytes, parseTimeout, workers, maxChars, adminToken, pdfFont, blobStore(null, url), security);
    }

    static String blobStore(String configured, String dbUrl) {
        if (configured == null || configured.isBlank()) {
            return dbUrl.startsWith("jdbc:postgresql:") ? "database" : "files";
        }
        String v = configured.strip().toLowerCase(java.util.Locale.ROOT);
        if (!v.equals("database") && !v.equals("files")) {
            throw new IllegalArgumentException("GONGKAI_BLOB_STORE must be 'database' or 'files', not '" + configured + "'");
        }
        return v;
    }

    /** The same configuration with originals kept in the database ("database") or in the data folder ("files"). */
    public ServerConfig withBlobStore(String kind) {
        return new ServerConfig(bind, port, dataDir, dbUrl, dbUser, dbPassword, dictionariesDir, configDir, maxUploadBytes, parseTimeout, workers, maxChars, adminToken, pdfFont, blobStore(kind, dbUrl), security);
    }

    public ServerConfig withSecurity(SecuritySettings s) {
        return new ServerConfig(bind, port, dataDir, dbUrl, dbUser, dbPassword, dictionariesDir, configDir, maxUploadBytes, parseTimeout, workers, maxChars, adminToken, pdfFont, blobStore, s);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
