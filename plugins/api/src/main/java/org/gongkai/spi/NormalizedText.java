package org.gongkai.spi;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * The matching view of a {@link DocumentText}: what detectors search, with a map back to original offsets.
 *
 * <ul>
 *   <li>Compatibility characters are folded with NFKC: full-width digits and letters ({@code "１１０"} →
 *       {@code "110"}), ideographic and no-break spaces. Full-width Chinese punctuation ({@code （）：，。}) and
 *       CJK ideographs are kept as they are, so patterns read as Chinese text is written.</li>
 *   <li>White space between two CJK characters, or between a CJK character and a digit, is removed
 *       ({@code "期 内 向"} → {@code "期内向"}); in a letter-spaced line (PDF text of justified lines, where
 *       most characters are followed by one space) every single space is removed.</li>
 *   <li>A digit run wrapped over a line break inside one block is joined ({@code "15\n923087766"},
 *       {@code "50010519\n58031244\n28"}), unless the part before the break is already a complete mobile
 *       number or the joined run would be longer than 19 digits. Breaks between blocks are never joined.</li>
 * </ul>
 * Block separators stay {@code '\n'}, so the block structure is visible to patterns.
 *
 * @since 0.1
 */
public final class NormalizedText {
    private static final int MAX_JOINED_DIGITS = 19;

    private final DocumentText original;
    private final String text;
    private final int[] from;
    private final int[] to;

    private NormalizedText(DocumentText original, String text, int[] from, int[] to) {
        this.original = original;
        this.text = text;
        this.from = from;
        this.to = to;
    }

    /** Builds the normalised view of a document's text. */
    public static NormalizedText of(DocumentText doc) {
        Builder b = new Builder(doc.text().length());
        for (int i = 0; i < doc.blocks().size(); i++) {
            if (i > 0) {
                b.append('\n', doc.blockStart(i) - 1, doc.blockStart(i));
            }
            normaliseBlock(doc.blocks().get(i).text(), doc.blockStart(i), b);
        }
        return b.build(doc);
    }

    /** A normalised view of a plain string (one BODY block); convenient for tests and dictionaries. */
    public static NormalizedText of(String text) {
        return of(DocumentText.of(java.util.List.of(Block.body(text))));
    }

    public DocumentText original() {
        return original;
    }

    /** The normalised text that detectors match against. */
    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    /** Original offset of the character at normalised index {@code i} ({@code i == length()} maps to the end). */
    public int originalStart(int i) {
        return i >= from.length ? original.text().length() : from[i];
    }

    /** Maps a normalised range to the original range it came from. */
    public Span toOriginal(int start, int end) {
        if (start < 0 || end < start || end > text.length()) {
            throw new IndexOutOfBoundsException("[" + start + ", " + end + ") of " + text.length());
        }
        if (start == end) {
            int o = originalStart(start);
            return new Span(o, o);
        }
        return new Span(from[start], to[end - 1]);
    }

    /** The original text behind a normalised range, exactly as it stands in the document. */
    public String originalText(int start, int end) {
        Span s = toOriginal(start, end);
        return original.text().substring(s.start(), s.end());
    }

    /** The block holding normalised index {@code i}. */
    public Block blockAt(int i) {
        return original.blockAt(originalStart(Math.min(i, Math.max(0, text.length() - 1))));
    }

