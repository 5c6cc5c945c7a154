package org.gongkai.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.gongkai.spi.Likelihood;

/**
 * What the rules made of a candidate.
 *
 * @param candidate  the candidate
 * @param score      the final score in [0, 1]
 * @param threshold  the category's threshold
 * @param excludedBy the exclusion rule that dropped it, or null
 * @param fired      every rule that fired, in file order, with the text that made it fire
 */
public record Verdict(Candidate candidate, double score, double threshold, Fired excludedBy, List<Fired> fired) {

    /** A rule that fired and the text (a word, a regex match) that made its first positive condition hold. */
    public record Fired(Rule rule, String word) {
        /** The rule's plain-Chinese phrase, or null. */
        public String phrase() {
            return rule.phrase(word);
        }
    }

    /** True when the candidate is to be reported: not excluded and at or above the threshold. */
    public boolean reported() {
        return excludedBy == null && score >= threshold;
    }

    public Likelihood likelihood() {
        return Likelihood.of(score);
    }

    /** The rules that fired, as findings list them ("personal.rules:41 name.label"). */
    public List<String> ruleRefs() {
        return fired.stream().map(f -> f.rule().ref()).toList();
    }

    /** Plain-Chinese phrases of the rules that fired (no duplicates, in file order), for a finding's explanation. */
    public List<String> phrases() {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (Fired f : fired) {
            String p = f.phrase();
            if (p != null && !p.isBlank()) {
                out.add(p);
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * The technical account for the reviewer's "why" view: the detector's base score, each rule's effect and
     * the word it matched, the final score and the threshold.
     */
    public String detail(String base) {
        StringBuilder sb = new StringBuilder(base == null ? "" : base);
        sb.append(sb.length() == 0 ? "" : "；").append(String.format(Locale.ROOT, "基础得分 %.2f", candidate.base()));
        for (Fired f : fired) {
            Rule r = f.rule();
            sb.append("；规则 ").append(r.ref()).append(' ').append(r.effect().name().toLowerCase(Locale.ROOT));
            if (r.effect() != Rule.Effect.EXCLUDE) {
                sb.append(String.format(Locale.ROOT, " %.2f", r.value()));
            }
            if (f.word() != null && !f.word().isEmpty()) {
                sb.append("（“").append(f.word()).append("”）");
            }
        }
        sb.append(String.format(Locale.ROOT, "；得分 %.2f（阈值 %.2f，%s）", score, threshold, likelihood().chinese()));
        return sb.toString();
    }
}
