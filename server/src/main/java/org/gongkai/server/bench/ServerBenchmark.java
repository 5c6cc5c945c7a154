package org.gongkai.server.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.gongkai.server.config.ServerConfig;

/**
 * {@code gongkai bench --server}: Apache Tika server extracting text ({@code PUT /tika}) against gongkai
 * checking end to end (upload → every check → stored → routed → CHECKED), on the same files, with the same
 * HTTP client, rounds interleaved, at 1, 4 and 16 clients; then upload→CHECKED latency of a five-page draft
 * at one client. Both servers are started as child JVMs (or given with {@code --url} / {@code --tika-url}).
 * A program that prints numbers, not a timed test.
 */
public final class ServerBenchmark {
    static final String TIKA_VERSION = "3.2.2";
    private final Options o;

    private ServerBenchmark(Options o) {
        this.o = o;
    }

    /** Command-line options, see {@link #USAGE}. */
    record Options(String url, String tikaUrl, Path tikaJar, Path files, int[] clients, double seconds, int rounds, Path jfr, String token,
                   double warmup, String dbUrl) {
    }

    static final String USAGE = "gongkai bench --server [--clients 1,4,16] [--seconds 10] [--rounds 3] [--warmup 30] [--files DIR] "
            + "[--tika JAR | --tika-url URL] [--url URL --token ADMIN-TOKEN | --db-url JDBC-URL] [--jfr FILE]";

    public static int run(List<String> args, ServerConfig cfg) {
        Options o;
        try {
            o = parse(args, cfg);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            return 2;
        }
        try {
            new ServerBenchmark(o).all(cfg);
            return 0;
        } catch (Exception e) {
            System.err.println("benchmark failed: " + e);
            return 1;
        }
    }

