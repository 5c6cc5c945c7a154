package org.gongkai.server.render.pages;

import java.nio.file.Path;

/**
 * Reads one page of a PDF for the review page: its picture, and where its glyphs stand. Every PDF is treated as
 * hostile, so an implementation bounds memory, time and image size, and never lets a file take the server down.
 * Both calls take a path and plain numbers and return plain values, so they can run in another process (the
 * child-JVM pool of the extraction isolation) without change.
 *
 * <p>The caller owns {@code pdf} and must have checked that the caller of the server may read it; an
 * implementation only reads the file.
 *
 * @since 0.2
 */
public interface PdfPages extends AutoCloseable {

    /**
     * Renders page {@code page} (1-based) as a PNG at {@code dpi} dots per inch, or fewer when the page would
     * otherwise exceed the implementation's pixel limits ({@link PageImage#dpi()} says which).
     *
     * @throws PageRenderException when the page does not exist, the file is encrypted or damaged, the page is
     *                             absurdly large, rendering takes too long, or the renderer is busy
     */
    PageImage render(Path pdf, int page, int dpi) throws PageRenderException;

    /**
     * The glyphs of page {@code page} (1-based) in the order a position-sorted text stripper writes them, each
     * with its box on the rendered page, and the page's text annotations.
     *
     * @throws PageRenderException as {@link #render}
     */
    PageLayout layout(Path pdf, int page) throws PageRenderException;

    /** Stops the implementation's threads; a call under way may still finish. */
    @Override
    void close();
}
