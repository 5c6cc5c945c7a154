package org.gongkai.server.render.pages;

import java.util.List;

/**
 * Where the text of one PDF page stands. Coordinates are fractions (0..1) of the page as rendered — crop box,
 * page rotation applied — with the origin at the top left, so they fit a {@link PageImage} of any resolution.
 *
 * @param page      1-based page number
 * @param pageCount pages in the document
 * @param width     width of the rendered page in points (1/72 inch)
 * @param height    height of the rendered page in points
 * @param rotation  the page's /Rotate (0, 90, 180 or 270)
 * @param glyphs    glyphs in the order a position-sorted text stripper writes them
 * @param notes     text annotations (comments) with their boxes
 * @param truncated true when the page held more glyphs than are read (the rest are missing from {@code glyphs})
 */
public record PageLayout(int page, int pageCount, float width, float height, int rotation, List<Glyph> glyphs, List<Note> notes,
                         boolean truncated) {

    /**
     * One glyph: the text it writes (usually one character; a ligature writes several, a glyph without a Unicode
     * mapping writes nothing) and its box. {@code line} counts the stripper's output lines on the page from 0. A
     * glyph whose box could not be computed has NaN coordinates.
     */
    public record Glyph(String text, int line, float x0, float y0, float x1, float y1) {
        public boolean placed() {
            return !Float.isNaN(x0) && !Float.isNaN(y0) && !Float.isNaN(x1) && !Float.isNaN(y1);
        }
    }

    /** A text annotation (comment, sticky note, free text): what it says and its box. */
    public record Note(String contents, float x0, float y0, float x1, float y1) {
    }
}
