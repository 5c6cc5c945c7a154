package org.gongkai.server.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongkai.spi.Block;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.Finding;
import org.gongkai.spi.Part;

/**
 * Merges what several detectors found: overlapping findings of one category become one (the most severe,
 * with the explanations joined), and a finding inside a tracked-insertion block that repeats one in the
 * visible text is dropped (extractors report each insertion both inline and as its own block). The same value
 * found again elsewhere in the document (a phone in a table and in the text, an invoice's fields on the page and
 * in its embedded data) is one finding with several places: the reviewer decides once, and a redaction removes
 * every repeat anyway ({@code RedactionService}).
 */
final class FindingMerger {

    private FindingMerger() {
    }

    static List<Finding> merge(List<Finding> in, DocumentText text) {
        List<Finding> sorted = new ArrayList<>(in);
        sorted.sort(Comparator.comparing(Finding::category).thenComparingInt(f -> f.span().start()).thenComparingInt(f -> -f.span().end()));
        List<Finding> out = new ArrayList<>();
        for (Finding f : sorted) {
            Finding last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.category() == f.category() && overlapsOrSame(last, f)) {
                out.set(out.size() - 1, combine(last, f, text));
            } else {
                out.add(f);
            }
        }
        Set<String> visible = out.stream().filter(f -> partOf(f, text).visible())
                .map(f -> f.category() + "|" + squash(f.text())).collect(Collectors.toSet());
        out.removeIf(f -> partOf(f, text) == Part.TRACKED_INSERTION && !f.category().name().equals("HIDDEN_CONTENT")
                && visible.contains(f.category() + "|" + squash(f.text())));
        out = Repeats.fold(out, text);
        out.sort(Comparator.comparingInt((Finding f) -> f.span().start()).thenComparing(Finding::severity));
        return out;
    }

    private static boolean overlapsOrSame(Finding a, Finding b) {
        if (a.span().length() == 0 || b.span().length() == 0) {
            return a.span().length() == 0 && b.span().length() == 0 && a.explanation().equals(b.explanation());
        }
        return a.span().overlaps(b.span());
    }

    private static Finding combine(Finding a, Finding b, DocumentText text) {
        Finding main = a.severity().compareTo(b.severity()) < 0 || (a.severity() == b.severity() && a.score() >= b.score()) ? a : b;
        Finding other = main == a ? b : a;
        int start = Math.min(a.span().start(), b.span().start());
        int end = Math.max(a.span().end(), b.span().end());
        String explanation = main.explanation().equals(other.explanation()) ? main.explanation()
                : main.explanation() + "；另：" + other.explanation();
        String detector = main.detector().equals(other.detector()) ? main.detector() : main.detector() + "," + other.detector();
        double score = Math.max(a.score(), b.score());
        java.util.List<String> rules = new ArrayList<>(main.rules());
        other.rules().stream().filter(r -> !rules.contains(r)).forEach(rules::add);
        String detail = other.detail() == null ? main.detail() : main.detail() == null ? other.detail() : main.detail() + "；另：" + other.detail();
        return new Finding(main.category(), main.severity(), new org.gongkai.spi.Span(start, end), text.text().substring(start, end),
                score, main.basis(), explanation, detector, main.version(), null, rules, detail, start == main.span().start()
                && end == main.span().end() ? main.masked() : null);
    }

    static Part partOf(Finding f, DocumentText text) {
        if (f.span().length() == 0) {
            return Part.BODY;
        }
        Block b = text.blockAt(f.span().start());
        return b == null ? Part.BODY : b.part();
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }
}
