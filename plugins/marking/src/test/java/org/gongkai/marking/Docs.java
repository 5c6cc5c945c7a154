package org.gongkai.marking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gongkai.spi.Block;
import org.gongkai.spi.Category;
import org.gongkai.spi.DetectionContext;
import org.gongkai.spi.DocumentStructure;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.Finding;
import org.gongkai.spi.NormalizedText;
import org.gongkai.spi.Submission;

/** Test helpers: documents built from blocks, the seed rule texts, span checks. */
final class Docs {
    private Docs() {
    }

    /** A document with one BODY block per line, the way a DOCX extractor delivers paragraphs. */
    static DetectionContext paragraphs(String... lines) {
        List<Block> blocks = new ArrayList<>();
        for (String l : lines) {
            blocks.add(Block.body(l));
        }
        return context(blocks);
    }

    static DetectionContext context(List<Block> blocks) {
        DocumentText t = DocumentText.of(blocks);
        return new DetectionContext(t, NormalizedText.of(t), DocumentStructure.empty(), Submission.of("draft.docx"));
    }

    static List<Finding> of(List<Finding> all, Category c) {
        return all.stream().filter(f -> f.category() == c).toList();
    }

    /** The finding's span must point at its text in the original document. */
    static void assertSpanPointsAtText(DetectionContext ctx, Finding f) {
        String original = ctx.text().text();
        assertTrue(f.span().end() <= original.length(), "span inside the text");
        assertEquals(f.text(), original.substring(f.span().start(), f.span().end()), "span and text agree");
    }

    /** The folder of seed rule texts (../shared/seeds from the repository root), or null when absent. */
    static Path seedDir() {
        Path cwd = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("seeds");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            Path sibling = p.resolveSibling("shared").resolve("seeds");
            if (p.getParent() != null && Files.isDirectory(sibling)) {
                return sibling;
            }
        }
        return null;
    }

    static List<Path> seeds() throws IOException {
        Path dir = seedDir();
        if (dir == null) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
