package org.gongkai.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a rules file as directives: comments removed ({@code #} at the start of a line or after white
 * space, never inside a {@code /regex/} or a {@code "quoted phrase"}), a line that starts with white space joined
 * to the one before it, and each directive split into tokens.
 */
final class RuleLines {
    private RuleLines() {
    }

    /** A logical line: a directive with its continuation lines joined, and the line number it starts on. */
    record Logical(int line, String text, List<String> tokens) {
    }

    static List<Logical> logical(String file, String content, List<String> problems) {
        List<Logical> out = new ArrayList<>();
        String[] lines = content.split("\r?\n", -1);
        StringBuilder current = null;
        int startLine = 0;
        for (int i = 0; i <= lines.length; i++) {
            String raw = i < lines.length ? lines[i] : "";
            boolean continuation = i < lines.length && !raw.isEmpty() && Character.isWhitespace(raw.charAt(0));
            String text = stripComment(raw).strip();
            if (continuation && current != null) {
                if (!text.isEmpty()) {
                    current.append(' ').append(text);
                }
                continue;
            }
            if (current != null) {
                String joined = current.toString();
                try {
                    out.add(new Logical(startLine, joined, tokens(joined)));
                } catch (IllegalArgumentException e) {
                    problems.add(file + ":" + startLine + ": " + e.getMessage() + " — \"" + joined + "\"");
                }
                current = null;
            }
            if (i < lines.length && !text.isEmpty()) {
                if (continuation) {
                    problems.add(file + ":" + (i + 1) + ": 续行前没有指令 / a continuation line with nothing to continue — \"" + text + "\"");
                    continue;
                }
                current = new StringBuilder(text);
                startLine = i + 1;
            }
        }
        return out;
    }

    /** The line without its comment: {@code #} at the start or after white space, outside /regex/ and "quotes". */
    static String stripComment(String line) {
        boolean regex = false;
        boolean quote = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean tokenStart = i == 0 || Character.isWhitespace(line.charAt(i - 1));
            if (quote) {
                quote = c != '"';
            } else if (regex) {
                if (c == '\\') {
                    i++;
                } else if (c == '/' && (i + 1 == line.length() || Character.isWhitespace(line.charAt(i + 1)))) {
                    regex = false;
                }
            } else if (c == '"') {
                quote = true;
            } else if (c == '/' && tokenStart) {
                regex = true;
            } else if (c == '#' && tokenStart) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** Splits a directive into tokens: white space separates, except inside /regex/ and "quotes". */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= s.length()) {
                break;
            }
            int start = i;
            char c = s.charAt(i);
            if (c == '"') {
                int end = s.indexOf('"', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("引号未闭合 / unclosed quote");
                }
                i = end + 1;
            } else if (c == '/') {
                i++;
                while (i < s.length() && !(s.charAt(i) == '/' && (i + 1 == s.length() || Character.isWhitespace(s.charAt(i + 1))))) {
                    i += s.charAt(i) == '\\' ? 2 : 1;
                }
                if (i >= s.length()) {
                    throw new IllegalArgumentException("正则表达式未闭合 / unclosed /regex/");
                }
                i++;
            } else {
                while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
            }
            out.add(s.substring(start, Math.min(i, s.length())));
        }
        return out;
    }
}
