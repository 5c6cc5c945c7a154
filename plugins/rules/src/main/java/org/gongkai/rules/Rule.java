package org.gongkai.rules;

import java.util.List;
import org.gongkai.spi.Category;

/**
 * One context rule: when all its conditions hold for a candidate of one of its targets, its effect applies.
 *
 * @param id      stable name, unique in its file ({@code name.label}); findings list it among the rules that fired
 * @param targets the categories (optionally {@code CATEGORY:kind}) it applies to
 * @param effect  what it does to the candidate
 * @param value   the effect's amount ({@code set 0.9}, {@code raise 0.2}, {@code lower 0.3}, {@code times 0.6})
 * @param when    its conditions, all of which must hold (none: always)
 * @param says    the plain-Chinese phrase a finding's explanation uses when the rule fired ({@code {word}} is
 *                replaced by the text that matched), or null
 * @param file    the rules file it came from
 * @param line    its line in that file
 */
public record Rule(String id, List<Target> targets, Effect effect, double value, List<Condition> when, String says, String file, int line) {

    /** What a rule does when it fires. */
    public enum Effect {
        /** Drop the candidate (an official in role, an organisation, a masked form …). */
        EXCLUDE,
        /** Replace the detector's score (the highest {@code set} of the rules that fired wins). */
        SET,
        /** Add to the score. */
        RAISE,
        /** Subtract from the score. */
        LOWER,
        /** Multiply the score. */
        TIMES
    }

    /**
     * A category a rule applies to ({@code null}: every category of the detector, written {@code *}), optionally
     * narrowed to one kind of the detector's matches.
     */
    public record Target(Category category, String kind) {
        boolean matches(Candidate c) {
            return (category == null || c.category() == category) && (kind == null || kind.equals(c.kind()));
        }

        @Override
        public String toString() {
            String cat = category == null ? "*" : category.name();
            return kind == null ? cat : cat + ":" + kind;
        }
    }

    boolean appliesTo(Candidate c) {
        for (Target t : targets) {
            if (t.matches(c)) {
                return true;
            }
        }
        return false;
    }

    /** "personal.rules:41 name.label", as findings list it. */
    public String ref() {
        return file + ":" + line + " " + id;
    }

    /** The explanation phrase with the matched word filled in, or null when the rule says nothing. */
    String phrase(String word) {
        return says == null ? null : says.replace("{word}", word == null ? "" : word);
    }
}
