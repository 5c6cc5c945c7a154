package org.gongkai.routing;

import java.util.List;
import java.util.Optional;
import org.gongkai.spi.Category;
import org.gongkai.spi.Route;
import org.gongkai.spi.RoutingInput;

/**
 * One line of the routing policy: all conditions must hold; then the document goes to {@code route}, and
 * a document-level finding of {@code adds} is added when present.
 *
 * @param line       1-based line number in the policy file, for messages and the audit trail
 * @param source     the rule as written
 * @param conditions conditions, all of which must hold (none for {@code otherwise})
 * @param route      the route
 * @param adds       category of the finding the rule adds, or empty
 */
record RoutingRule(int line, String source, List<Condition> conditions, Route route, Optional<Category> adds) {
    boolean matches(RoutingInput in) {
        return conditions.stream().allMatch(c -> c.test(in));
    }
}
