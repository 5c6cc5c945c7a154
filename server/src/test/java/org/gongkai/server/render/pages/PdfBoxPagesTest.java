package org.gongkai.server.render.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongkai.server.TestEnv;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PDF page renderer against hostile files: time, size and damage end in a {@link PageRenderException}, never anything else. */
class PdfBoxPagesTest {
    @TempDir
    Path dir;

    private PdfBoxPages pages(Duration timeout) {
        return new PdfBoxPages(RenderLimits.defaults(dir.resolve("scratch")).withTimeout(timeout));
    }

    private Path write(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void nested_forms_that_multiply_into_a_trillion_operations_stop_at_the_time_limit_and_the_renderer_carries_on() throws Exception {
        try (PdfBoxPages p = pages(Duration.ofSeconds(2))) {
            Path bomb = write("bomb.pdf", ReviewPdfs.formBomb());
            assertEquals(PageRenderException.Kind.TOO_COMPLEX, assertThrows(PageRenderException.class, () -> p.render(bomb, 1, 72)).kind());
            assertEquals(PageRenderException.Kind.TOO_COMPLEX, assertThrows(PageRenderException.class, () -> p.layout(bomb, 1)).kind());
            PageImage ok = p.render(write("ok.pdf", ReviewPdfs.letterSpaced()), 1, 72);
            assertEquals(595, ok.width(), 1);
        }
    }

    @Test
    void a_page_beyond_the_pdf_size_limit_is_refused_and_a_large_one_rendered_within_the_pixel_limits() throws Exception {
        try (PdfBoxPages p = pages(Duration.ofSeconds(20))) {
            Path absurd = write("absurd.pdf", ReviewPdfs.absurdPage());
            assertEquals(PageRenderException.Kind.PAGE_SIZE, assertThrows(PageRenderException.class, () -> p.render(absurd, 1, 200)).kind());
            PageImage a4 = p.render(write("a4.pdf", ReviewPdfs.letterSpaced()), 1, 10_000);
            assertEquals(200, a4.dpi(), "never above the maximum resolution");
            assertTrue((long) a4.width() * a4.height() <= RenderLimits.defaults(dir).maxPixels());
        }
    }

    @Test
    void missing_pages_encrypted_and_garbage_files_are_named_as_such() throws Exception {
        try (PdfBoxPages p = pages(Duration.ofSeconds(20))) {
            Path ok = write("ok.pdf", ReviewPdfs.letterSpaced());
            assertEquals(PageRenderException.Kind.NO_SUCH_PAGE, assertThrows(PageRenderException.class, () -> p.render(ok, 2, 72)).kind());
            assertEquals(PageRenderException.Kind.NO_SUCH_PAGE, assertThrows(PageRenderException.class, () -> p.layout(ok, 0)).kind());
            Path locked = TestEnv.fixtures().resolve("broken/password-protected.pdf");
            assertEquals(PageRenderException.Kind.ENCRYPTED, assertThrows(PageRenderException.class, () -> p.render(locked, 1, 72)).kind());
            Path garbage = write("garbage.pdf", ReviewPdfs.garbage());
            assertEquals(PageRenderException.Kind.DAMAGED, assertThrows(PageRenderException.class, () -> p.layout(garbage, 1)).kind());
            Path truncated = TestEnv.fixtures().resolve("broken/truncated.pdf");
            try {
                p.render(truncated, 1, 72); // PDFBox may rebuild what it can; either a picture or a named refusal
            } catch (PageRenderException e) {
                assertTrue(e.getMessage().contains(" / "));
            }
        }
    }

    @Test
    void every_pdf_of_the_hostile_corpus_gets_a_page_or_a_named_refusal() throws Exception {
        Path corpus = TestEnv.shared().resolve("corpus/hostile/pdfbox");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "no hostile corpus at " + corpus);
        Map<String, Integer> outcomes = new TreeMap<>();
        try (PdfBoxPages p = pages(Duration.ofSeconds(5)); var files = Files.list(corpus)) {
            for (Path f : files.sorted().toList()) {
                for (String what : List.of("render", "layout")) {
                    String outcome;
                    try {
                        if (what.equals("render")) {
                            p.render(f, 1, 72);
                        } else {
                            p.layout(f, 1);
                        }
                        outcome = "ok";
                    } catch (PageRenderException e) {
                        assertTrue(e.chinese().codePoints().anyMatch(c -> c >= 0x4E00) && !e.english().isBlank(), f + ": " + e.getMessage());
                        outcome = e.kind().name();
                    }
                    outcomes.merge(what + " " + outcome, 1, Integer::sum);

                }
            }
        }
        System.out.println("hostile PDF pages: " + outcomes);
        assertTrue(outcomes.keySet().stream().anyMatch(k -> k.endsWith(" ok")), outcomes.toString());
    }
}
