package org.gongkai.spi;

/**
 * Everything a {@link Detector} may look at for one document.
 *
 * @param text       the structured text as extracted; finding offsets refer to {@link DocumentText#text()}
 * @param normalized the matching view of {@code text}; map matches back with {@link NormalizedText#toOriginal}
 * @param structure  the parsed 公文 structure (never {@code null}; possibly {@link DocumentStructure#empty()})
 * @param submission what the drafter declared
 * @since 0.1
 */
public record DetectionContext(DocumentText text, NormalizedText normalized, DocumentStructure structure, Submission submission) {
    /** Context for a plain string with no declaration; convenient in tests. */
    public static DetectionContext of(String text) {
        NormalizedText n = NormalizedText.of(text);
        return new DetectionContext(n.original(), n, DocumentStructure.empty(), Submission.of("test.txt"));
    }
}