    /** True for CJK ideographs and CJK/full-width punctuation. */
    public static boolean isCjk(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x3000 && c <= 0x303F && c != 0x3000)
                || (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40)
                || (c >= 0xFF5B && c <= 0xFF65) || (c >= 0xF900 && c <= 0xFAFF) || c == 0x2014 || c == 0x2026
                || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0x2605 || c == 0x2606 || c == 0x00B7;
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == 0x3000 || c == 0x00A0 || c == 0x2002 || c == 0x2003 || c == 0x2009
                || c == 0x200B || c == 0x202F || c == '\r' || c == 0x000B || c == 0x000C;
    }

    private static boolean isDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
    }

    /** Folds one code point; returns null when it is kept unchanged. */
    private static String fold(int c) {
        if (c < 0x80 || (c >= 0x4E00 && c <= 0x9FFF)) {
            return null;
        }
        if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A)) {
            return String.valueOf((char) (c - 0xFEE0));
        }
        if (isSpace(c)) {
            return " ";
        }
        if (isCjk(c) || (c >= 0x2460 && c <= 0x24FF) || (c >= 0x3200 && c <= 0x33FF)) {
            return null;
        }
        String s = new String(Character.toChars(c));
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        return n.equals(s) ? null : n;
    }

    private static void normaliseBlock(String block, int base, Builder out) {
        int lineStart = 0;
        while (lineStart <= block.length()) {
            int nl = block.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? block.length() : nl;
            normaliseLine(block, lineStart, lineEnd, base, out);
            if (nl < 0) {
                break;
            }
            int next = nl + 1;
            if (!joinDigitsAcrossBreak(block, nl, out)) {
                out.append('\n', base + nl, base + nl + 1);
            }
            lineStart = next;
        }
    }

    /** Whether the digit run at the end of the output continues on the next line of the same block. */
    private static boolean joinDigitsAcrossBreak(String block, int nl, Builder out) {
        int left = out.trailingDigits();
        if (left == 0 || left >= MAX_JOINED_DIGITS) {
            return false;
        }
        if (left == 11 && out.charFromEnd(left) == '1') {
            return false; // a complete mobile number ends the line
        }
        if (left == 18 && completeIdNumber(out.tail(18))) {
            return false; // a complete ID number ends the line
        }
        int j = nl + 1;
        while (j < block.length() && isSpace(block.charAt(j))) {
            j++;
        }
        int right = 0;
        while (j + right < block.length() && isDigit(block.charAt(j + right))) {
            right++;
        }
        // A wrapped continuation runs on into the text ("923087766，") or fills its line ("58031244", also with the
        // trailing spaces an OFD text object or a padded cell line carries); digits followed by a space and more text
        // on their line are a token of their own, such as the next table row's number ("2 冉小雪").
        int after = j + right;
        int k = after;
        while (k < block.length() && block.charAt(k) != '\n' && isSpace(block.charAt(k))) {
            k++;
        }
        boolean ownToken = k > after && k < block.length() && block.charAt(k) != '\n';
        return right > 0 && !ownToken && left + right <= MAX_JOINED_DIGITS;
    }

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    /** Whether 18 digits carry a valid GB 11643 check character (a complete ID number). */
    private static boolean completeIdNumber(String digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (digits.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        char check = "10X98765432".charAt(sum % 11);
        return digits.charAt(17) == check;
    }

    private static boolean letterSpaced(String s, int from, int to) {
        int nonSpace = 0;
        int spacedSingles = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!isSpace(c)) {
                nonSpace++;
                if (i + 2 < to && isSpace(s.charAt(i + 1)) && !isSpace(s.charAt(i + 2))) {
                    spacedSingles++;
                }
            }
        }
        return nonSpace >= 4 && spacedSingles * 10 >= (nonSpace - 1) * 7;
    }

    private static void normaliseLine(String s, int from, int to, int base, Builder out) {
        // leading and trailing spaces of a line are dropped, so wrapped digits join across indentation
        boolean spaced = letterSpaced(s, from, to);
        int i = from;
        while (i < to) {
            int c = s.codePointAt(i);
            int n = Character.charCount(c);
            if (isSpace(c)) {
                int j = i;
                while (j < to && isSpace(s.charAt(j))) {
                    j++;
                }
                int prev = out.lastChar();
                int next = j < to ? s.codePointAt(j) : -1;
                boolean single = j - i == 1;
                boolean drop = i == from || next < 0 || prev < 0
                        || (spaced && single)
                        || (cjkOrDigit(prev) && cjkOrDigit(next) && (isCjk(prev) || isCjk(next)));
                if (!drop) {
                    out.append(' ', base + i, base + j);
                }
                i = j;
                continue;
            }
            String f = fold(c);
            if (f == null) {
                out.append(s, i, i + n, base);
            } else {
                for (int k = 0; k < f.length(); k++) {
                    out.append(f.charAt(k), base + i, base + i + n);
                }
            }
            i += n;
        }
    }

    private static boolean cjkOrDigit(int c) {
        return c >= 0 && (isCjk(c) || isDigit(c));
    }

    private static final class Builder {
        private final StringBuilder sb;
        private int[] from;
        private int[] to;
        private int digitsJoin;

        Builder(int capacity) {
            sb = new StringBuilder(capacity);
            from = new int[Math.max(16, capacity)];
            to = new int[Math.max(16, capacity)];
        }

        void append(char c, int origStart, int origEnd) {
            ensure(sb.length() + 1);
            from[sb.length()] = origStart;
            to[sb.length()] = origEnd;
            sb.append(c);
        }

        void append(String s, int start, int end, int base) {
            ensure(sb.length() + end - start);
            for (int k = start; k < end; k++) {
                from[sb.length()] = base + k;
                to[sb.length()] = base + k + 1;
                sb.append(s.charAt(k));
            }
        }

        int lastChar() {
            return sb.length() == 0 ? -1 : sb.charAt(sb.length() - 1);
        }

        int trailingDigits() {
            int n = 0;
            for (int k = sb.length() - 1; k >= 0 && sb.charAt(k) >= '0' && sb.charAt(k) <= '9'; k--) {
                n++;
            }
            return n;
        }

        String tail(int k) {
            return sb.substring(sb.length() - k);
        }

        char charFromEnd(int k) {
            return sb.charAt(sb.length() - k);
        }

        private void ensure(int n) {
            if (n > from.length) {
                int cap = Math.max(n, from.length * 2);
                from = Arrays.copyOf(from, cap);
                to = Arrays.copyOf(to, cap);
            }
        }

        NormalizedText build(DocumentText doc) {
            return new NormalizedText(doc, sb.toString(), Arrays.copyOf(from, sb.length()), Arrays.copyOf(to, sb.length()));
        }
    }
}
