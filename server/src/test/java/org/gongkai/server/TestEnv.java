package org.gongkai.server;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.gongkai.server.config.ServerConfig;

/** Paths and configurations shared by server tests: the repository root, fixtures, and a config per test. */
public final class TestEnv {
    private TestEnv() {
    }

    public static Path root() {
        return Path.of(System.getProperty("gongkai.root", "..")).toAbsolutePath().normalize();
    }

    public static Path fixtures() {
        return root().resolve("fixtures");
    }

    public static Path shared() {
        return root().getParent().resolve("shared");
    }

    /** A server configuration on an embedded H2 database in {@code data}, with the repository's plugins. */
    public static ServerConfig config(Path data) {
        Map<String, String> env = new HashMap<>();
        env.put("GONGKAI_DICTIONARIES", root().resolve("dictionaries").toString());
        env.put("GONGKAI_CONFIG", root().resolve("config").toString());
        env.put("GONGKAI_WORKERS", "2");
        env.put("GONGKAI_PARSE_TIMEOUT_S", "60");
        return ServerConfig.fromEnvironment(env, 0, data);
    }

    /** The PostgreSQL URL CI provides, or null when these tests run without one. */
    public static String postgresUrl() {
        String u = System.getenv("GONGKAI_TEST_PG_URL");
        return u == null || u.isBlank() ? null : u;
    }
}
