package org.gongkai.server.pipeline;

import org.gongkai.spi.Category;
import org.gongkai.spi.Finding;
import org.gongkai.spi.Part;
import org.gongkai.spi.Severity;

/**
 * A finding as reported and stored: the detector's finding placed in the document (part, page, source).
 *
 * @param id     unique id of the finding
 * @param source the block's locator ("表格1 第2行第3列", "批注 作者：张三"), may be empty
 */
public record ReportedFinding(String id, Category category, String categoryName, Severity severity, String text, Part part,
                              int start, int end, Integer page, String source, String detector, double score, String basis,
                              String explanation, String version) {

    public static ReportedFinding of(String id, Finding f, Part part, Integer page, String source) {
        return new ReportedFinding(id, f.category(), f.category().chinese(), f.severity(), f.text(), part,
                f.span().start(), f.span().end(), page, source, f.detector(), f.score(), f.basis(), f.explanation(), f.version());
    }
}
