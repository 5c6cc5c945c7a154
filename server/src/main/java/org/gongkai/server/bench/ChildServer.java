package org.gongkai.server.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A server the benchmark starts as a child JVM (gongkai itself, or Apache Tika server), waits for, and
 * stops with its own children (Tika forks one). Output goes to a log file beside the benchmark's data.
 */
final class ChildServer implements AutoCloseable {
    private final String name;
    private final Process process;
    private final String baseUrl;
    private final Path log;

    private ChildServer(String name, Process process, String baseUrl, Path log) {
        this.name = name;
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    static ChildServer start(String name, List<String> command, Map<String, String> env, int port, String readyPath, Path log)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        ChildServer s = new ChildServer(name, pb.start(), "http://127.0.0.1:" + port, log);
        s.awaitReady(readyPath, Duration.ofMinutes(3));
        return s;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    long pid() {
        return process.pid();
    }

    /**
     * CPU time (user + system) used so far by this server and its child processes, in milliseconds, from
     * {@code /proc} (Linux); -1 elsewhere. On a shared machine, CPU per document is steadier than documents
     * per second.
     */
    long cpuMillis() {
        long ticks = 0;
        for (ProcessHandle h : java.util.stream.Stream.concat(java.util.stream.Stream.of(process.toHandle()), process.descendants()).toList()) {
            try {
                String stat = java.nio.file.Files.readString(Path.of("/proc", String.valueOf(h.pid()), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // utime, stime (fields 14, 15) and cutime, cstime (16, 17): the last two hold the CPU of children already
                // ended and reaped — extraction children replaced after their quota of documents, tesseract runs
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
        return ticks * 10; // USER_HZ is 100 on Linux
    }

    private void awaitReady(String path, Duration max) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException(name + " did not answer " + path + " within " + max + "; see " + log);
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
