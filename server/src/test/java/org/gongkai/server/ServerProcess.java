package org.gongkai.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A whole gongkai server in a JVM of its own (as an operator runs it), for tests that kill or share servers. */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code serve} on a free port with the repository's plugins, {@code data} and the extra environment; waits for health. */
    public static ServerProcess start(Path data, Map<String, String> env) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.createDirectories(data);
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", cp,
                "org.gongkai.server.Main", "serve", "--port", String.valueOf(port), "--data", data.toString());
        pb.environment().put("GONGKAI_DICTIONARIES", TestEnv.root().resolve("dictionaries").toString());
        pb.environment().put("GONGKAI_CONFIG", TestEnv.root().resolve("config").toString());
        pb.environment().remove("GONGKAI_DB_URL");
        pb.environment().putAll(env);
        Path log = data.resolve("server.log");
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        ServerProcess p = new ServerProcess(pb.start(), port, log);
        p.awaitHealth();
        return p;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void awaitHealth() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int i = 0; i < 900; i++) {
            if (!process.isAlive()) {
                throw new AssertionError("server exited: " + logTail());
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/health"))).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("server did not come up: " + logTail());
    }

    /** SIGKILL, as a crash or an operator's kill -9: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public String logTail() {
        try {
            String s = Files.readString(log);
            return s.substring(Math.max(0, s.length() - 4000));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
