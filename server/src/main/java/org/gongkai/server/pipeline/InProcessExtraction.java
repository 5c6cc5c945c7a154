package org.gongkai.server.pipeline;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionException.Reason;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.Extractor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs extractors on threads of this process with a time-out, interrupting and abandoning a parser that does not
 * finish. Right for a short-lived process (the {@code check} command): a parser that loops or exhausts memory can
 * only harm that one run. The server uses child processes instead.
 */
public final class InProcessExtraction implements Extraction {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessExtraction.class);
    private final ExecutorService threads;
    private final long timeoutMillis;

    /**
     * @param threads threads extraction runs on, so that a parser that ignores interruption can be abandoned at the
     *                time-out without blocking the caller
     */
    public InProcessExtraction(ExecutorService threads, long timeoutMillis) {
        this.threads = threads;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public DocumentText extract(Extractor extractor, Path file, String mediaType, ExtractionLimits limits) throws ExtractionException {
        Future<DocumentText> f = threads.submit(() -> extractor.extract(file, mediaType, limits));
        try {
            return f.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw timedOut(timeoutMillis);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof ExtractionException ee) {
                throw ee;
            }
            LOG.warn("extractor {} failed on {}", extractor.name(), file, c);
            throw new ExtractionException(Reason.CORRUPT, "文件已损坏或格式异常，无法读取，请另存为新文件后重新上传 / the file is damaged or malformed ("
                    + c.getClass().getSimpleName() + "); re-save it and upload again", c);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new ExtractionException(Reason.TIMEOUT, "处理被中断 / processing was interrupted", e);
        }
    }

    static ExtractionException timedOut(long millis) {
        return new ExtractionException(Reason.TIMEOUT, "文本提取超时（" + millis / 1000 + " 秒），须人工审查 / text extraction timed out after "
                + millis / 1000 + " s; manual review needed");
    }
}
