package org.gongkai.personal;

import org.gongkai.spi.NormalizedText;

/**
 * Names in the original text with spaces between their characters. The normalised text closes every space between
 * two CJK characters, so "徐 跃      岳松涛" (two names in a row, the first letter-spaced) reads "徐跃岳松涛"; the original
 * spacing decides where a name may end. A name is taken as it stands when its characters are written together, evenly
 * letter-spaced (one space each, "王 建 国"), or — two characters only — padded to the width of a three-character name
 * ("李   萌"); it never runs across a gap wider than the ones inside it. Line breaks a PDF line end put inside a name are
 * no gaps.
 */
final class NameSpacing {
    private NameSpacing() {
    }

    /**
     * The name at view offset {@code start} as the original spacing allows it: {@code name} itself, a shorter head of
     * it (at least two characters) that ends at a gap, or null.
     */
    static String asSpaced(NormalizedText n, JoinedLines view, int start, String name) {
        String o = n.original().text();
        String t = view.text;
        int len = name.length();
        int[] at = new int[len + 1];
        for (int k = 0; k <= len && start + k < t.length(); k++) {
            at[k] = n.originalStart(view.normalised(start + k));
        }
        boolean more = start + len < t.length() && Character.isIdeographic(t.charAt(start + len));
        for (int l = len; l >= 2; l--) {
            if (fits(o, at, l, more || l < len)) {
                return l == len ? name : name.substring(0, l);
            }
        }
        return null;
    }

    private static boolean fits(String o, int[] at, int len, boolean nextIsHan) {
        int inner = -1;
        for (int k = 0; k + 1 < len; k++) {
            int g = gap(o, at[k], at[k + 1]);
            if (inner >= 0 && g != inner) {
                return false;
            }
            inner = g;
        }
        if (inner <= 0) {
            return true; // written together: HanLP decided where it ends
        }
        if (inner > 1 && len != 2) {
            return false; // a padded name has two characters
        }
        int after = nextIsHan ? gap(o, at[len - 1], at[len]) : Integer.MAX_VALUE;
        return after >= inner;
    }

    /**
     * How many of the {@code max} view characters from {@code start} stand before the first white space of the original
     * text, when the first gap follows two or more characters written together ("王建国 李秀英" → 3); {@code max}
     * otherwise (no gap, or a letter-spaced "王 建 国").
     */
    static int tokenLength(NormalizedText n, JoinedLines view, int start, int max) {
        for (int k = 2; k < max && start + k < view.text.length(); k++) {
            if (spaceBefore(n, view, start + k)) {
                return spaceBefore(n, view, start + 1) ? max : k;
            }
        }
        return max;
    }

    /** True when the original text has white space (no line break) right before view offset {@code at}. */
    static boolean spaceBefore(NormalizedText n, JoinedLines view, int at) {
        if (at <= 0 || at >= view.text.length()) {
            return false;
        }
        String o = n.original().text();
        return gap(o, n.originalStart(view.normalised(at - 1)), n.originalStart(view.normalised(at))) > 0;
    }

    /** Spaces between two original offsets of neighbouring characters; a line break among them counts as none. */
    private static int gap(String o, int a, int b) {
        int g = 0;
        for (int i = a + 1; i < b && i < o.length(); i++) {
            char c = o.charAt(i);
            if (c == '\n' || c == '\r') {
                return 0;
            }
            g++;
        }
        return g;
    }
}
