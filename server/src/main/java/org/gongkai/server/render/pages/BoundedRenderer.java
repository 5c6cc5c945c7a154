package org.gongkai.server.render.pages;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;

/**
 * A {@link PDFRenderer} whose page drawer checks a {@link Deadline} at every operator, and which subsamples large
 * images while decoding them (so a 100-megapixel scan does not become a 100-megapixel bitmap in memory).
 */
final class BoundedRenderer extends PDFRenderer {
    private final Deadline deadline;

    BoundedRenderer(PDDocument document, Deadline deadline) {
        super(document);
        this.deadline = deadline;
        setSubsamplingAllowed(true);
    }

    @Override
    protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
        return new PageDrawer(parameters) {
            @Override
            protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
                deadline.check();
                super.processOperator(operator, operands);
            }
        };
    }
}
