package org.gongkai.server.render.pages;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Maps user-space points of a page (relative to its crop box's lower left corner, y up, as PDFBox's text
 * positions give them) to fractions of the page as {@link org.apache.pdfbox.rendering.PDFRenderer} draws it:
 * crop box, y flipped, the page's /Rotate applied clockwise, origin at the top left.
 */
final class PageGeometry {
    private final float width;
    private final float height;
    private final int rotation;

    private PageGeometry(float width, float height, int rotation) {
        this.width = width;
        this.height = height;
        this.rotation = rotation;
    }

    /**
     * The geometry of a page, refusing one without a usable size or larger than {@code maxPoints} on a side.
     */
    static PageGeometry of(PDPage page, float maxPoints) throws PageRenderException {
        PDRectangle crop = page.getCropBox();
        float w = crop.getWidth();
        float h = crop.getHeight();
        if (!(w >= 1 && h >= 1 && w <= maxPoints && h <= maxPoints)) {
            throw new PageRenderException(PageRenderException.Kind.PAGE_SIZE, "页面尺寸异常（" + Math.round(w) + "×" + Math.round(h)
                    + " 点），不予渲染；请查看全文视图", "the page size is absurd (" + w + "×" + h + " points) and is not rendered; use the text view");
        }
        int r = page.getRotation();
        r = ((r % 360) + 360) % 360;
        return new PageGeometry(w, h, r % 90 == 0 ? r : 0);
    }

    /** Width of the rendered page in points (rotation applied). */
    float renderedWidth() {
        return rotation == 90 || rotation == 270 ? height : width;
    }

    float renderedHeight() {
        return rotation == 90 || rotation == 270 ? width : height;
    }

    int rotation() {
        return rotation;
    }

    /** The rendered-page fraction (x, y) of user-space point (ux, uy), written into {@code out}. */
    void toPage(float ux, float uy, float[] out) {
        float fx = ux;
        float fy = height - uy; // y down, still unrotated
        float rx;
        float ry;
        switch (rotation) {
            case 90 -> {
                rx = height - fy;
                ry = fx;
            }
            case 180 -> {
                rx = width - fx;
                ry = height - fy;
            }
            case 270 -> {
                rx = fy;
                ry = width - fx;
            }
            default -> {
                rx = fx;
                ry = fy;
            }
        }
        out[0] = rx / renderedWidth();
        out[1] = ry / renderedHeight();
    }
}
