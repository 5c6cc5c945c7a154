package org.gongkai.personal;

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

    private static boolean insideBlock(NormalizedText n, int i) {
        DocumentText d = n.original();
        int o = n.originalStart(i);
        return o + 1 < d.text().length() && d.blockIndexAt(o) == d.blockIndexAt(o + 1);
    }
}
