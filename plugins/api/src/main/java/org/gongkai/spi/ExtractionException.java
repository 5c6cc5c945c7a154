package org.gongkai.spi;

/**
 * Thrown by an {@link Extractor} when it cannot produce any text of a document. The document then ends
 * {@code CHECKED} on route {@code MANUAL_REVIEW} with an {@code EXTRACTION_FAILED} (or, for
 * {@link Reason#NO_TEXT}, {@code NO_TEXT}) finding carrying {@link #getMessage()}.
 *
 * @since 0.1
 */
public class ExtractionException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why nothing could be read. */
    public enum Reason {
        /** Password-protected or DRM-encrypted. */
        ENCRYPTED,
        /** Damaged, truncated or not what its type claims. */
        CORRUPT,
        /** Zero bytes, or a container with no content. */
        EMPTY,
        /** The document has no text at all (scans without OCR). */
        NO_TEXT,
        /** Resource limits: zip bomb ratios, too many parts, too large. */
        LIMIT_EXCEEDED,
        /** Parsing did not finish within the time-out. */
        TIMEOUT,
        /** No extractor can read this type. */
        UNSUPPORTED
    }

    private final Reason reason;

    /**
     * @param reason  the kind of failure
     * @param message in Chinese and English: what went wrong and what the drafter can do
     * @param cause   the parser's exception, kept for logs, never shown to clients
     */
    public ExtractionException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public ExtractionException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }
}
