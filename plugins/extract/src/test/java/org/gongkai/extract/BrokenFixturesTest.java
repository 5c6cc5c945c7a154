package org.gongkai.extract;

import static org.gongkai.extract.TestFiles.assertWellFormed;
import static org.gongkai.extract.TestFiles.blocks;
import static org.gongkai.extract.TestFiles.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionGap;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.Extractor;
import org.gongkai.spi.Part;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each row of {@code fixtures/broken/expected.tsv}, at extractor level: the media type the host detects, the
 * extractor it picks, and what that extractor does. The host turns an {@link ExtractionException} (other than
 * NO_TEXT) or a gap other than NO_TEXT_LAYER into EXTRACTION_FAILED and routes to MANUAL_REVIEW; it answers 415
 * when no extractor declares the type and 400 for a file of zero bytes.
 */
class BrokenFixturesTest {

    @TestFactory
    List<DynamicTest> everyBrokenFixtureHasItsExpectedOutcome() throws Exception {
        Path dir = TestFiles.root().resolve("fixtures/broken");
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            assertEquals(2, cols.length, "malformed row: " + line);
            Path file = dir.resolve(cols[0]);
            String expected = cols[1].strip();
            tests.add(DynamicTest.dynamicTest(cols[0] + " → " + expected, () -> check(file, expected)));
        }
        assertTrue(tests.size() >= 6, "rows in expected.tsv: " + tests.size());
        return tests;
    }

    private static void check(Path file, String expected) throws Exception {
        assertTrue(Files.isRegularFile(file), "fixture missing: " + file);
        String type = TestFiles.detect(file);
        Optional<Extractor> chosen = TestFiles.extractorFor(type);
        switch (expected) {
            case "HTTP 400" -> {
                assertEquals(0, Files.size(file), "intake rejects empty files with 400");
                // and should it reach an extractor anyway, it says so
                for (Extractor e : TestFiles.extractors()) {
                    if (e instanceof ImageExtractor) {
                        continue; // declares nothing without OCR
                    }
                    String t = e.mediaTypes().iterator().next();
                    ExtractionException x = TestFiles.assertFails(ExtractionException.Reason.EMPTY, () -> e.extract(file, t, ExtractionLimits.defaults()));
                    assertFalse(x.getMessage().isBlank());
                }
            }
            case "HTTP 415" -> {
                String content = TestFiles.detectByContent(file);
                assertTrue(TestFiles.extractorFor(content).isEmpty(), file.getFileName() + " has content " + content + ", which "
                        + TestFiles.extractorFor(content).map(Extractor::name).orElse("") + " would read");
                // named .doc, but not a Word file: should a detector trust the name, the Word reader still refuses it
                TestFiles.assertFails(ExtractionException.Reason.CORRUPT,
                        () -> new DocExtractor().extract(file, "application/msword", ExtractionLimits.defaults()));
            }
            case "RETURNED", "PUBLICATION_REVIEW", "DISCLOSURE_REVIEW", "SECRECY_REVIEW" -> {
                // a route after the checks ran: read by what it is, not by its name, completely
                Extractor e = chosen.orElseThrow(() -> new AssertionError("no extractor for " + type));
                assertNotEquals("docx", e.name(), "detected by name instead of content");
                DocumentText t = e.extract(file, type, ExtractionLimits.defaults());
                assertWellFormed(t);
                assertTrue(t.complete(), describe(t));
                assertFalse(blocks(t, Part.BODY).isEmpty(), describe(t));
                assertTrue(t.visibleTextLength() > 100, describe(t));
                // and the extractor its name suggests refuses it rather than returning nothing
                String named = file.getFileName().toString().replaceAll(".*\\.", "");
                if (named.equals("docx")) {
                    TestFiles.assertFails(ExtractionException.Reason.CORRUPT, () -> new DocxExtractor().extract(file,
                            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ExtractionLimits.defaults()));
                }
            }
            case "MANUAL_REVIEW EXTRACTION_FAILED" -> {
                Extractor e = chosen.orElseThrow(() -> new AssertionError(file.getFileName() + ": no extractor for " + type + " (the host would answer 415)"));
                try {
                    DocumentText t = e.extract(file, type, ExtractionLimits.defaults());
                    assertWellFormed(t);
                    assertTrue(t.gaps().stream().anyMatch(g -> g.reason() != ExtractionGap.Reason.NO_TEXT_LAYER),
                            file.getFileName() + " passed without an extraction failure" + describe(t));
                } catch (ExtractionException x) {
                    assertNotEquals(ExtractionException.Reason.NO_TEXT, x.reason(), "NO_TEXT becomes a NO_TEXT finding, not EXTRACTION_FAILED");
                    assertFalse(x.getMessage().isBlank());
                    if (file.getFileName().toString().contains("password")) {
                        assertEquals(ExtractionException.Reason.ENCRYPTED, x.reason(), x.getMessage());
                    }
                }
            }
            default -> fail("expected outcome not understood by this test, extend it: " + expected);
        }
    }
}
