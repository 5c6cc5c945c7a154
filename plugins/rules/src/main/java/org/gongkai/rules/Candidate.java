package org.gongkai.rules;

import java.util.List;
import java.util.Objects;
import org.gongkai.spi.Category;

/**
 * What a detector proposes before the rules have spoken: a category (and the detector's own kind of match, such
 * as {@code mobile} or {@code landline}), where it stands in the {@link Site}'s text, and the likelihood the match
 * has by itself (a valid checksum, a name HanLP confirms …).
 *
 * @param category the category it would be reported as
 * @param kind     the detector's kind of match, which rules may target ({@code PHONE_NUMBER:landline}); never null
 * @param start    start offset in {@link Site#text()}
 * @param end      end offset (exclusive)
 * @param base     the score before any rule, in [0, 1]
 * @param parts    ranges of the site text that are the candidate itself (several for a group of dictionary hits);
 *                 window scopes leave them out, so a rule never fires on the candidate's own words
 */
public record Candidate(Category category, String kind, int start, int end, double base, List<int[]> parts) {
    public Candidate {
        Objects.requireNonNull(category, "category");
        kind = kind == null ? "" : kind;
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
        }
        parts = parts == null || parts.isEmpty() ? List.of(new int[] {start, end})
                : parts.stream().sorted(java.util.Comparator.comparingInt((int[] p) -> p[0])).toList();
    }

    public Candidate(Category category, String kind, int start, int end, double base) {
        this(category, kind, start, end, base, null);
    }
}
