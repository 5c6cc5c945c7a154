package org.gongkai.server.pipeline;

import java.nio.file.Path;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.Extractor;

/**
 * Where and how the pipeline runs an {@link Extractor}: in this process ({@link InProcessExtraction}, for the
 * short-lived CLI) or in child processes that can be killed ({@code isolation.ChildProcessExtraction}, for the
 * server). Either way a document that cannot be read within the time-out and resource limits ends in an
 * {@link ExtractionException} naming why, never in an error that reaches the caller's caller.
 */
public interface Extraction extends AutoCloseable {

    /**
     * Extracts {@code file} with {@code extractor} (one of the pipeline's configured extractors).
     *
     * @throws ExtractionException when nothing could be read: the extractor's own reasons, and {@code TIMEOUT},
     *                             {@code LIMIT_EXCEEDED} (out of memory) or {@code CORRUPT} (the parser crashed)
     */
    DocumentText extract(Extractor extractor, Path file, String mediaType, ExtractionLimits limits) throws ExtractionException;

    @Override
    default void close() {
    }
}
