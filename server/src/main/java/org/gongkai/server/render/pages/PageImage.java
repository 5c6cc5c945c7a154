package org.gongkai.server.render.pages;

/**
 * A rendered page.
 *
 * @param png       the PNG bytes
 * @param width     pixels
 * @param height    pixels
 * @param dpi       the resolution it was rendered at (lower than asked for a very large page)
 * @param pageCount pages in the document
 */
public record PageImage(byte[] png, int width, int height, int dpi, int pageCount) {
}
