package org.gongkai.server.document.pages;

import java.text.Normalizer;

/**
 * The form in which a finding's text and a page's glyphs are compared: NFKC code point by code point (full-width
 * digits and letters become ASCII, as the detectors saw them) with all white space dropped (a letter-spaced line
 * and a line break inside a number are then the same as the text without them). Folding code point by code point
 * keeps both sides consistent, since the stored text was written from the same glyphs.
 */
final class Fold {
    private Fold() {
    }

    static String of(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> append(b, cp));
        return b.toString();
    }

    private static void append(StringBuilder b, int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return;
        }
        if (cp < 0x80) {
            b.append((char) cp);
            return;
        }
        String n = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
        n.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).forEach(b::appendCodePoint);
    }
}
