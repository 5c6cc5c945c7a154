package org.gongkai.rules;

/**
 * One condition of a rule: {@code [not] <scope> [N] [line|sentence] [since <cue>] [until <cue>] [count K] <cue>}.
 *
 * @param negated true for {@code not …}: holds when the cue is absent
 * @param scope   where to look
 * @param size    characters ({@code before}, {@code after}, {@code around}), lines ({@code lines}) or a per cent
 *                ({@code visible N}); 0 otherwise
 * @param clip    for windows: cut at the line ({@code line}) or sentence ({@code sentence}) boundary, or none
 * @param since   for windows before the candidate: start after the last match of this cue, or null
 * @param until   for windows after the candidate: end before the first match of this cue, or null
 * @param count   the cue must match at least this many times (1 by default)
 * @param cue     what to look for; null only for {@link Scope#VISIBLE}
 */
public record Condition(boolean negated, Scope scope, int size, Clip clip, Cue since, Cue until, int count, Cue cue) {

    /** Where a window stops. */
    public enum Clip { NONE, LINE, SENTENCE }

    private static final char OWN = '\uFFFC';
    /** What may stand between a label and its value: separators, and a bracketed qualifier ("申请人（户主）："). */
    private static final java.util.regex.Pattern QUALIFIED_END = java.util.regex.Pattern.compile(
            "(?:[\\s:：]*[（(][^（()）\\n]{1,8}[）)])?[\\s:：（(]*$");

    /**
     * Whether the condition holds for the candidate; the text that made it hold (a matched word, or "" for a
     * negated or cue-less condition), or null when it does not hold.
     */
    String test(Candidate c, String value, Site s) {
        String hit = positive(c, value, s);
        if (negated) {
            return hit == null ? "" : null;
        }
        return hit;
    }

    private String positive(Candidate c, String value, Site s) {
        String t = s.text();
        return switch (scope) {
            case LABEL -> {
                String before = label(c, s);
                yield before.isEmpty() ? null : cue.suffixOf(before);
            }
            case FOLLOWS -> cue.prefixOf(t.substring(c.end(), Math.min(t.length(), c.end() + 40)).stripLeading());
            case BEFORE -> counted(window(c, s, clipStart(s, c.start(), c.start() - size), c.start()));
            case AFTER -> counted(window(c, s, c.end(), clipEnd(s, c.end(), c.end() + size)));
            case AROUND -> counted(window(c, s, clipStart(s, c.start(), c.start() - size), clipEnd(s, c.end(), c.end() + size)));
            case LINE -> counted(window(c, s, s.lineStart(c.start()), s.lineEnd(c.end())));
            case LINES -> {
                int a = s.lineStart(c.start());
                for (int k = 0; k < size && a > 0; k++) {
                    a = s.lineStart(a - 1);
                }
                int b = s.lineEnd(c.end());
                for (int k = 0; k < size && b < t.length(); k++) {
                    b = s.lineEnd(b + 1);
                }
                yield counted(window(c, s, a, b));
            }
            case SENTENCE -> counted(window(c, s, s.sentenceStart(c.start()), s.sentenceEnd(c.end())));
            case BLOCK -> counted(s.blockText(c.start()));
            case ROW -> counted(s.row(c.start()));
            case HEADER -> counted(s.header(c.start()));
            case VALUE -> cue.whole(value);
            case TITLE -> s.memo(this, () -> counted(s.title()));
            case DOCTYPE -> s.memo(this, () -> cue.whole(s.docType()));
            case DOCUMENT -> s.memo(this, () -> counted(t));
            case SOURCE -> counted(s.source(c.start()));
            case PART -> cue.whole(s.part(c.start()));
            case VISIBLE -> size == 0 ? (s.visibleElsewhere(value, c.start()) ? "" : null)
                    : s.visibleShare(value) * 100 >= size ? "" : null;
        };
    }

    /**
     * What stands right before the candidate as its label, separators and a bracketed qualifier taken off: the text
     * before it on its line; for a value alone in a table cell, the cell to its left (a form's field label); for a
     * value that starts its line outside a table, the end of the line above when it ends with a colon (a label laid
     * out apart from its value, as PDF and OFD forms print "电子邮箱：" at one line's end and the address on the next).
     */
    private static String label(Candidate c, Site s) {
        String t = s.text();
        int lineStart = s.lineStart(c.start());
        String before = t.substring(Math.max(lineStart, c.start() - 40), c.start());
        if (before.isBlank()) {
            String left = s.leftCell(c.start());
            if (left != null) {
                before = left;
            } else if (lineStart > 0 && !s.inTableCell(c.start())) {
                int above = lineStart - 1;
                before = t.substring(Math.min(above, Math.max(s.lineStart(above), above - 40)), above).stripTrailing();
                before = before.endsWith(":") || before.endsWith("：") ? before : ""; // a field label awaits its value
            } else {
                before = "";
            }
        }
        return QUALIFIED_END.matcher(before).replaceFirst("");
    }

    private String counted(String scopeText) {
        if (scopeText == null || scopeText.isEmpty()) {
            return null;
        }
        if (count > 1) {
            return cue.count(scopeText, count) >= count ? cue.find(scopeText) : null;
        }
        return cue.find(scopeText);
    }

    private int clipStart(Site s, int at, int from) {
        from = Math.max(0, from);
        if (clip == Clip.LINE) {
            from = Math.max(from, s.lineStart(at));
        } else if (clip == Clip.SENTENCE) {
            from = Math.max(from, s.sentenceStart(at));
        }
        if (since != null && from < at) {
            String w = s.text().substring(from, at);
            int last = -1;
            for (int[] h = since.next(w, 0); h != null; h = since.next(w, h[0] + 1)) {
                last = Math.max(last, h[1]);
            }
            if (last >= 0) {
                from += last;
            }
        }
        return from;
    }

    private int clipEnd(Site s, int at, int to) {
        to = Math.min(s.text().length(), to);
        if (clip == Clip.LINE) {
            to = Math.min(to, s.lineEnd(at));
        } else if (clip == Clip.SENTENCE) {
            to = Math.min(to, s.sentenceEnd(at));
        }
        if (until != null) {
            int[] h = until.next(s.text().substring(at, Math.max(at, to)), 0);
            if (h != null) {
                return at + h[0];
            }
        }
        return Math.max(at, to);
    }

    /** The site text of [a, b) with the candidate's own parts replaced by one placeholder character each. */
    private static String window(Candidate c, Site s, int a, int b) {
        String t = s.text();
        if (a >= b) {
            return "";
        }
        StringBuilder sb = new StringBuilder(b - a);
        int i = a;
        for (int[] p : c.parts()) {
            if (p[1] <= i || p[0] >= b) {
                continue;
            }
            sb.append(t, i, Math.max(i, p[0]));
            sb.append(OWN);
            i = Math.max(i, p[1]);
        }
        if (i < b) {
            sb.append(t, i, b);
        }
        return sb.toString();
    }
}
