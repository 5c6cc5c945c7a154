package org.gongkai.server.render.pages;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Bounds on reading a hostile PDF page.
 *
 * @param maxDpi           highest resolution rendered
 * @param maxSide          longest side of a rendered page in pixels (a larger page is rendered at a lower resolution)
 * @param maxPixels        pixels of a rendered page at most
 * @param maxPagePoints    longest side of a page in points accepted at all (the PDF limit is 14 400, 200 inches)
 * @param maxGlyphs        glyphs read from one page at most
 * @param timeout          time one render or layout may take
 * @param threads          pages rendered at once
 * @param waiting          further requests that may wait for a renderer (beyond them: busy)
 * @param memoryBytes      main memory a document's parsed streams may use before PDFBox spills to scratch files
 * @param scratchBytes     scratch file space one document may use
 * @param scratch          folder for those scratch files (inside the data folder)
 */
public record RenderLimits(int maxDpi, int maxSide, long maxPixels, float maxPagePoints, int maxGlyphs, Duration timeout, int threads, int waiting,
                           long memoryBytes, long scratchBytes, Path scratch) {

    /** The server's defaults: 200 dpi, 4 000 px, 16 MP, 20 s, two renderers and eight waiting, 32 MB in memory. */
    public static RenderLimits defaults(Path scratch) {
        return new RenderLimits(200, 4000, 16_000_000L, 14_400f, 200_000, Duration.ofSeconds(20), 2, 8, 32L << 20, 512L << 20, scratch);
    }

    public RenderLimits withTimeout(Duration t) {
        return new RenderLimits(maxDpi, maxSide, maxPixels, maxPagePoints, maxGlyphs, t, threads, waiting, memoryBytes, scratchBytes, scratch);
    }
}
