package org.gongkai.server.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.gongkai.server.App;
import org.gongkai.server.config.ServerConfig;
import org.gongkai.server.pipeline.CheckPipeline;
import org.gongkai.server.pipeline.TypeDetector;
import org.gongkai.server.plugin.PluginRegistry;
import org.gongkai.spi.Block;
import org.gongkai.spi.DetectionContext;
import org.gongkai.spi.Detector;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.Extractor;
import org.gongkai.spi.NormalizedText;
import org.gongkai.spi.Submission;

/**
 * {@code gongkai bench}: prints extraction times (ours vs Tika's AutoDetectParser on the same files),
 * detector throughput on Chinese text, and whole-pipeline time per document. A main, not a timed unit test:
 * numbers depend on the machine, so they are printed with it and recorded in the README.
 */
public final class Benchmarks {
    private final PluginRegistry plugins;
    private final ServerConfig cfg;
    private final double seconds;
    /** Keeps results alive so the JIT cannot drop the measured work. */
    private long blackhole;

    private Benchmarks(PluginRegistry plugins, ServerConfig cfg, double seconds) {
        this.plugins = plugins;
        this.cfg = cfg;
        this.seconds = seconds;
    }

    public static int run(List<String> args, ServerConfig cfg) {
        if (args.contains("--server")) {
            return ServerBenchmark.run(args, cfg);
        }
        double seconds = 5;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--seconds") && i + 1 < args.size()) {
                seconds = Double.parseDouble(args.get(++i));
            }
        }
        try {
            new Benchmarks(PluginRegistry.load(App.environment(cfg)), cfg, seconds).all();
            return 0;
        } catch (Exception e) {
            System.err.println("benchmark failed: " + e);
            e.printStackTrace();
            return 1;
        }
    }

    private void all() throws Exception {
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, Java %s, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        Path dir = Files.createTempDirectory("gongkai-bench");
        Path docx = BenchDocuments.docx(dir.resolve("twenty-pages.docx"), 20);
        Path pdf = BenchDocuments.pdf(dir.resolve("twenty-pages.pdf"), 20);
        TypeDetector types = new TypeDetector();
        for (Path f : List.of(docx, pdf)) {
            String type = types.detect(f);
            Extractor ex = plugins.extractors().stream().filter(e -> e.mediaTypes().contains(type)).findFirst().orElseThrow();
            ExtractionLimits limits = new ExtractionLimits(cfg.maxChars(), 3, 0.01, false);
            DocumentText sample = ex.extract(f, type, limits);
            double ours = time(() -> {
                try {
                    return ex.extract(f, type, limits).text().length();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            AutoDetectParser tika = new AutoDetectParser();
            double theirs = time(() -> tikaText(tika, f));
            System.out.printf(Locale.ROOT, "extract %-18s %5s pages %7d chars: gongkai %-5s %7.1f ms | Tika AutoDetectParser %7.1f ms | ratio %.2f%n",
                    f.getFileName(), sample.pageCount() == 0 ? "(flow)" : String.valueOf(sample.pageCount()), sample.text().length(), ex.name(), ours, theirs, ours / theirs);
        }
        detectors();
        ExecutorService threads = App.extractionThreads();
        try {
            CheckPipeline pipeline = App.pipeline(plugins, threads, cfg);
            for (Path f : List.of(docx, pdf)) {
                String type = types.detect(f);
                double ms = time(() -> pipeline.check(f, type, Submission.of(f.getFileName().toString())).findings().size());
                System.out.printf(Locale.ROOT, "pipeline %-18s %7.1f ms per document (extract + structure + %d detectors + routing)%n",
                        f.getFileName(), ms, plugins.detectors().size());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private void detectors() throws IOException {
        String text = BenchDocuments.chineseText(5 * 1024 * 1024);
        List<DetectionContext> chunks = new ArrayList<>();
        // documents of about 20 pages each, as the detectors see them in production
        for (int i = 0; i < text.length(); i += 12_000) {
            String part = text.substring(i, Math.min(text.length(), i + 12_000));
            NormalizedText n = NormalizedText.of(DocumentText.of(splitBlocks(part)));
            chunks.add(new DetectionContext(n.original(), n, plugins.structure().parse(n.original(), n), Submission.of("bench.txt")));
        }
        long bytes = text.getBytes(StandardCharsets.UTF_8).length;
        for (int round = 0; round < 2; round++) {
            runAll(chunks); // warm-up
        }
        long t0 = System.nanoTime();
        int findings = runAll(chunks);
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "detect all %d detectors: %.1f MB UTF-8 (%d chars) in %.2f s = %.2f MB/s on one thread; %d findings%n",
                plugins.detectors().size(), bytes / 1e6, text.length(), s, bytes / 1e6 / s, findings);
        for (Detector d : plugins.detectors()) {
            long a = System.nanoTime();
            for (DetectionContext c : chunks) {
                d.detect(c);
            }
            double ds = (System.nanoTime() - a) / 1e9;
            System.out.printf(Locale.ROOT, "  %-18s %8.2f MB/s%n", d.name(), bytes / 1e6 / ds);
        }
    }

    private static List<Block> splitBlocks(String part) {
        List<Block> blocks = new ArrayList<>();
        for (String p : part.split("\n")) {
            blocks.add(Block.body(p));
        }
        return blocks;
    }

    private int runAll(List<DetectionContext> chunks) {
        int n = 0;
        for (DetectionContext c : chunks) {
            for (Detector d : plugins.detectors()) {
                n += d.detect(c).size();
            }
        }
        return n;
    }

    private static int tikaText(AutoDetectParser tika, Path f) {
        try (InputStream in = org.apache.tika.io.TikaInputStream.get(f)) {
            BodyContentHandler h = new BodyContentHandler(-1);
            tika.parse(in, h, new Metadata(), new ParseContext());
            return h.toString().length();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Mean milliseconds per call after warm-up, over about {@code seconds}. */
    private double time(Supplier<Integer> work) {
        long warmEnd = System.nanoTime() + (long) (seconds * 0.4e9);
        int sink = 0;
        while (System.nanoTime() < warmEnd) {
            sink += work.get();
        }
        long end = System.nanoTime() + (long) (seconds * 0.6e9);
        int n = 0;
        long t0 = System.nanoTime();
        while (System.nanoTime() < end || n < 5) {
            sink += work.get();
            n++;
        }
        blackhole += sink;
        return (System.nanoTime() - t0) / 1e6 / n;
    }
}
