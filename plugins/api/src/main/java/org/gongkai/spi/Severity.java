package org.gongkai.spi;

/**
 * How much a finding matters, most severe first. {@link #BLOCKER} stops publication outright,
 * {@link #INFO} never changes a route.
 *
 * @since 0.1
 */
public enum Severity {
    BLOCKER, HIGH, MEDIUM, LOW, INFO;

    /** True when this severity is at least as severe as {@code other}. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }
}
