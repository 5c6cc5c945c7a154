package org.gongkai.personal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gongkai.spi.Block;
import org.gongkai.spi.Category;
import org.gongkai.spi.DetectionContext;
import org.gongkai.spi.Detector;
import org.gongkai.spi.DocumentStructure;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.Finding;
import org.gongkai.spi.NormalizedText;
import org.gongkai.spi.Part;
import org.gongkai.spi.PluginConfig;
import org.gongkai.spi.Severity;
import org.gongkai.spi.Submission;

/** Test helpers: run a detector over a text and check what it reports, offsets included. */
final class Detect {
    static final PluginConfig.Environment ENV = new PluginConfig.Environment(Path.of("dictionaries"), Path.of("config"), Path.of("data"));

    private Detect() {
    }

    /** A detector configured the way the host does it: configure once with no parameters. */
    static <D extends Detector> D configured(D detector) {
        PluginConfig c = new PluginConfig(detector.name(), Map.of(), ENV);
        detector.configure(c);
        c.ensureConsumed();
        return detector;
    }

    static List<Finding> run(Detector d, String text) {
        List<Finding> found = d.detect(DetectionContext.of(text));
        assertNotNull(found, "detect() must never return null");
        found.forEach(f -> checkWellFormed(d, DetectionContext.of(text).text(), f));
        return found;
    }

    static List<Finding> run(Detector d, DocumentText doc) {
        DetectionContext ctx = new DetectionContext(doc, NormalizedText.of(doc), DocumentStructure.empty(), Submission.of("test.docx"));
        List<Finding> found = d.detect(ctx);
        assertNotNull(found, "detect() must never return null");
        found.forEach(f -> checkWellFormed(d, doc, f));
        return found;
    }

    /** Contract of every finding: category in the detector's list, text = original text under the span, basis, explanation. */
    static void checkWellFormed(Detector d, DocumentText doc, Finding f) {
        assertTrue(d.categories().contains(f.category()), f.category() + " not declared by " + d.name());
        assertEquals(d.name(), f.detector());
        assertTrue(f.span().end() <= doc.text().length(), "span past the end: " + f);
        assertEquals(doc.text().substring(f.span().start(), f.span().end()), f.text(), "finding text must be the original text under its span");
        assertFalse(f.text().isEmpty(), "a personal-information finding points at text");
        assertTrue(f.basis().contains("第十五条"), "basis cites 条例第十五条: " + f.basis());
        assertFalse(f.explanation().isBlank());
        assertTrue(f.score() > 0 && f.score() <= 1, "score " + f.score());
    }

    /**
     * Exactly one finding of {@code category} whose original text is {@code expected}; its span is the first
     * occurrence of {@code expected} in {@code text} (or the occurrence at {@code from} and after).
     */
    static Finding one(List<Finding> found, String text, Category category, String expected, Severity severity) {
        return one(found, text, category, expected, severity, 0);
    }

    static Finding one(List<Finding> found, String text, Category category, String expected, Severity severity, int from) {
        List<Finding> of = found.stream().filter(f -> f.category() == category && f.text().equals(expected)).toList();
        if (of.size() != 1) {
            fail("expected one " + category + " “" + expected + "”, got " + describe(found));
        }
        Finding f = of.get(0);
        int start = text.indexOf(expected, from);
        assertTrue(start >= 0, "test text does not contain " + expected);
        assertEquals(start, f.span().start(), "start offset of " + expected);
        assertEquals(start + expected.length(), f.span().end(), "end offset of " + expected);
        assertEquals(severity, f.severity(), "severity of " + expected);
        return f;
    }

    /** Like {@link #one}, and nothing else of that category is reported. */
    static Finding only(List<Finding> found, String text, Category category, String expected, Severity severity) {
        Finding f = one(found, text, category, expected, severity);
        assertEquals(1, found.stream().filter(x -> x.category() == category).count(), "only " + expected + ": " + describe(found));
        return f;
    }

    static void none(List<Finding> found) {
        assertTrue(found.isEmpty(), "expected nothing, got " + describe(found));
    }

    static void noneOf(List<Finding> found, String text) {
        List<Finding> hit = found.stream().filter(f -> f.text().contains(text) || text.contains(f.text())).toList();
        assertTrue(hit.isEmpty(), "“" + text + "” must not be reported: " + describe(hit));
    }

    static List<String> texts(List<Finding> found) {
        return found.stream().map(Finding::text).collect(Collectors.toList());
    }

    static String describe(List<Finding> found) {
        return found.stream().map(f -> f.category() + "/" + f.severity() + " “" + f.text() + "” [" + f.span().start() + "," + f.span().end() + ") "
                + f.score()).collect(Collectors.joining("; ", "[", "]"));
    }

    /** A DOCX-like table: one TABLE block per cell with the extractor's source locator "表格1 第r行第c列". */
    static DocumentText table(String before, String[][] rows, String after) {
        List<Block> blocks = new ArrayList<>();
        if (before != null) {
            for (String line : before.split("\n")) {
                blocks.add(Block.body(line));
            }
        }
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                blocks.add(new Block(Part.TABLE, rows[r][c], null, "表格1 第" + (r + 1) + "行第" + (c + 1) + "列"));
            }
        }
        if (after != null) {
            for (String line : after.split("\n")) {
                blocks.add(Block.body(line));
            }
        }
        return DocumentText.of(blocks);
    }
}
