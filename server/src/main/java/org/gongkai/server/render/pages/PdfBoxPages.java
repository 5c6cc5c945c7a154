package org.gongkai.server.render.pages;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PdfPages} with PDFBox in this process, within {@link RenderLimits}: a few renderer threads of its own and
 * a short waiting line (beyond it the answer is "busy", never an unbounded queue); parsed streams kept to a few
 * megabytes in memory, the rest in scratch files in the data folder; images subsampled while decoding; a deadline
 * checked at every content-stream operator, and the caller answered at the time limit whatever the thread does;
 * pages with an absurd size refused; any failure of PDFBox (exceptions, stack overflow, out of memory in the
 * renderer thread) answered as a damaged or too complex page.
 */
public final class PdfBoxPages implements PdfPages {
    private static final Logger LOG = LoggerFactory.getLogger(PdfBoxPages.class);
    private final RenderLimits limits;
    private final ExecutorService threads;
    private final Semaphore slots;

    /** Starts the renderer threads; scratch files a previous run left behind (a crash) are deleted. */
    public PdfBoxPages(RenderLimits limits) {
        this.limits = limits;
        clearScratch(limits.scratch());
        this.slots = new Semaphore(limits.threads() + limits.waiting());
        this.threads = Executors.newFixedThreadPool(limits.threads(), r -> {
            Thread t = new Thread(r, "gongkai-pdf-pages");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public PageImage render(Path pdf, int page, int dpi) throws PageRenderException {
        return run(deadline -> {
            try (PDDocument doc = open(pdf)) {
                PDPage p = page(doc, page);
                PageGeometry g = PageGeometry.of(p, limits.maxPagePoints());
                int effective = effectiveDpi(g.renderedWidth(), g.renderedHeight(), dpi);
                BufferedImage img = new BoundedRenderer(doc, deadline).renderImage(page - 1, effective / 72f, ImageType.RGB);
                deadline.check();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageIO.write(img, "png", out);
                return new PageImage(out.toByteArray(), img.getWidth(), img.getHeight(), effective, doc.getNumberOfPages());
            }
        });
    }

    @Override
    public PageLayout layout(Path pdf, int page) throws PageRenderException {
        return run(deadline -> {
            try (PDDocument doc = open(pdf)) {
                page(doc, page);
                return new PageGlyphReader(deadline, limits.maxGlyphs()).read(doc, page, limits.maxPagePoints());
            }
        });
    }

    /** The resolution that keeps the page within the pixel limits, never above the maximum nor below 10 dpi. */
    int effectiveDpi(float widthPt, float heightPt, int asked) {
        double dpi = Math.min(Math.max(asked, 10), limits.maxDpi());
        dpi = Math.min(dpi, limits.maxSide() * 72.0 / Math.max(widthPt, heightPt));
        dpi = Math.min(dpi, Math.sqrt(limits.maxPixels() * 72.0 * 72.0 / ((double) widthPt * heightPt)));
        return (int) Math.max(10, Math.floor(dpi));
    }

    private static void clearScratch(Path scratch) {
        if (!Files.isDirectory(scratch)) {
            return;
        }
        try (var files = Files.list(scratch)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(p)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            LOG.warn("could not clear the PDF scratch folder {}: {}", scratch, e.toString());
        }
    }

    private PDDocument open(Path pdf) throws IOException {
        Files.createDirectories(limits.scratch());
        MemoryUsageSetting memory = MemoryUsageSetting.setupMixed(limits.memoryBytes(), limits.memoryBytes() + limits.scratchBytes())
                .setTempDir(limits.scratch().toFile());
        return Loader.loadPDF(new RandomAccessReadBufferedFile(pdf.toFile()), "", null, null, memory.streamCache);
    }

    private static PDPage page(PDDocument doc, int page) throws PageRenderException {
        int n = doc.getNumberOfPages();
        if (page < 1 || page > n) {
            throw new PageRenderException(PageRenderException.Kind.NO_SUCH_PAGE, "第" + page + "页不存在（共" + n + "页）",
                    "page " + page + " does not exist (the document has " + n + ")");
        }
        return doc.getPage(page - 1);
    }

    /** Work on one page under the deadline. */
    private interface Job<T> {
        T run(Deadline deadline) throws IOException, PageRenderException;
    }

    private <T> T run(Job<T> job) throws PageRenderException {
        if (!slots.tryAcquire()) {
            throw busy();
        }
        AtomicBoolean started = new AtomicBoolean();
        Future<T> f;
        try {
            f = threads.submit(() -> {
                started.set(true);
                try {
                    return job.run(new Deadline(limits.timeout()));
                } finally {
                    slots.release();
                }
            });
        } catch (RejectedExecutionException e) {
            slots.release();
            throw busy();
        }
        try {
            return f.get(limits.timeout().toMillis() * 2 + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw started.get() ? tooComplex() : busy();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw busy();
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
    }

    private static PageRenderException failure(Throwable t) {
        if (t instanceof PageRenderException p) {
            return p;
        }
        if (t instanceof InvalidPasswordException) {
            return new PageRenderException(PageRenderException.Kind.ENCRYPTED, "PDF 已加密，无法显示页面", "the PDF is encrypted; its pages cannot be shown");
        }
        if (t instanceof Deadline.Expired || t instanceof OutOfMemoryError) {
            return tooComplex();
        }
        if (!(t instanceof IOException) && !(t instanceof RuntimeException) && !(t instanceof StackOverflowError)) {
            LOG.warn("unexpected failure rendering a PDF page: {}", t.toString());
        }
        return new PageRenderException(PageRenderException.Kind.DAMAGED, "PDF 文件损坏或格式异常，无法显示该页；请查看全文视图",
                "the PDF is damaged or malformed and this page cannot be shown; use the text view");
    }

    private static PageRenderException tooComplex() {
        return new PageRenderException(PageRenderException.Kind.TOO_COMPLEX, "该页过于复杂，超出渲染时间或内存限制；请查看全文视图",
                "the page is too complex to render within the time and memory limits; use the text view");
    }

    private static PageRenderException busy() {
        return new PageRenderException(PageRenderException.Kind.BUSY, "页面渲染繁忙，请稍后重试", "the page renderer is busy; retry shortly");
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
