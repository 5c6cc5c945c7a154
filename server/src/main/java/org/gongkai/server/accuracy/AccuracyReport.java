package org.gongkai.server.accuracy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.gongkai.server.App;
import org.gongkai.server.config.ServerConfig;
import org.gongkai.server.pipeline.CheckPipeline;
import org.gongkai.server.pipeline.CheckResult;
import org.gongkai.server.pipeline.ReportedFinding;
import org.gongkai.server.pipeline.TypeDetector;
import org.gongkai.server.plugin.PluginRegistry;
import org.gongkai.spi.Attribute;
import org.gongkai.spi.Category;
import org.gongkai.spi.NormalizedText;
import org.gongkai.spi.Severity;
import org.gongkai.spi.Submission;

/**
 * Runs the whole pipeline over the labelled fixture set and scores it: per-category precision and recall,
 * attribute detection and routing accuracy. {@code gongkai accuracy [DIR]} prints the table.
 *
 * <p>Scoring: an expected finding is found when a reported finding of its category contains its text (both
 * normalised: NFKC, no white space), or, for an expected finding without text, when any finding of the
 * category was reported. A reported finding (above INFO, not FORMAT) is correct when it matches an expected
 * finding of its category; otherwise it is a false positive. "mustNotFind" entries that are reported count
 * as false positives too.
 */
public final class AccuracyReport {
    private static final ObjectMapper JSON = App.objectMapper();

    /** Counts for one category. */
    public static final class Score {
        int expected;
        int found;
        int reported;
        int correct;

        public double recall() {
            return expected == 0 ? 1.0 : (double) found / expected;
        }

        public double precision() {
            return reported == 0 ? 1.0 : (double) correct / reported;
        }
    }

    /** The scores over a whole set. */
    public record Result(Map<Category, Score> categories, int documents, int attributeRight, int routeRight, List<String> misses) {
        public double overallRecall() {
            int e = categories.values().stream().mapToInt(s -> s.expected).sum();
            int f = categories.values().stream().mapToInt(s -> s.found).sum();
            return e == 0 ? 1 : (double) f / e;
        }

        public double overallPrecision() {
            int r = categories.values().stream().mapToInt(s -> s.reported).sum();
            int c = categories.values().stream().mapToInt(s -> s.correct).sum();
            return r == 0 ? 1 : (double) c / r;
        }
    }

    private AccuracyReport() {
    }

    public static int run(List<String> args, ServerConfig cfg) {
        Path dir = Path.of(args.isEmpty() ? "fixtures/labelled" : args.get(0));
        if (!Files.isDirectory(dir)) {
            System.err.println("找不到标注集 / labelled set not found: " + dir);
            return 2;
        }
        ExecutorService threads = App.extractionThreads();
        try {
            CheckPipeline pipeline = App.pipeline(PluginRegistry.load(App.environment(cfg)), threads, cfg);
            Result r = evaluate(dir, pipeline);
            print(r, System.out);
            return 0;
        } catch (IOException e) {
            System.err.println("标注集读取失败 / cannot read labelled set: " + e.getMessage());
            return 1;
        } finally {
            threads.shutdownNow();
        }
    }

    public static Result evaluate(Path dir, CheckPipeline pipeline) throws IOException {
        Map<Category, Score> scores = new EnumMap<>(Category.class);
        List<String> misses = new ArrayList<>();
        TypeDetector types = new TypeDetector();
        int docs = 0;
        int attrRight = 0;
        int routeRight = 0;
        List<Path> labels;
        try (var s = Files.list(dir)) {
            labels = s.filter(p -> p.getFileName().toString().endsWith(".expected.json")).sorted().toList();
        }
        for (Path label : labels) {
            LabelledDocument l = JSON.readValue(label.toFile(), LabelledDocument.class);
            Path file = dir.resolve(l.file());
            String type = types.detect(file);
            Attribute declared = Attribute.parseDeclared(l.declared()).orElse(null);
            CheckResult r = pipeline.check(file, type, new Submission(l.file(), declared, l.reason(), null, Boolean.TRUE.equals(l.interpretation())));
            docs++;
            if (r.detected().name().equals(l.attribute())) {
                attrRight++;
            } else {
                misses.add(l.file() + ": attribute " + r.detected() + ", expected " + l.attribute());
            }
            if (r.route().name().equals(l.route())) {
                routeRight++;
            } else {
                misses.add(l.file() + ": route " + r.route() + ", expected " + l.route());
            }
            score(l, r.findings(), scores, misses);
        }
        return new Result(scores, docs, attrRight, routeRight, misses);
    }

