package org.gongkai.server.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.gongkai.server.App;
import org.gongkai.server.TestEnv;
import org.gongkai.server.plugin.PluginRegistry;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.Extractor;
import org.gongkai.spi.PluginConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extraction in child JVMs: a document that exhausts a child's memory, one that never finishes, and a child killed
 * mid-document each cost that one document (an {@link ExtractionException} naming why) and the pool goes on with a
 * fresh child; children are replaced after N documents; their temporary folders are emptied after every document.
 */
class ChildProcessExtractionTest {
    @TempDir
    static Path dir;
    private static PluginConfig.Environment env;
    private static List<Extractor> extractors;
    private static ChildProcessExtraction pool;
    private static Path docx;
    private static Path pdf;

    @BeforeAll
    static void start() throws Exception {
        env = App.environment(TestEnv.config(dir.resolve("data")));
        extractors = PluginRegistry.loadExtractors(env);
        // a small heap, so that a document of a few million characters is too much for it
        pool = new ChildProcessExtraction(new IsolationConfig(64, 3, 180), env, 1, 4_000);
        docx = TestEnv.fixtures().resolve("labelled").resolve("notice-public-clean.docx");
        pdf = TestEnv.fixtures().resolve("labelled").resolve("announcement-road.pdf");
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    private static Extractor extractor(String name) {
        return extractors.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    private static DocumentText readDocx(Path f) throws ExtractionException {
        return pool.extract(extractor("docx"), f, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ExtractionLimits.defaults());
    }

    private static void assertTemporaryFoldersEmpty() throws Exception {
        Path root = dir.resolve("data").resolve("extract-tmp");
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> left = s.filter(Files::isRegularFile).toList();
            assertEquals(List.of(), left, "a document left files in a child's temporary folder");
        }
    }

    @Test
    void a_document_is_read_in_a_child_exactly_as_in_process() throws Exception {
        DocumentText child = readDocx(docx);
        DocumentText here = extractor("docx").extract(docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ExtractionLimits.defaults());
        assertEquals(here.text(), child.text());
        assertEquals(here.blocks(), child.blocks());
        assertEquals(here.gaps(), child.gaps());
        DocumentText p = pool.extract(extractor("pdf"), pdf, "application/pdf", ExtractionLimits.defaults());
        assertTrue(p.pageCount() > 0);
        assertTemporaryFoldersEmpty();
    }

    @Test
    void a_document_that_exhausts_the_childs_memory_costs_only_that_document() throws Exception {
        Path huge = HostileDocuments.hugeParagraphDocx(dir.resolve("huge.docx"), 4_900_000);
        ExtractionException e = assertThrows(ExtractionException.class, () -> readDocx(huge));
        assertEquals(ExtractionException.Reason.LIMIT_EXCEEDED, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("内存") && e.getMessage().contains("64 MB"), e.getMessage());
        assertFalse(readDocx(docx).blocks().isEmpty(), "the next document is read by a fresh child");
        assertTemporaryFoldersEmpty();
    }

    @Test
    void a_document_that_never_finishes_is_killed_at_the_time_out() throws Exception {
        Path endless = HostileDocuments.endlessPdf(dir.resolve("endless.pdf"));
        List<Long> before = pool.childPids();
        long t0 = System.nanoTime();
        ExtractionException e = assertThrows(ExtractionException.class,
                () -> pool.extract(extractor("pdf"), endless, "application/pdf", ExtractionLimits.defaults()));
        assertEquals(ExtractionException.Reason.TIMEOUT, e.reason(), e.getMessage());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 60_000);
        for (long pid : before) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the child that timed out is still running");
        }
        assertFalse(readDocx(docx).blocks().isEmpty());
        assertTemporaryFoldersEmpty();
    }

    @Test
    void a_child_that_dies_mid_document_costs_that_document_and_is_replaced() throws Exception {
        Path endless = HostileDocuments.endlessPdf(dir.resolve("endless2.pdf"));
        readDocx(docx); // the child is warm
        List<Long> pids = pool.childPids();
        CompletableFuture<ExtractionException> f = CompletableFuture.supplyAsync(() -> {
            try {
                pool.extract(extractor("pdf"), endless, "application/pdf", ExtractionLimits.defaults());
                return null;
            } catch (ExtractionException x) {
                return x;
            }
        });
        Thread.sleep(800);
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        ExtractionException e = f.get();
        assertEquals(ExtractionException.Reason.CORRUPT, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("解析进程异常退出"), e.getMessage());
        assertFalse(readDocx(docx).blocks().isEmpty());
        assertNotEquals(pids, pool.childPids());
    }

    @Test
    void a_child_is_replaced_after_its_quota_of_documents() throws Exception {
        readDocx(docx);
        List<Long> first = pool.childPids();
        for (int i = 0; i < 3; i++) {
            readDocx(docx);
        }
        assertNotEquals(first, pool.childPids());
        assertEquals(1, pool.childPids().size());
    }
}
