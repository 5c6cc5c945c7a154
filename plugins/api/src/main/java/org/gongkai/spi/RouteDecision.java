package org.gongkai.spi;

import java.util.List;

/**
 * A router's answer.
 *
 * @param route         the queue the document goes to
 * @param rule          which rule matched, for the report and audit trail (e.g. {@code "rule 3: attribute missing"})
 * @param addedFindings findings the rule adds (e.g. {@code ATTRIBUTE_CONFLICT} for public documents carrying
 *                      exempt content); empty when none
 * @since 0.1
 */
public record RouteDecision(Route route, String rule, List<Finding> addedFindings) {
    public RouteDecision {
        addedFindings = List.copyOf(addedFindings);
    }
}