    private static void score(LabelledDocument l, List<ReportedFinding> reported, Map<Category, Score> scores, List<String> misses) {
        List<LabelledDocument.Expected> expected = l.findings() == null ? List.of() : l.findings();
        for (LabelledDocument.Expected e : expected) {
            Category c = Category.valueOf(e.category());
            Score s = scores.computeIfAbsent(c, k -> new Score());
            s.expected++;
            if (reported.stream().anyMatch(f -> f.category() == c && matches(e.text(), f.text()))) {
                s.found++;
            } else {
                misses.add(l.file() + ": missed " + c + (e.text() == null ? "" : " “" + e.text() + "”"));
            }
        }
        for (ReportedFinding f : reported) {
            if (f.severity() == Severity.INFO || f.category() == Category.FORMAT) {
                continue;
            }
            Score s = scores.computeIfAbsent(f.category(), k -> new Score());
            s.reported++;
            boolean ok = expected.stream().anyMatch(e -> e.category().equals(f.category().name()) && matches(e.text(), f.text()));
            boolean forbidden = forbidden(l.mustNotFind(), f);
            if (ok && !forbidden) {
                s.correct++;
            } else {
                misses.add(l.file() + ": false " + f.category() + " “" + cut(f.text()) + "” (" + f.detector() + ")" + (forbidden ? " [mustNotFind]" : ""));
            }
        }
    }

    private static boolean forbidden(List<String> mustNotFind, ReportedFinding f) {
        if (mustNotFind == null) {
            return false;
        }
        for (String m : mustNotFind) {
            int colon = m.indexOf(':');
            String cat = colon < 0 ? m : m.substring(0, colon);
            if (cat.equals(f.category().name()) && (colon < 0 || norm(f.text()).contains(norm(m.substring(colon + 1))))) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(String expectedText, String reportedText) {
        if (expectedText == null) {
            return true;
        }
        String e = norm(expectedText);
        String r = norm(reportedText);
        return !r.isEmpty() && (r.contains(e) || e.contains(r) && r.length() * 2 >= e.length());
    }

    private static String norm(String s) {
        return s == null ? "" : NormalizedText.of(s).text().replaceAll("[\\s·•\\-]", "");
    }

    private static String cut(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    public static void print(Result r, PrintStream out) {
        out.printf(Locale.ROOT, "%-24s %8s %6s %8s %7s %9s %7s%n", "category", "expected", "found", "reported", "correct", "precision", "recall");
        r.categories().forEach((c, s) -> out.printf(Locale.ROOT, "%-24s %8d %6d %8d %7d %9.2f %7.2f%n", c, s.expected, s.found, s.reported,
                s.correct, s.precision(), s.recall()));
        out.printf(Locale.ROOT, "%-24s %8s %6s %8s %7s %9.2f %7.2f%n", "OVERALL", "", "", "", "", r.overallPrecision(), r.overallRecall());
        out.printf(Locale.ROOT, "documents %d; attribute detected right %d/%d (%.1f%%); route right %d/%d (%.1f%%)%n", r.documents(),
                r.attributeRight(), r.documents(), 100.0 * r.attributeRight() / Math.max(1, r.documents()), r.routeRight(), r.documents(),
                100.0 * r.routeRight() / Math.max(1, r.documents()));
        if (!r.misses().isEmpty()) {
            out.println("misses and false positives:");
            r.misses().forEach(m -> out.println("  " + m));
        }
    }
}
