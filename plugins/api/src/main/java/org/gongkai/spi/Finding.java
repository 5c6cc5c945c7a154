package org.gongkai.spi;

import java.util.List;
import java.util.Objects;

/**
 * One thing a detector found.
 *
 * <p>What a person reads and what the engine knows are kept apart: {@link #explanation} is a plain Chinese
 * sentence for the drafter or reviewer (what was found, the words around it that made it count, what to do —
 * with the masking example built from this finding's own value); the rules that fired, scores, dictionary files
 * and versions go to {@link #rules}, {@link #detail} and {@link #version}, the reviewer's "why" view.
 *
 * @param category    the contract's category
 * @param severity    how much it matters
 * @param span        where it stands in {@link DocumentText#text()}; empty span at 0 for document-level findings
 * @param text        the matched text exactly as it stands in the document (empty for document-level findings)
 * @param score       confidence in [0, 1]
 * @param basis       the legal basis, e.g. {@code "《政府信息公开条例》第十五条"}
 * @param explanation why, in plain Chinese for a person: no file names, scores or versions
 * @param detector    the {@link Plugin#name()} of the detector that raised it
 * @param version     version of the rules behind it (e.g. a dictionary version), or {@code null}
 * @param likelihood  the score on the closed scale reviewers filter by ({@link Likelihood#of} unless a detector says otherwise)
 * @param rules       the context rules that fired, e.g. {@code "personal.rules:41 name.label"}; empty when none
 * @param detail      the technical reasons for the "why" view (pattern, checksum, rule effects, score and threshold), or {@code null}
 * @param masked      the finding's own value as it may be published (e.g. {@code "500105********4428"}), or {@code null}
 * @since 0.1
 */
public record Finding(Category category, Severity severity, Span span, String text, double score, String basis,
                      String explanation, String detector, String version, Likelihood likelihood, List<String> rules,
                      String detail, String masked) {
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
        likelihood = likelihood == null ? Likelihood.of(score) : likelihood;
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** A finding without rule evidence: likelihood from the score, no rules, detail or masked form. @since 0.1 */
    public Finding(Category category, Severity severity, Span span, String text, double score, String basis,
                   String explanation, String detector, String version) {
        this(category, severity, span, text, score, basis, explanation, detector, version, null, List.of(), null, null);
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
        return new Finding(category, severity, span, text, score, basis, explanation, detector, v, likelihood, rules, detail, masked);
    }

    public Finding withSeverity(Severity s) {
        return new Finding(category, s, span, text, score, basis, explanation, detector, version, likelihood, rules, detail, masked);
    }

    /** A copy citing another legal basis (the host adds the deploying office's own rules). @since 0.2 */
    public Finding withBasis(String b) {
        return new Finding(category, severity, span, text, score, b, explanation, detector, version, likelihood, rules, detail, masked);
    }

    /** A copy with the rules that fired and the technical reasons for the "why" view. @since 0.2 */
    public Finding withEvidence(List<String> firedRules, String technicalDetail) {
        return new Finding(category, severity, span, text, score, basis, explanation, detector, version, likelihood, firedRules,
                technicalDetail, masked);
    }

    /** A copy with the finding's own value as it may be published. @since 0.2 */
    public Finding withMasked(String m) {
        return new Finding(category, severity, span, text, score, basis, explanation, detector, version, likelihood, rules, detail, m);
    }
}
