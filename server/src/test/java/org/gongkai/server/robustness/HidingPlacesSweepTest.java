package org.gongkai.server.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.server.TestEnv;
import org.gongkai.server.cli.CheckCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fixtures/hiding-places/}: the same valid ID number and secrecy marking hidden in one place per file (OLE
 * objects, nesting, pictures, alt text, field codes, charts, SmartArt, custom XML, notes, PDF forms, attachments,
 * annotations, bookmarks, OFD attachments, annotations, pictures) in a notice annotated 此件公开发布. Every file
 * gets the findings its row names — or, where a picture cannot be read, MANUAL_REVIEW with the gap — and none
 * reaches PUBLICATION_REVIEW, except the clean controls, which must (so this test can fail).
 */
class HidingPlacesSweepTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void every_hiding_place_yields_its_finding_or_a_gap_and_nothing_hidden_reaches_publication_review() throws Exception {
        Path folder = TestEnv.fixtures().resolve("hiding-places");
        boolean ocr = FixtureSweepTest.ocrAvailable();
        Map<String, String> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(folder.resolve("expected.tsv"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] c = line.split("\t");
                expected.put(c[0], !ocr && c.length > 2 ? c[2] : c[1]);
            }
        }
        assertTrue(expected.size() >= 30, "hiding places: " + expected.size());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CheckCommand(TestEnv.config(dir.resolve("data")), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .run(expected.keySet().stream().map(f -> folder.resolve(f).toString()).toList(), null, null);
        List<String> failures = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            JsonNode r = JSON.readTree(line);
            String file = r.get("fileName").asText();
            String want = expected.get(file);
            String route = r.get("route").asText();
            List<String> categories = new ArrayList<>();
            r.get("findings").forEach(f -> categories.add(f.get("category").asText()));
            String got = route + " " + categories;
            if (want.equals("PUBLICATION_REVIEW")) {
                if (!route.equals("PUBLICATION_REVIEW")) {
                    failures.add(file + ": control should reach PUBLICATION_REVIEW, got " + got);
                }
                continue;
            }
            if (route.equals("PUBLICATION_REVIEW")) {
                failures.add(file + ": reached PUBLICATION_REVIEW with " + categories);
            }
            String[] w = want.split(" ");
            boolean routeNamed = w[0].equals(w[0].toUpperCase()) && w[0].endsWith("_REVIEW");
            if (routeNamed && !route.equals(w[0])) {
                failures.add(file + ": expected " + want + ", got " + got);
            }
            for (int i = routeNamed ? 1 : 0; i < w.length; i++) {
                if (!categories.contains(w[i])) {
                    failures.add(file + ": expected " + w[i] + ", got " + got);
                }
            }
        }
        assertEquals(List.of(), failures);
        assertNotEquals(0, expected.size());
    }
}
