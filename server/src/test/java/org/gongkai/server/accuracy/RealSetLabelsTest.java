package org.gongkai.server.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.gongkai.server.App;
import org.gongkai.server.TestEnv;
import org.gongkai.spi.Attribute;
import org.gongkai.spi.Category;
import org.gongkai.spi.Route;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real-document sets ({@code fixtures/real} to {@code fixtures/real4}) are measured, never tuned
 * on, so no test asserts what the detectors find there. What is checked is each set's bookkeeping: every document has one
 * well-formed label and a row in SOURCES.md, and the labels are the ones frozen before the set's first run (labels.sha256).
 */
class RealSetLabelsTest {
    private static final Set<String> NOT_DOCUMENTS = Set.of("SOURCES.md", "README.md", "RESULTS.txt", "BASELINE.txt", "labels.sha256");
    private static final ObjectMapper JSON = App.objectMapper();
    /** The fourth set holds 36 documents; the first three hold at least 40 each. */
    private static final Map<String, Integer> MIN_DOCUMENTS = Map.of("real", 40, "real2", 40, "real3", 40, "real4", 30);

    @ParameterizedTest
    @ValueSource(strings = {"real", "real2", "real3", "real4"})
    void every_document_has_exactly_one_well_formed_label(String set) throws IOException {
        Path dir = TestEnv.fixtures().resolve(set);
        Map<String, Integer> labelled = new HashMap<>();
        for (Path label : files(dir, ".expected.json")) {
            LabelledDocument l = JSON.readValue(label.toFile(), LabelledDocument.class);
            assertNotNull(l.file(), label + ": file");
            assertTrue(Files.isRegularFile(dir.resolve(l.file())), label + ": no document " + l.file());
            labelled.merge(l.file(), 1, Integer::sum);
            Attribute.valueOf(l.attribute());
            Route.valueOf(l.route());
            if (l.declared() != null) {
                assertTrue(Attribute.parseDeclared(l.declared()).isPresent(), label + ": declared " + l.declared());
            }
            for (LabelledDocument.Expected e : l.findings()) {
                Category.valueOf(e.category());
            }
            for (String m : l.mustNotFind()) {
                Category.valueOf(m.contains(":") ? m.substring(0, m.indexOf(':')) : m);
            }
            assertNotNull(l.notes(), label + ": every real-document label explains its judgement calls");
        }
        Set<String> documents = documents(dir);
        assertTrue(documents.size() >= MIN_DOCUMENTS.get(set), "the set holds " + documents.size() + " documents");
        assertEquals(documents, new TreeSet<>(labelled.keySet()), "documents without a label, or labels without a document");
        labelled.forEach((file, n) -> assertEquals(1, n, file + " is labelled " + n + " times"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"real", "real2", "real3", "real4"})
    void every_document_has_a_source_entry(String set) throws IOException {
        Path dir = TestEnv.fixtures().resolve(set);
        String sources = Files.readString(dir.resolve("SOURCES.md"), StandardCharsets.UTF_8);
        for (String document : documents(dir)) {
            assertTrue(sources.contains("\n| " + document + " |"), document + " has no row in SOURCES.md");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"real", "real2", "real3", "real4"})
    void labels_are_the_ones_frozen_before_the_first_run(String set) throws IOException {
        Path dir = TestEnv.fixtures().resolve(set);
        List<String> lines = Files.readAllLines(dir.resolve("labels.sha256"), StandardCharsets.UTF_8);
        Set<String> frozen = new TreeSet<>();
        for (String line : lines) {
            String[] parts = line.split("\\s+\\*?", 2);
            frozen.add(parts[1]);
            assertEquals(parts[0], sha256(dir.resolve(parts[1])), parts[1] + " changed after the labels were frozen");
        }
        Set<String> present = new TreeSet<>();
        files(dir, ".expected.json").forEach(p -> present.add(p.getFileName().toString()));
        assertEquals(frozen, present, "labels added or removed after the freeze");
    }

    private static Set<String> documents(Path set) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> s = Files.list(set)) {
            s.map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith(".expected.json") && !NOT_DOCUMENTS.contains(n))
                    .forEach(out::add);
        }
        return out;
    }

    private static List<Path> files(Path set, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(set)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            fail(e);
            return null;
        }
    }
}
