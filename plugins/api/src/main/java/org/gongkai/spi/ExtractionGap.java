package org.gongkai.spi;

/**
 * Something an extractor could not read, so the text it returned is incomplete. A document with any gap
 * goes to manual review with the gap's message (fail closed).
 *
 * @param reason  machine-readable kind of gap
 * @param message in Chinese and English, naming what was skipped, e.g. {@code "第3页无文本层 / page 3 has no text layer"}
 * @param page    1-based page where known, otherwise {@code null}
 * @since 0.1
 */
public record ExtractionGap(Reason reason, String message, Integer page) {
    /** Why text is missing. */
    public enum Reason {
        /** A page or image without a text layer and no OCR. */
        NO_TEXT_LAYER,
        /** An embedded object or part that failed to parse. */
        PART_UNREADABLE,
        /** The character limit was reached; the rest was not read. */
        TRUNCATED,
        /** Embedded documents nested deeper than allowed. */
        TOO_DEEP
    }

    public ExtractionGap {
        if (reason == null || message == null) {
            throw new IllegalArgumentException("reason and message are required");
        }
    }
}
