package org.gongkai.server.accuracy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.gongkai.spi.Route;
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
 *
 * <p>Beside the table it reports what issue 10 sets targets for: precision and recall over the content categories
 * alone ({@link Category.Kind#EXEMPT}, i.e. without the attribute bookkeeping), unwanted (false-positive) findings
 * per 20 documents, and every document sent to SECRECY_REVIEW against its label because of a dictionary term.
 */
public final class AccuracyReport {
    private static final ObjectMapper JSON = App.objectMapper();
    private static final String DICTIONARY = "dictionary";

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

    /**
     * The scores over a whole set.
     *
     * @param unwanted              reported findings that match no expected finding, or that a label forbids
     * @param unwantedContent       the same, counting content categories only
     * @param secrecyByDictionary   documents routed to SECRECY_REVIEW against their label, with the dictionary finding
     */
    public record Result(Map<Category, Score> categories, int documents, int attributeRight, int routeRight, List<String> misses,
                         int unwanted, int unwantedContent, List<String> secrecyByDictionary) {
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

        /** Totals over the content categories: expected, found, reported, correct. */
        public int[] content() {
            int[] t = new int[4];
            categories.forEach((c, s) -> {
                if (c.kind() == Category.Kind.EXEMPT) {
                    t[0] += s.expected;
                    t[1] += s.found;
                    t[2] += s.reported;
                    t[3] += s.correct;
                }
            });
            return t;
        }

        public double contentPrecision() {
            int[] t = content();
            return t[2] == 0 ? 1 : (double) t[3] / t[2];
        }

        public double contentRecall() {
            int[] t = content();
            return t[0] == 0 ? 1 : (double) t[1] / t[0];
        }

        /** Unwanted findings scaled to 20 documents, the unit of the target. */
        public double unwantedPer20(boolean contentOnly) {
            return documents == 0 ? 0 : 20.0 * (contentOnly ? unwantedContent : unwanted) / documents;
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
        int[] unwanted = new int[2];
        List<String> secrecyByDictionary = new ArrayList<>();
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
                if (r.route() == Route.SECRECY_REVIEW) {
                    dictionaryCause(r.findings()).ifPresent(f -> secrecyByDictionary.add(l.file() + ": " + f.category() + " “" + cut(f.text()) + "”"));
                }
            }
            score(l, r.findings(), scores, misses, unwanted);
        }
        return new Result(scores, docs, attrRight, routeRight, misses, unwanted[0], unwanted[1], secrecyByDictionary);
    }

    /** A dictionary finding of a category that routes to SECRECY_REVIEW (CONTRACT routing rules 2 and 4), if any. */
    private static Optional<ReportedFinding> dictionaryCause(List<ReportedFinding> findings) {
        Set<Category> secrecy = EnumSet.of(Category.SECRECY_MARKING, Category.SECRET_CONTENT, Category.STABILITY, Category.INTERNAL_MARKING);
        return findings.stream().filter(f -> secrecy.contains(f.category()) && DICTIONARY.equals(f.detector())).findFirst();
    }

    private static void score(LabelledDocument l, List<ReportedFinding> reported, Map<Category, Score> scores, List<String> misses,
                              int[] unwanted) {
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
                unwanted[0]++;
                if (f.category().kind() == Category.Kind.EXEMPT) {
                    unwanted[1]++;
                }
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
        int[] c = r.content();
        out.printf(Locale.ROOT, "content findings (%s categories): precision %.2f (%d/%d), recall %.2f (%d/%d)%n", Category.Kind.EXEMPT,
                r.contentPrecision(), c[3], c[2], r.contentRecall(), c[1], c[0]);
        out.printf(Locale.ROOT, "unwanted findings: %d = %.1f per 20 documents (content categories: %d = %.1f per 20 documents)%n",
                r.unwanted(), r.unwantedPer20(false), r.unwantedContent(), r.unwantedPer20(true));
        out.println("sent to SECRECY_REVIEW against the label by a dictionary term: " + r.secrecyByDictionary().size());
        r.secrecyByDictionary().forEach(m -> out.println("  " + m));
        if (!r.misses().isEmpty()) {
            out.println("misses and false positives:");
            r.misses().forEach(m -> out.println("  " + m));
        }
    }
}
