package org.gongkai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.gongkai.spi.Block;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionGap;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.Extractor;
import org.gongkai.spi.Part;
import org.gongkai.spi.PluginConfig;
import org.junit.jupiter.api.function.Executable;

/** Shared helpers: the repository's fixtures, configured extractors and the invariants every result must keep. */
final class TestFiles {
    private static Path root;

    private TestFiles() {
    }

    /**
     * The repository root: {@code -Dgongkai.root} when surefire sets it, otherwise the first directory at or above
     * the working directory holding both {@code fixtures/} and {@code pom.xml} (a run from the module directory).
     */
    static synchronized Path root() {
        if (root == null) {
            String prop = System.getProperty("gongkai.root");
            if (prop != null && !prop.isBlank() && isRoot(Path.of(prop))) {
                root = Path.of(prop).toAbsolutePath().normalize();
            } else {
                for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
                    if (isRoot(p)) {
                        root = p.normalize();
                        break;
                    }
                }
            }
            if (root == null) {
                fail("repository root with fixtures/ and pom.xml not found above " + Path.of("").toAbsolutePath());
            }
        }
        return root;
    }

    private static boolean isRoot(Path p) {
        return Files.isDirectory(p.resolve("fixtures")) && Files.isRegularFile(p.resolve("pom.xml"));
    }

    static Path fixture(String relative) {
        Path p = root().resolve("fixtures").resolve(relative);
        assertTrue(Files.isRegularFile(p), "fixture missing: " + p);
        return p;
    }

    static PluginConfig config(String name, Map<String, String> params) {
        Path r = root();
        return new PluginConfig(name, params, new PluginConfig.Environment(r.resolve("dictionaries"), r.resolve("config"), r));
    }

    /** Configures a plugin as the host does, failing on parameters it did not read. */
    static <T extends Extractor> T configured(T e) {
        PluginConfig c = config(e.name(), Map.of());
        e.configure(c);
        c.ensureConsumed();
        return e;
    }

    static ExtractionLimits limits(int maxChars) {
        ExtractionLimits d = ExtractionLimits.defaults();
        return new ExtractionLimits(maxChars, d.maxEmbeddedDepth(), d.minInflateRatio(), d.ocrEnabled());
    }

    static ExtractionLimits depth(int maxEmbeddedDepth) {
        ExtractionLimits d = ExtractionLimits.defaults();
        return new ExtractionLimits(d.maxChars(), maxEmbeddedDepth, d.minInflateRatio(), d.ocrEnabled());
    }

    static ExtractionLimits noOcr() {
        ExtractionLimits d = ExtractionLimits.defaults();
        return new ExtractionLimits(d.maxChars(), d.maxEmbeddedDepth(), d.minInflateRatio(), false);
    }

    /**
     * The media type as the host detects it: Tika's default detector with the name only as a hint, magic bytes
     * alone when a container detector fails, OFD recognised by its {@code OFD.xml} entry.
     */
    static String detect(Path file) throws IOException {
        Metadata md = new Metadata();
        md.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        String type;
        try (InputStream in = TikaInputStream.get(file, md)) {
            type = TikaConfig.getDefaultConfig().getDetector().detect(in, md).getBaseType().toString();
        } catch (Exception e) {
            try (InputStream in = TikaInputStream.get(file)) {
                type = TikaConfig.getDefaultConfig().getMimeRepository().detect(in, new Metadata()).getBaseType().toString();
            }
        }
        if (type.equals("application/zip")) {
            try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(file.toFile())) {
                if (z.getEntry("OFD.xml") != null) {
                    return "application/ofd";
                }
            } catch (IOException e) {
                // not a readable zip
            }
        }
        return type;
    }

    /** The media type by content alone (magic bytes, no file name). */
    static String detectByContent(Path file) throws IOException {
        try (InputStream in = TikaInputStream.get(file)) {
            return TikaConfig.getDefaultConfig().getMimeRepository().detect(in, new Metadata()).getBaseType().toString();
        }
    }

    private static List<Extractor> extractors;

    /** All extractors of this module, configured, in the order of the shipped config/plugins.properties. */
    static synchronized List<Extractor> extractors() {
        if (extractors == null) {
            extractors = List.of(configured(new DocxExtractor()), configured(new DocExtractor()), configured(new PdfExtractor()),
                    configured(new OfdExtractor()), configured(new TextExtractor()), configured(new ImageExtractor()), configured(new TikaExtractor()));
        }
        return extractors;
    }

    /** The extractor the host picks for a media type: the first that declares it. */
    static java.util.Optional<Extractor> extractorFor(String mediaType) {
        return extractors().stream().filter(e -> e.mediaTypes().contains(mediaType)).findFirst();
    }

    /**
     * What every extraction result must satisfy: no blank blocks, every block's offsets map into the joined text
     * exactly, separators are single '\n', pages lie within the page count, and gaps carry a message.
     */
    static void assertWellFormed(DocumentText t) {
        assertNotNull(t);
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < t.blocks().size(); i++) {
            Block b = t.blocks().get(i);
            assertFalse(b.text().isBlank(), "blank block " + i + ": " + b);
            assertNotNull(b.source());
            if (i > 0) {
                assertEquals('\n', t.text().charAt(t.blockStart(i) - 1), "separator before block " + i);
                joined.append('\n');
            }
            assertEquals(joined.length(), t.blockStart(i), "start of block " + i);
            joined.append(b.text());
            assertEquals(b.text(), t.text().substring(t.blockStart(i), t.blockEnd(i)), "text of block " + i);
            assertEquals(i, t.blockIndexAt(t.blockStart(i)), "block at start of block " + i);
            assertEquals(i, t.blockIndexAt(t.blockEnd(i) - 1), "block at end of block " + i);
            assertTrue(b == t.blockAt(t.blockStart(i)));
            if (b.page() != null) {
                assertTrue(b.page() >= 1 && (t.pageCount() == 0 || b.page() <= t.pageCount()), "page " + b.page() + " of " + t.pageCount());
            }
        }
        assertEquals(joined.toString(), t.text());
        for (ExtractionGap g : t.gaps()) {
            assertFalse(g.message().isBlank());
        }
        assertEquals(t.gaps().isEmpty(), t.complete());
    }

    static List<Block> blocks(DocumentText t, Part part) {
        return t.blocks().stream().filter(b -> b.part() == part).toList();
    }

    static String textOf(DocumentText t, Part part) {
        return blocks(t, part).stream().map(Block::text).collect(Collectors.joining("\n"));
    }

    /** The first block of {@code part} containing {@code s}; fails when there is none. */
    static Block blockWith(DocumentText t, Part part, String s) {
        return t.blocks().stream().filter(b -> b.part() == part && b.text().contains(s)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + part + " block contains \"" + s + "\" in " + describe(t)));
    }

    static int indexOf(DocumentText t, Part part, String s) {
        return t.blocks().indexOf(blockWith(t, part, s));
    }

    /** {@code s} is in a block of {@code part} and in no block of a part a reader sees (BODY, TABLE, HEADER, FOOTER, ATTACHMENT). */
    static void assertKeptApart(DocumentText t, String s, Part part) {
        assertTrue(part.hidden() || part == Part.TRACKED_INSERTION, part + " is a visible part");
        blockWith(t, part, s);
        for (Block b : t.blocks()) {
            if (b.part().visible()) {
                assertFalse(b.text().contains(s), "\"" + s + "\" leaked into a " + b.part() + " block: " + b);
            }
        }
    }

    static void assertNowhere(DocumentText t, String s) {
        assertFalse(t.text().contains(s), "\"" + s + "\" must not be extracted: " + describe(t));
    }

    static ExtractionException assertFails(ExtractionException.Reason reason, Executable call) {
        try {
            call.execute();
        } catch (ExtractionException e) {
            assertEquals(reason, e.reason(), "reason of \"" + e.getMessage() + "\"");
            assertNotNull(e.getMessage());
            assertFalse(e.getMessage().isBlank());
            return e;
        } catch (Throwable t) {
            throw new AssertionError("expected ExtractionException " + reason + " but got " + t, t);
        }
        throw new AssertionError("expected ExtractionException " + reason + " but extraction succeeded");
    }

    /** Runs the extraction with the thread's interrupt flag set, as the host does at the time-out. */
    static void assertTimesOutWhenInterrupted(Extractor e, Path file, String mediaType) {
        Thread.currentThread().interrupt();
        try {
            assertFails(ExtractionException.Reason.TIMEOUT, () -> e.extract(file, mediaType, ExtractionLimits.defaults()));
        } finally {
            Thread.interrupted();
        }
    }

    static boolean onPath(String command, String... args) {
        try {
            List<String> cmd = new ArrayList<>();
            cmd.add(command);
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean tesseractWithChinese() {
        try {
            Process p = new ProcessBuilder("tesseract", "--list-langs").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && out.lines().anyMatch(l -> l.strip().equals("chi_sim"));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A stand-in for tesseract: answers {@code --list-langs} with chi_sim, and for a recognition prints
     * {@code output}, or with {@code sleepSeconds > 0} hangs that long and prints nothing. Skips the test where
     * there is no POSIX shell.
     */
    static Path fakeTesseract(Path dir, String output, int sleepSeconds) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh for a stand-in tesseract");
        Path script = dir.resolve("fake-tesseract");
        Files.writeString(script, "#!/bin/sh\n"
                + "if [ \"$1\" = \"--list-langs\" ]; then echo 'List of available languages (2):'; echo chi_sim; echo eng; exit 0; fi\n"
                + (sleepSeconds > 0 ? "exec sleep " + sleepSeconds + "\n" : "") // exec: killing the process ends the sleep
                + "printf '%s\\n' '" + output + "'\n", java.nio.charset.StandardCharsets.UTF_8);
        script.toFile().setExecutable(true);
        return script;
    }

    static String describe(DocumentText t) {
        StringBuilder sb = new StringBuilder("\n");
        for (Block b : t.blocks()) {
            sb.append("  ").append(b.part()).append(b.page() == null ? "" : " p" + b.page()).append(" [").append(b.source()).append("] ")
                    .append(b.text().replace("\n", "\\n")).append('\n');
        }
        sb.append("  gaps=").append(t.gaps());
        return sb.toString();
    }
}
