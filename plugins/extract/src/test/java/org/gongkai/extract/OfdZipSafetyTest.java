package org.gongkai.extract;

import static org.gongkai.extract.TestFiles.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An OFD is a zip whose entry names the uploader chooses. ofdrw unpacked every entry as named into /tmp (an
 * anonymous upload could overwrite the server's dictionaries); now every name and size is validated before anything
 * is written, and the per-document folder is gone afterwards whatever happened.
 */
class OfdZipSafetyTest {
    private static final String OFD = "application/ofd";
    @TempDir
    Path dir;
    private Path tmp;
    private Path victim;
    private String savedTmp;
    private final OfdExtractor ofd = new OfdExtractor();

    @BeforeEach
    void isolateTmp() throws Exception {
        savedTmp = System.getProperty("java.io.tmpdir");
        tmp = Files.createDirectories(dir.resolve("data").resolve("tmp").resolve("child"));
        victim = Files.createDirectories(dir.resolve("dictionaries"));
        Files.writeString(victim.resolve("stability.txt"), "上访\n");
        System.setProperty("java.io.tmpdir", tmp.toString());
    }

    @AfterEach
    void restoreTmp() {
        System.setProperty("java.io.tmpdir", savedTmp);
    }

    /** The fixture OFD with one more entry. */
    private Path withEntry(String name, byte[] content) throws Exception {
        Path out = dir.resolve("hostile-" + Math.abs(name.hashCode()) + ".ofd");
        try (ZipFile src = new ZipFile(fixture("extraction/notice.ofd").toFile());
             ZipOutputStream zo = new ZipOutputStream(Files.newOutputStream(out))) {
            for (Enumeration<? extends ZipEntry> en = src.entries(); en.hasMoreElements();) {
                ZipEntry e = en.nextElement();
                zo.putNextEntry(new ZipEntry(e.getName()));
                src.getInputStream(e).transferTo(zo);
                zo.closeEntry();
            }
            zo.putNextEntry(new ZipEntry(name));
            zo.write(content);
            zo.closeEntry();
        }
        return out;
    }

    private void assertRefusedAndNothingWritten(Path file) throws Exception {
        ExtractionException e = assertThrows(ExtractionException.class, () -> ofd.extract(file, OFD, ExtractionLimits.defaults()));
        assertEquals(ExtractionException.Reason.LIMIT_EXCEEDED, e.reason(), e.getMessage());
        assertEquals("上访\n", Files.readString(victim.resolve("stability.txt")), "dictionary overwritten");
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> evil = s.filter(p -> p.getFileName().toString().contains("evil")).toList();
            assertTrue(evil.isEmpty(), "written: " + evil);
        }
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(), s.toList(), "the document's temporary folder was left behind");
        }
    }

    @Test
    void entry_names_climbing_out_of_the_folder_are_refused_before_anything_is_written() throws Exception {
        String up = "../".repeat(3) + "dictionaries/stability.txt";
        assertRefusedAndNothingWritten(withEntry(up, "".getBytes()));
        assertRefusedAndNothingWritten(withEntry("Doc_0/../../../evil.txt", "x".getBytes()));
        assertRefusedAndNothingWritten(withEntry("..\\..\\evil.txt", "x".getBytes()));
    }

    @Test
    void absolute_entry_names_are_refused() throws Exception {
        assertRefusedAndNothingWritten(withEntry(dir.resolve("evil-absolute.txt").toString(), "x".getBytes()));
        assertRefusedAndNothingWritten(withEntry("C:/evil-drive.txt", "x".getBytes()));
        assertFalse(Files.exists(dir.resolve("evil-absolute.txt")));
    }

    @Test
    void a_zip_bomb_entry_is_refused_by_its_inflate_ratio() throws Exception {
        Path bomb = dir.resolve("bomb.ofd");
        try (ZipFile src = new ZipFile(fixture("extraction/notice.ofd").toFile());
             ZipOutputStream zo = new ZipOutputStream(Files.newOutputStream(bomb))) {
            for (Enumeration<? extends ZipEntry> en = src.entries(); en.hasMoreElements();) {
                ZipEntry e = en.nextElement();
                zo.putNextEntry(new ZipEntry(e.getName()));
                src.getInputStream(e).transferTo(zo);
                zo.closeEntry();
            }
            zo.putNextEntry(new ZipEntry("Doc_0/Res/evil-bomb.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++) {
                zo.write(zeros);
            }
            zo.closeEntry();
        }
        assertTrue(Files.size(bomb) < 2_000_000);
        assertRefusedAndNothingWritten(bomb);
    }

    @Test
    void a_readable_ofd_leaves_no_temporary_folder_behind() throws Exception {
        DocumentText t = ofd.extract(fixture("extraction/notice.ofd"), OFD, ExtractionLimits.defaults());
        assertFalse(t.blocks().isEmpty());
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(), s.toList());
        }
        try (OutputStream o = Files.newOutputStream(dir.resolve("cut.ofd"))) {
            o.write(Files.readAllBytes(fixture("extraction/notice.ofd")), 0, 500);
        }
        assertThrows(ExtractionException.class, () -> ofd.extract(dir.resolve("cut.ofd"), OFD, ExtractionLimits.defaults()));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(), s.toList());
        }
    }

    @Test
    void entry_names_are_judged_segment_by_segment() {
        assertTrue(SafeZip.safeName("Doc_0/Pages/Page_0/Content.xml"));
        assertTrue(SafeZip.safeName("Doc_0/Res/"));
        assertTrue(SafeZip.safeName("a..b/c..txt"));
        assertFalse(SafeZip.safeName("../x"));
        assertFalse(SafeZip.safeName("a/./x"));
        assertFalse(SafeZip.safeName("a//x"));
        assertFalse(SafeZip.safeName("/etc/passwd"));
        assertFalse(SafeZip.safeName("a/\u0000b"));
    }
}
