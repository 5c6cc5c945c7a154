package org.gongkai.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.spi.Block;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.NormalizedText;

/** The texts the labelled set expects to be found in each document ({@code fixtures/labelled/*.expected.json}). */
final class Labels {
    private static final Pattern FILE = Pattern.compile("\"file\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern FINDING = Pattern.compile("\"category\"\\s*:\\s*\"([A-Z_]+)\"\\s*,\\s*\"text\"\\s*:\\s*(null|\"((?:[^\"\\\\]|\\\\.)*)\")");
    private static Map<String, List<String[]>> byFile;

    private Labels() {
    }

    /** {category, text} of each labelled finding with a text, by document file name. */
    static synchronized Map<String, List<String[]>> all() {
        if (byFile == null) {
            byFile = new HashMap<>();
            try (var s = Files.list(TestFiles.root().resolve("fixtures/labelled"))) {
                for (Path p : s.filter(x -> x.toString().endsWith(".expected.json")).toList()) {
                    String json = Files.readString(p, StandardCharsets.UTF_8);
                    Matcher f = FILE.matcher(json);
                    if (!f.find()) {
                        continue;
                    }
                    List<String[]> out = new ArrayList<>();
                    Matcher m = FINDING.matcher(json);
                    while (m.find()) {
                        if (m.group(3) != null) {
                            out.add(new String[] {m.group(1), m.group(3).replace("\\\"", "\"").replace("\\\\", "\\")});
                        }
                    }
                    byFile.put(f.group(1), out);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return byFile;
    }

    /**
     * Every labelled finding text is in the extracted text as the detectors see it (normalised; a CJK phrase may
     * wrap over a line), and every HIDDEN_CONTENT text is in a block of a hidden part.
     */
    static void assertLabelledTextsExtracted(Path file, DocumentText t) {
        List<String[]> findings = all().get(file.getFileName().toString());
        assertTrue(findings != null, "no expected.json names " + file.getFileName());
        String seen = NormalizedText.of(t).text().replace("\n", "");
        for (String[] f : findings) {
            String want = NormalizedText.of(f[1]).text();
            if (f[0].equals("HIDDEN_CONTENT")) {
                boolean hidden = false;
                for (Block b : t.blocks()) {
                    hidden |= !b.part().visible() && NormalizedText.of(b.text()).text().contains(want);
                }
                assertTrue(hidden, file.getFileName() + ": hidden content \"" + f[1] + "\" not in a hidden part" + TestFiles.describe(t));
            } else {
                assertTrue(seen.contains(want), file.getFileName() + ": " + f[0] + " \"" + f[1] + "\" not extracted" + TestFiles.describe(t));
            }
        }
    }
}
