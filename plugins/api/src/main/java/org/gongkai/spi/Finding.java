package org.gongkai.spi;

import java.util.Objects;

/**
 * One thing a detector found.
 *
 * @param category    the contract's category
 * @param severity    how much it matters
 * @param span        where it stands in {@link DocumentText#text()}; empty span at 0 for document-level findings
 * @param text        the matched text exactly as it stands in the document (empty for document-level findings)
 * @param score       confidence in [0, 1]
 * @param basis       the legal basis, e.g. {@code "《政府信息公开条例》第十五条"}
 * @param explanation why, in Chinese: pattern, checksum, context words, dictionary term and file
 * @param detector    the {@link Plugin#name()} of the detector that raised it
 * @param version     version of the rules behind it (e.g. a dictionary version), or {@code null}
 * @since 0.1
 */
public record Finding(Category category, Severity severity, Span span, String text, double score, String basis,
                      String explanation, String detector, String version) {
    public Finding {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(detector, "detector");
        text = text == null ? "" : text;
        basis = basis == null || basis.isBlank() ? category.basis() : basis;
        if (score < 0 || score > 1 || Double.isNaN(score)) {
            throw new IllegalArgumentException("score out of [0,1]: " + score);
        }
    }

    /** A finding over a normalised match, mapped back to the original text. */
    public static Finding at(NormalizedText n, int start, int end, Category category, Severity severity, double score,
                             String basis, String explanation, String detector) {
        Span s = n.toOriginal(start, end);
        return new Finding(category, severity, s, n.original().text().substring(s.start(), s.end()), score, basis,
                explanation, detector, null);
    }

    /** A finding over an original-text span. */
    public static Finding at(DocumentText t, Span s, Category category, Severity severity, double score,
                             String basis, String explanation, String detector) {
        return new Finding(category, severity, s, t.text().substring(s.start(), s.end()), score, basis, explanation, detector, null);
    }

    /** A finding about the document as a whole. */
    public static Finding document(Category category, Severity severity, String basis, String explanation, String detector) {
        return new Finding(category, severity, new Span(0, 0), "", 1.0, basis, explanation, detector, null);
    }

    public Finding withVersion(String v) {
        return new Finding(category, severity, span, text, score, basis, explanation, detector, v);
    }

    public Finding withSeverity(Severity s) {
        return new Finding(category, s, span, text, score, basis, explanation, detector, version);
    }
}
