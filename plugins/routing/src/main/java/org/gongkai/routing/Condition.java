package org.gongkai.routing;

import java.util.Set;
import org.gongkai.spi.Attribute;
import org.gongkai.spi.Category;
import org.gongkai.spi.Finding;
import org.gongkai.spi.RoutingInput;
import org.gongkai.spi.Severity;

/** One condition of a routing rule; see {@code config/routing.rules} for the syntax. */
sealed interface Condition {

    boolean test(RoutingInput in);

    /** Findings that count for routing: anything above {@link Severity#INFO}. */
    static boolean counts(Finding f) {
        return f.severity() != Severity.INFO;
    }

    /** {@code any C1,C2}: a counting finding of one of the categories exists. */
    record AnyOf(Set<Category> categories) implements Condition {
        @Override
        public boolean test(RoutingInput in) {
            return in.findings().stream().anyMatch(f -> counts(f) && categories.contains(f.category()));
        }
    }

    /** {@code any @exempt}: a counting exempt-content finding exists (条例第十四、十五、十六条). */
    record AnyExempt() implements Condition {
        @Override
        public boolean test(RoutingInput in) {
            return in.findings().stream().anyMatch(f -> counts(f) && f.category().exempt());
        }
    }

    /** {@code attribute A1,A2}: the effective attribute is one of these. */
    record AttributeIn(Set<Attribute> attributes) implements Condition {
        @Override
        public boolean test(RoutingInput in) {
            return attributes.contains(in.effective());
        }
    }

    /** {@code reason}: a non-blank reason was stated. */
    record HasReason() implements Condition {
        @Override
        public boolean test(RoutingInput in) {
            return in.reason() != null && !in.reason().isBlank();
        }
    }

    /** {@code clean}: nothing but advisory or INFO findings. */
    record Clean() implements Condition {
        @Override
        public boolean test(RoutingInput in) {
            return in.findings().stream().noneMatch(f -> counts(f) && f.category().kind() != Category.Kind.ADVISORY);
        }
    }
}
