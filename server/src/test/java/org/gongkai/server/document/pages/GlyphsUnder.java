package org.gongkai.server.document.pages;

import java.io.IOException;
import java.io.StringWriter;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The test's own reading of a page, independent of the server's: PDFBox's text positions of an unrotated page
 * ({@link TextPosition#getX()}, {@link TextPosition#getY()} — baseline, from the top — and their width and height),
 * to say which characters stand under a rectangle given as fractions of the page.
 */
final class GlyphsUnder {
    private final List<TextPosition> positions = new ArrayList<>();

    GlyphsUnder(byte[] pdf, int page) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> ps) {
                    positions.addAll(ps);
                }
            };
            s.setSortByPosition(true);
            s.setStartPage(page);
            s.setEndPage(page);
            s.writeText(doc, new StringWriter());
        }
    }

    /** The NFKC-folded characters whose glyph centre lies inside the rectangle (x, y, w, h as fractions), in reading order. */
    String under(double x, double y, double w, double h) {
        StringBuilder b = new StringBuilder();
        for (TextPosition p : positions) {
            double cx = (p.getX() + p.getWidth() / 2) / p.getPageWidth();
            double cy = (p.getY() - p.getHeight() / 2) / p.getPageHeight();
            if (cx >= x && cx <= x + w && cy >= y && cy <= y + h && !p.getUnicode().isBlank()) {
                b.append(Normalizer.normalize(p.getUnicode(), Normalizer.Form.NFKC));
            }
        }
        return b.toString();
    }
}
