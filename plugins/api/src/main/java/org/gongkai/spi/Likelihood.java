package org.gongkai.spi;

/**
 * How likely a finding is to be what its category says, on the small closed scale reviewers filter by (the
 * scale of Google Cloud DLP and Microsoft Purview's confidence levels). It is derived from the finding's score
 * by fixed cut points, so the same score always reads the same way in every report.
 *
 * @since 0.2
 */
public enum Likelihood {
    VERY_UNLIKELY("极不可能"), UNLIKELY("不太可能"), POSSIBLE("可能"), LIKELY("很可能"), VERY_LIKELY("极有可能");

    private final String chinese;

    Likelihood(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /** The level of a score in [0, 1]: ≥ 0.9 very likely, ≥ 0.75 likely, ≥ 0.5 possible, ≥ 0.25 unlikely. */
    public static Likelihood of(double score) {
        if (score >= 0.9) {
            return VERY_LIKELY;
        }
        if (score >= 0.75) {
            return LIKELY;
        }
        if (score >= 0.5) {
            return POSSIBLE;
        }
        return score >= 0.25 ? UNLIKELY : VERY_UNLIKELY;
    }

    /** True when this level is at least {@code other}. */
    public boolean atLeast(Likelihood other) {
        return ordinal() >= other.ordinal();
    }
}
