package org.gongkai.dictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gongkai.spi.Block;
import org.gongkai.spi.Category;
import org.gongkai.spi.DetectionContext;
import org.gongkai.spi.DocumentStructure;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.Finding;
import org.gongkai.spi.NormalizedText;
import org.gongkai.spi.PluginConfig;
import org.gongkai.spi.Submission;

/** The real dictionaries folder, temporary copies of it, configured detectors and assertions. */
final class DictionaryFixtures {
    private DictionaryFixtures() {
    }

    /** The repository's dictionaries folder (found from the working directory upwards). */
    static Path realDictionaries() {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            Path d = p.resolve("dictionaries");
            if (Files.isRegularFile(d.resolve("trade_secret.txt"))) {
                return d;
            }
        }
        throw new IllegalStateException("dictionaries/ not found above " + System.getProperty("user.dir"));
    }

    /** The seed rule texts (../shared/seeds next to the repository), empty when absent. */
    static List<Path> seeds() throws IOException {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            for (Path d : List.of(p.resolve("shared").resolve("seeds"), p.resolveSibling("shared").resolve("seeds"))) {
                if (Files.isDirectory(d)) {
                    try (Stream<Path> s = Files.list(d)) {
                        return s.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
                    }
                }
            }
        }
        return List.of();
    }

    static DictionaryDetector detector(Path dir) {
        return detector(dir, Map.of());
    }

    static DictionaryDetector detector(Path dir, Map<String, String> params) {
        DictionaryDetector d = new DictionaryDetector();
        PluginConfig config = new PluginConfig("dictionary", new HashMap<>(params), new PluginConfig.Environment(dir, dir, dir));
        d.configure(config);
        config.ensureConsumed();
        return d;
    }

    /** A copy of the real dictionaries in {@code target}. */
    static Path copyOfReal(Path target) throws IOException {
        try (Stream<Path> s = Files.list(realDictionaries())) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        return target;
    }

    /** Appends lines to a dictionary file and moves its modification time forward, as an editor would. */
    static void append(Path file, String... lines) throws IOException {
        Files.writeString(file, "\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        touchForward(file);
    }

    static void touchForward(Path file) throws IOException {
        FileTime t = Files.getLastModifiedTime(file);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Math.max(t.toMillis(), System.currentTimeMillis()) + 5_000));
    }

    /** Waits out the detector's once-a-second check for changed files. */
    static void waitForReloadCheck() throws InterruptedException {
        Thread.sleep(1_100);
    }

    static DetectionContext paragraphs(String... lines) {
        return context(lines.length == 0 ? List.of() : Stream.of(lines).map(Block::body).toList(), DocumentStructure.empty());
    }

    static DetectionContext context(List<Block> blocks, DocumentStructure structure) {
        DocumentText t = DocumentText.of(blocks);
        return new DetectionContext(t, NormalizedText.of(t), structure, Submission.of("draft.docx"));
    }

    static List<Finding> of(List<Finding> all, Category c) {
        return all.stream().filter(f -> f.category() == c).toList();
    }

    static void assertSpanPointsAtText(DetectionContext ctx, Finding f) {
        assertEquals(f.text(), ctx.text().text().substring(f.span().start(), f.span().end()), "span and text agree: " + f);
        assertTrue(f.span().length() > 0, "non-empty span");
    }
}
