package org.gongkai.spi;

/**
 * Resource limits every extractor honours.
 *
 * @param maxChars          stop reading after this many characters and report a {@link ExtractionGap.Reason#TRUNCATED} gap
 * @param maxEmbeddedDepth  deepest nesting of embedded documents that is read
 * @param minInflateRatio   zip-bomb guard: smallest compressed/uncompressed ratio accepted (POI ZipSecureFile)
 * @param ocrEnabled        whether OCR may be used for pages and images without a text layer
 * @since 0.1
 */
public record ExtractionLimits(int maxChars, int maxEmbeddedDepth, double minInflateRatio, boolean ocrEnabled) {
    public static ExtractionLimits defaults() {
        return new ExtractionLimits(5_000_000, 3, 0.01, true);
    }
}
