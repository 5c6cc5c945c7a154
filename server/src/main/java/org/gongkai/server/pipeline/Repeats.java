package org.gongkai.server.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.Finding;
import org.gongkai.spi.NormalizedText;

/**
 * Repeats of one value: a finding whose category and value (white space and full-width forms aside) are those of
 * an earlier finding is folded into it. The finding kept stands at the first place in the visible text (else the
 * first place at all), takes the highest severity and score, and names the other places in its explanation and
 * detail. A value held in a longer one of its category counts as the same only from six characters on, so that
 * 王明 and 王明华 stay two names.
 */
final class Repeats {
    private static final int CONTAINED_FROM = 6;

    private Repeats() {
    }

    static List<Finding> fold(List<Finding> in, DocumentText text) {
        List<Finding> sorted = new ArrayList<>(in);
        sorted.sort(Comparator.comparing((Finding f) -> !FindingMerger.partOf(f, text).visible()).thenComparingInt(f -> f.span().start()));
        List<Finding> kept = new ArrayList<>();
        List<List<Finding>> repeats = new ArrayList<>();
        for (Finding f : sorted) {
            int same = f.span().length() == 0 ? -1 : indexOfSame(kept, f);
            if (same < 0) {
                kept.add(f);
                repeats.add(new ArrayList<>());
            } else {
                repeats.get(same).add(f);
            }
        }
        List<Finding> out = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            out.add(repeats.get(i).isEmpty() ? kept.get(i) : folded(kept.get(i), repeats.get(i), text));
        }
        return out;
    }

    private static int indexOfSame(List<Finding> kept, Finding f) {
        String v = key(f.text());
        for (int i = 0; i < kept.size(); i++) {
            Finding k = kept.get(i);
            if (k.category() != f.category() || k.span().length() == 0) {
                continue;
            }
            String w = key(k.text());
            if (v.equals(w) || Math.min(v.length(), w.length()) >= CONTAINED_FROM && (v.contains(w) || w.contains(v))) {
                return i;
            }
        }
        return -1;
    }

    private static Finding folded(Finding main, List<Finding> others, DocumentText text) {
        Finding worst = main;
        double score = main.score();
        List<String> rules = new ArrayList<>(main.rules());
        List<String> places = new ArrayList<>();
        for (Finding o : others) {
            if (o.severity().compareTo(worst.severity()) < 0) {
                worst = o;
            }
            score = Math.max(score, o.score());
            o.rules().stream().filter(r -> !rules.contains(r)).forEach(rules::add);
            places.add(place(o, text));
        }
        int n = others.size() + 1;
        String explanation = main.explanation() + "同一内容在文件中共出现" + n + "处，公开前均须处理。";
        String detail = (main.detail() == null ? "" : main.detail() + "；") + "另见 " + String.join("、", places);
        return new Finding(main.category(), worst.severity(), main.span(), main.text(), score, main.basis(), explanation, main.detector(),
                main.version(), null, rules, detail, main.masked());
    }

    /** Where a repeat stands, for the reviewer: its part, page and locator. */
    private static String place(Finding f, DocumentText text) {
        var b = text.blockAt(f.span().start());
        String part = FindingMerger.partOf(f, text).name().toLowerCase(Locale.ROOT);
        String page = b == null || b.page() == null ? "" : " 第" + b.page() + "页";
        String source = b == null || b.source().isEmpty() ? "" : " " + b.source();
        return part + page + source + " @" + f.span().start();
    }

    private static String key(String s) {
        return NormalizedText.of(s).text().replaceAll("\\s+", "");
    }
}
