package org.gongkai.personal;

import java.util.List;
import org.gongkai.rules.Cue;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.NormalizedText;

/**
 * The normalised text with some line breaks removed — those a PDF line end put inside something a detector
 * reads as one piece (an address, a label word, a name) — and the map back to normalised offsets. Only breaks
 * inside one block are ever removed: a break between blocks (table cells, paragraphs) always stays.
 */
final class JoinedLines {
    /** Decides whether the line break at {@code i} of the normalised text {@code t} is to be removed. */
    interface Joint {
        boolean join(String t, int i);
    }

    final String text;
    private final int[] toNormalised;

    private JoinedLines(String text, int[] toNormalised) {
        this.text = text;
        this.toNormalised = toNormalised;
    }

    static JoinedLines of(NormalizedText n, Joint joint) {
        String t = n.text();
        StringBuilder sb = null;
        int[] map = null;
        int from = 0;
        for (int i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) {
            if (i == 0 || i + 1 >= t.length() || !joint.join(t, i) || !insideBlock(n, i)) {
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(t.length());
                map = new int[t.length() + 1];
            }
            for (int k = from; k < i; k++) {
                map[sb.length()] = k;
                sb.append(t.charAt(k));
            }
            from = i + 1;
        }
        if (sb == null) {
            return new JoinedLines(t, null);
        }
        for (int k = from; k < t.length(); k++) {
            map[sb.length()] = k;
            sb.append(t.charAt(k));
        }
        map[sb.length()] = t.length();
        return new JoinedLines(sb.toString(), map);
    }

    /** Normalised offset of offset {@code i} of {@link #text} ({@code i == length} maps to the end). */
    int normalised(int i) {
        return toNormalised == null ? i : toNormalised[i];
    }

    /** The normalised end of a range of {@link #text} ending at {@code end} (exclusive). */
    int normalisedEnd(int end) {
        return toNormalised == null ? end : toNormalised[end - 1] + 1;
    }

    /**
     * Up to {@code max} characters before the line break at {@code i}, on its line and — when that line holds one or
     * two characters — upwards over more such lines: a word printed vertically, one character a line ("收\n款\n人").
     */
    static String before(String t, int i, int max) {
        StringBuilder sb = new StringBuilder();
        int end = i;
        while (true) {
            int start = t.lastIndexOf('\n', end - 1) + 1;
            String line = t.substring(start, end);
            sb.insert(0, line.substring(Math.max(0, line.length() - (max - sb.length()))));
            if (sb.length() >= max || line.length() > 2 || start == 0 || start - 1 - (t.lastIndexOf('\n', start - 2) + 1) > 2) {
                return sb.toString();
            }
            end = start - 1;
        }
    }

    /** Up to {@code max} characters after the line break at {@code i}, over following lines of one or two characters. */
    static String after(String t, int i, int max) {
        StringBuilder sb = new StringBuilder();
        int start = i + 1;
        while (sb.length() < max && start <= t.length()) {
            int end = t.indexOf('\n', start);
            end = end < 0 ? t.length() : end;
            sb.append(t, start, Math.min(end, start + max - sb.length()));
            if (end - start > 2) {
                break;
            }
            start = end + 1;
        }
        return sb.toString();
    }

    private static boolean insideBlock(NormalizedText n, int i) {
        DocumentText d = n.original();
        int o = n.originalStart(i);
        return o + 1 < d.text().length() && d.blockIndexAt(o) == d.blockIndexAt(o + 1);
    }

    /**
     * The text names are matched in: the normalised text with a line break removed where a PDF line end cuts a
     * label ("委托代理\n人邵建平") or a name right after its label ("委托代理人邵\n建平"). Breaks between blocks stay, so
     * a table's header cell never reads as a label of the next cell.
     */
    static JoinedLines acrossLabels(NormalizedText n, List<Cue> labels) {
        return of(n, (t, i) -> Character.isIdeographic(t.charAt(i - 1)) && Character.isIdeographic(t.charAt(i + 1)) && labelAcross(t, i, labels));
    }

    /** Whether a label runs across the line break at {@code i} (also one printed a character a line), or ends just before it on a long line. */
    private static boolean labelAcross(String t, int i, List<Cue> labels) {
        int lineStart = t.lastIndexOf('\n', i - 1) + 1;
        String left = before(t, i, 8);
        String joined = left + after(t, i, 8);
        int split = left.length();
        for (Cue c : labels) {
            for (int[] h = c.next(joined, 0); h != null; h = c.next(joined, h[0] + 1)) {
                if (h[0] < split && h[1] > split
                        || h[1] <= split && i - lineStart >= 10 && joined.substring(h[1], split).matches("[:：]?\\p{IsHan}{1,2}")) {
                    return true;
                }
            }
        }
        return false;
    }
}
