package org.gongkai.spi;

import java.util.List;

/**
 * What a {@link Router} decides on.
 *
 * @param findings   all findings of the document after merging
 * @param structure  the parsed structure, with the detected annotation
 * @param submission what the drafter declared
 * @param effective  the effective attribute: the declared one when given, else the annotated one, else NONE
 * @param reason     the effective reason (declared, or written in the annotation), or {@code null}
 * @since 0.1
 */
public record RoutingInput(List<Finding> findings, DocumentStructure structure, Submission submission, Attribute effective, String reason) {
    public RoutingInput {
        findings = List.copyOf(findings);
    }

    public boolean has(Category c) {
        return findings.stream().anyMatch(f -> f.category() == c);
    }
}
