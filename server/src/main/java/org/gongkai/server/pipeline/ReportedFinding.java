package org.gongkai.server.pipeline;

import java.util.List;
import org.gongkai.spi.Category;
import org.gongkai.spi.Finding;
import org.gongkai.spi.Likelihood;
import org.gongkai.spi.Part;
import org.gongkai.spi.Severity;

/**
 * A finding as reported and stored: the detector's finding placed in the document (part, page, source). The
 * contract's fields first; then what the reviewer filters and sorts by ({@code likelihood}) and the "why" view
 * ({@code rules} that fired, technical {@code detail}), and the finding's own value as it may be published
 * ({@code masked}).
 *
 * @param id         unique id of the finding
 * @param source     the block's locator ("表格1 第2行第3列", "批注 作者：张三"), may be empty
 * @param likelihood the score on the closed scale VERY_UNLIKELY … VERY_LIKELY
 * @param rules      the context rules that fired ("personal.rules:230 name.label"), may be empty
 * @param detail     the technical reasons (checks, rule effects, score and threshold, versions), or null
 * @param masked     the finding's own value masked for publication ("500105********4428"), or null
 */
public record ReportedFinding(String id, Category category, String categoryName, Severity severity, String text, Part part,
                              int start, int end, Integer page, String source, String detector, double score, String basis,
                              String explanation, String version, Likelihood likelihood, List<String> rules, String detail,
                              String masked) {
    /** Longest detail kept; the reasons past it are cut (the finding itself is complete). */
    static final int MAX_DETAIL = 3900;

    public ReportedFinding {
        likelihood = likelihood == null ? Likelihood.of(score) : likelihood;
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** A finding without rule evidence (likelihood from the score). */
    public ReportedFinding(String id, Category category, String categoryName, Severity severity, String text, Part part,
                           int start, int end, Integer page, String source, String detector, double score, String basis,
                           String explanation, String version) {
        this(id, category, categoryName, severity, text, part, start, end, page, source, detector, score, basis, explanation, version,
                null, List.of(), null, null);
    }

    public static ReportedFinding of(String id, Finding f, Part part, Integer page, String source) {
        String detail = f.detail() == null || f.detail().length() <= MAX_DETAIL ? f.detail() : f.detail().substring(0, MAX_DETAIL) + "…";
        String masked = f.masked() == null || f.masked().length() <= 1000 ? f.masked() : null;
        return new ReportedFinding(id, f.category(), f.category().chinese(), f.severity(), f.text(), part,
                f.span().start(), f.span().end(), page, source, f.detector(), f.score(), f.basis(), f.explanation(), f.version(),
                f.likelihood(), f.rules(), detail, masked);
    }

    /** The rules as stored: one per line, at most 2,000 characters (whole lines). */
    public String rulesText() {
        StringBuilder sb = new StringBuilder();
        for (String r : rules) {
            if (sb.length() + r.length() + 1 > 2000) {
                break;
            }
            sb.append(sb.length() == 0 ? "" : "\n").append(r);
        }
        return sb.toString();
    }
}
