package org.gongkai.gongwen;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.spi.Block;
import org.gongkai.spi.DocumentText;

/**
 * One line of the visible text with its offset in {@link DocumentText#text()}; {@code compact} is the line
 * with all white space removed (PDF text often spaces every character).
 */
record Line(String raw, String compact, int start, int index) {

    int end() {
        return start + raw.length();
    }

    boolean blank() {
        return compact.isEmpty();
    }

    /** The non-blank lines of the visible parts (body, tables, headers, footers), in order. */
    static List<Line> of(DocumentText text) {
        List<Line> out = new ArrayList<>();
        for (int b = 0; b < text.blocks().size(); b++) {
            Block block = text.blocks().get(b);
            if (!block.part().visible() || block.part() == org.gongkai.spi.Part.ATTACHMENT) {
                continue;
            }
            int base = text.blockStart(b);
            String t = block.text();
            int from = 0;
            while (from <= t.length()) {
                int nl = t.indexOf('\n', from);
                int to = nl < 0 ? t.length() : nl;
                String raw = t.substring(from, to);
                String compact = compact(raw);
                if (!compact.isEmpty()) {
                    out.add(new Line(raw, compact, base + from, out.size()));
                }
                if (nl < 0) {
                    break;
                }
                from = nl + 1;
            }
        }
        return out;
    }

    static String compact(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u3000' && c != '\u00a0') {
                sb.append(c >= '０' && c <= '９' ? (char) (c - '０' + '0') : c);
            }
        }
        return sb.toString();
    }
}
