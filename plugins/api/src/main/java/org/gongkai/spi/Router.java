package org.gongkai.spi;

import java.util.Optional;

/**
 * Decides which review queue a checked document goes to. The host asks the configured routers in order;
 * the first that answers decides. When none answers, the document goes to {@link Route#MANUAL_REVIEW}
 * (fail closed).
 *
 * <p>A router must never route a document with an {@code EXTRACTION_FAILED} or {@code NO_TEXT} finding to
 * {@link Route#PUBLICATION_REVIEW}; the host enforces this as well.
 *
 * @since 0.1
 */
public interface Router extends Plugin {
    /** @return the decision, or empty when this router has no opinion on the document */
    Optional<RouteDecision> route(RoutingInput input);
}