    private void all(ServerConfig cfg) throws Exception {
        List<LoadRound.BenchFile> files = files(o.files());
        Path work = Files.createTempDirectory("gongkai-server-bench");
        System.out.printf(Locale.ROOT, "machine: %d cores, %s, Java %s; load average at start: %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("java.version"), loadAverage());
        System.out.printf(Locale.ROOT, "files: %s%n", files.stream().map(f -> f.name() + " " + f.bytes().length / 1024 + " KB").toList());
        String adminToken = o.token() != null ? o.token() : UUID.randomUUID().toString();
        try (ChildServer tika = o.tikaUrl() == null && o.tikaJar() != null ? startTika(work) : null;
             ChildServer gongkai = o.url() == null ? startGongkai(cfg, work, adminToken) : null) {
            String tikaUrl = o.tikaUrl() != null ? o.tikaUrl() : tika == null ? null : tika.baseUrl();
            String gongkaiUrl = o.url() != null ? o.url() : gongkai.baseUrl();
            HttpTargets client = new HttpTargets(HttpTargets.drafterToken(gongkaiUrl, adminToken));
            LoadRound.Operation t = tikaUrl == null ? null : client.tika(tikaUrl);
            LoadRound.Operation g = client.gongkai(gongkaiUrl);
            if (t == null) {
                System.out.println("no Tika server (--tika JAR or --tika-url URL): gongkai only. Get the jar with "
                        + "mvn dependency:get -Dartifact=org.apache.tika:tika-server-standard:" + TIKA_VERSION + " -Dtransitive=false");
            }
            System.out.printf(Locale.ROOT, "warming up both servers (%.0f s each, until the JIT has compiled the hot code)…%n", o.warmup());
            for (int i = 0; i < 3; i++) {
                if (t != null) {
                    LoadRound.run(t, files, 4, o.warmup() / 3);
                }
                LoadRound.run(g, files, 4, o.warmup() / 3);
            }
            List<String> rows = new ArrayList<>();
            for (int c : o.clients()) {
                List<LoadRound.Result> tr = new ArrayList<>();
                List<LoadRound.Result> gr = new ArrayList<>();
                long[] cpu = new long[2];
                for (int r = 0; r < o.rounds(); r++) {
                    // alternate who goes first so that neither always runs on a machine the other just heated
                    if (t != null && r % 2 == 0) {
                        tr.add(measured(tika, cpu, 0, () -> LoadRound.run(t, files, c, o.seconds())));
                    }
                    gr.add(measured(gongkai, cpu, 1, () -> LoadRound.run(g, files, c, o.seconds())));
                    if (t != null && r % 2 == 1) {
                        tr.add(measured(tika, cpu, 0, () -> LoadRound.run(t, files, c, o.seconds())));
                    }
                }
                rows.add(row(c, t == null ? null : LoadRound.Result.merge(tr), LoadRound.Result.merge(gr), cpu));
            }
            LoadRound.Result five = LoadRound.run(g, List.of(fivePages(work)), 1, o.seconds() * o.rounds());
            System.out.println();
            System.out.println("| clients | Tika docs/s | gongkai docs/s | ratio | gongkai p50 / p95 | CPU ms per document (Tika / gongkai) | errors (Tika / gongkai) |");
            System.out.println("|---|---|---|---|---|---|---|");
            rows.forEach(System.out::println);
            System.out.printf(Locale.ROOT, "%nfive-page DOCX, 1 client, upload → CHECKED: p50 %.0f ms, p95 %.0f ms over %d documents (%d errors)%n",
                    five.percentileMillis(50), five.percentileMillis(95), five.completed(), five.errors());
            if (five.firstError() != null) {
                System.out.println("  first error: " + five.firstError());
            }
            System.out.println("load average at end: " + loadAverage());
        }
    }

    /** A round, with the CPU the server used during it added to {@code cpu[slot]} (stays -1 when unknown). */
    private static LoadRound.Result measured(ChildServer server, long[] cpu, int slot, Round round) throws InterruptedException {
        long before = server == null ? -1 : server.cpuMillis();
        LoadRound.Result r = round.run();
        long after = server == null ? -1 : server.cpuMillis();
        cpu[slot] = before < 0 || after < 0 || cpu[slot] < 0 ? -1 : cpu[slot] + after - before;
        return r;
    }

    @FunctionalInterface
    private interface Round {
        LoadRound.Result run() throws InterruptedException;
    }

    private static String row(int clients, LoadRound.Result tika, LoadRound.Result g, long[] cpu) {
        String cpuPerDoc = (tika == null || cpu[0] < 0 || tika.completed() == 0 ? "–" : String.format(Locale.ROOT, "%.1f", (double) cpu[0] / tika.completed()))
                + " / " + (cpu[1] < 0 || g.completed() == 0 ? "–" : String.format(Locale.ROOT, "%.1f", (double) cpu[1] / g.completed()));
        String err = (tika == null ? "–" : String.valueOf(tika.errors())) + " / " + g.errors()
                + (g.firstError() != null ? " (" + g.firstError() + ")" : tika != null && tika.firstError() != null ? " (" + tika.firstError() + ")" : "");
        return String.format(Locale.ROOT, "| %d | %s | %.1f | %s | %.0f / %.0f ms | %s | %s |", clients,
                tika == null ? "–" : String.format(Locale.ROOT, "%.1f", tika.perSecond()), g.perSecond(),
                tika == null ? "–" : String.format(Locale.ROOT, "%.2f", g.perSecond() / tika.perSecond()),
                g.percentileMillis(50), g.percentileMillis(95), cpuPerDoc, err);
    }

    private ChildServer startTika(Path work) throws IOException, InterruptedException {
        int port = ChildServer.freePort();
        System.out.println("starting Tika server " + o.tikaJar().getFileName() + " on port " + port);
        return ChildServer.start("Tika server", List.of(ChildServer.java(), "-Xmx2g", "-jar", o.tikaJar().toString(), "-h", "127.0.0.1",
                "-p", String.valueOf(port)), Map.of(), port, "/version", work.resolve("tika.log"));
    }

    private ChildServer startGongkai(ServerConfig cfg, Path work, String token) throws IOException, InterruptedException {
        int port = ChildServer.freePort();
        List<String> cmd = new ArrayList<>(List.of(ChildServer.java(), "-Xmx2g", "-Dfile.encoding=UTF-8",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        if (o.jfr() != null) {
            cmd.add("-XX:StartFlightRecording=filename=" + o.jfr().toAbsolutePath() + ",settings=profile,dumponexit=true");
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.gongkai.server.Main", "serve", "--port", String.valueOf(port),
                "--data", work.resolve("gongkai-data").toString()));
        Map<String, String> env = new HashMap<>();
        env.put("GONGKAI_DICTIONARIES", cfg.dictionariesDir().toString());
        env.put("GONGKAI_CONFIG", cfg.configDir().toString());
        env.put("GONGKAI_ADMIN_TOKEN", token);
        if (o.dbUrl() != null) {
            env.put("GONGKAI_DB_URL", o.dbUrl()); // e.g. PostgreSQL, where results use group commit
        }
        System.out.println("starting gongkai on port " + port + (o.jfr() != null ? " with a flight recording to " + o.jfr() : ""));
        return ChildServer.start("gongkai", cmd, env, port, "/api/v1/health", work.resolve("gongkai.log"));
    }

    private static LoadRound.BenchFile fivePages(Path work) throws IOException {
        Path p = BenchDocuments.docx(work.resolve("five-pages.docx"), 5);
        return new LoadRound.BenchFile(p.getFileName().toString(), Files.readAllBytes(p));
    }

    private static List<LoadRound.BenchFile> files(Path dir) throws IOException {
        List<LoadRound.BenchFile> files = new ArrayList<>();
        try (var s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (n.endsWith(".docx") || n.endsWith(".pdf") || n.endsWith(".ofd") || n.endsWith(".doc")) {
                    files.add(new LoadRound.BenchFile(p.getFileName().toString(), Files.readAllBytes(p)));
                }
            }
        }
        if (files.isEmpty()) {
            throw new IOException("no DOCX/PDF files in " + dir);
        }
        return files;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static Options parse(List<String> args, ServerConfig cfg) {
        Map<String, String> v = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--server")) {
                continue;
            }
            if (!a.startsWith("--") || i + 1 >= args.size()) {
                throw new IllegalArgumentException("unknown or incomplete option: " + a);
            }
            v.put(a.substring(2), args.get(++i));
        }
        Path root = cfg.configDir().getParent();
        Path repo = Path.of(System.getProperty("maven.repo.local", Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        Path tika = v.containsKey("tika") ? Path.of(v.remove("tika"))
                : repo.resolve("org/apache/tika/tika-server-standard/" + TIKA_VERSION + "/tika-server-standard-" + TIKA_VERSION + ".jar");
        Options o = new Options(v.remove("url"), v.remove("tika-url"), Files.isRegularFile(tika) ? tika : null,
                Path.of(v.getOrDefault("files", root.resolve("fixtures/bench").toString())),
                java.util.Arrays.stream(v.getOrDefault("clients", "1,4,16").split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray(),
                Double.parseDouble(v.getOrDefault("seconds", "10")), Integer.parseInt(v.getOrDefault("rounds", "3")),
                v.containsKey("jfr") ? Path.of(v.get("jfr")) : null, v.get("token"), Double.parseDouble(v.getOrDefault("warmup", "30")),
                v.get("db-url"));
        v.keySet().removeAll(List.of("files", "clients", "seconds", "rounds", "jfr", "token", "warmup", "db-url"));
        if (!v.isEmpty()) {
            throw new IllegalArgumentException("unknown options: " + v.keySet());
        }
        return o;
    }
}
