package org.gongkai.server.document.pages;

import java.util.List;

/**
 * Where the findings of one PDF page stand on its image ({@code GET /api/v1/documents/{id}/pages/{n}/boxes}).
 *
 * @param width     width of the rendered page in points
 * @param height    height of the rendered page in points
 * @param rotation  the page's /Rotate, already applied to the image and to every rectangle
 * @param image     the page image's address
 * @param boxes     one entry per finding on this page, in report order
 * @param unlocated how many of them could not be placed on the page (shown with the page-level marker)
 * @param truncated true when the page held more glyphs than are read; a finding among the rest is not boxed
 */
public record PageBoxes(String documentId, int page, int pageCount, double width, double height, int rotation, String image,
                        List<FindingBox> boxes, int unlocated, boolean truncated) {

    /** How a finding was placed. */
    public enum How {
        /** On the glyphs of its text. */
        GLYPHS,
        /** On the box of the PDF comment (annotation) that holds it. */
        ANNOTATION,
        /** Not placed: the finding belongs to the page as a whole (page-level marker); {@code note} says why. */
        PAGE
    }

    /**
     * One finding of the page.
     *
     * @param certain true when the rectangles are surely the finding's own text: placed on its comment, or on glyphs
     *                where the page holds the text as many times as the stored text does (once, or the k-th of k
     *                places for the k-th occurrence); false when those counts differ and the occurrence is a guess by
     *                order, or when the finding was not placed at all
     * @param rects   rectangles as fractions (0..1) of the page image, origin top left: one per line the text
     *                spans; empty for {@link How#PAGE}
     * @param note    why the finding was not placed, or how the occurrence was chosen (Chinese / English); null
     *                when there is nothing to say
     */
    public record FindingBox(String findingId, String category, String categoryName, String severity, String part, How how,
                             boolean certain, List<Rect> rects, String note) {
    }

    /** A rectangle: left, top, width and height as fractions of the page image. */
    public record Rect(double x, double y, double w, double h) {
    }
}
