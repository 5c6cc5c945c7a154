package org.gongkai.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a condition looks for in its scope: a list of words ({@code @PARTY}, {@code 先生|女士}) or a regular
 * expression ({@code /\d{4}年/}). Each way of looking answers with the text it matched, or {@code null}.
 */
public sealed interface Cue permits Cue.Words, Cue.Regex {

    /** The first match anywhere in {@code s}, or null. */
    String find(String s);

    /** A match that ends where {@code s} ends (the longest), or null. */
    String suffixOf(String s);

    /** A match that starts where {@code s} starts (the longest), or null. */
    String prefixOf(String s);

    /** {@code s} itself when it matches as a whole, or null. */
    String whole(String s);

    /** Number of non-overlapping matches in {@code s}, counting at most to {@code max}. */
    int count(String s, int max);

    /** How the cue is written in the rules file, for messages. */
    String source();

    /** The first match at or after {@code from}: its start and end, or null. */
    int[] next(String s, int from);

    /** Words, looked up by their first character so a long list costs one map look-up per character. */
    record Words(String source, List<String> words, Map<Character, String[]> byFirst) implements Cue {

        public static Words of(String source, List<String> words) {
            Map<Character, List<String>> lists = new HashMap<>();
            for (String w : words) {
                lists.computeIfAbsent(w.charAt(0), k -> new ArrayList<>()).add(w);
            }
            Map<Character, String[]> out = new HashMap<>();
            lists.forEach((c, ws) -> out.put(c, ws.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed()).toArray(String[]::new)));
            return new Words(source, List.copyOf(words), Map.copyOf(out));
        }

        private String at(String s, int i) {
            String[] ws = byFirst.get(s.charAt(i));
            if (ws != null) {
                for (String w : ws) {
                    if (s.startsWith(w, i)) {
                        return w;
                    }
                }
            }
            return null;
        }

        @Override
        public String find(String s) {
            int[] h = next(s, 0);
            return h == null ? null : s.substring(h[0], h[1]);
        }

        @Override
        public int[] next(String s, int from) {
            for (int i = Math.max(0, from); i < s.length(); i++) {
                String w = at(s, i);
                if (w != null) {
                    return new int[] {i, i + w.length()};
                }
            }
            return null;
        }

        @Override
        public String suffixOf(String s) {
            for (int i = 0; i < s.length(); i++) {
                String[] ws = byFirst.get(s.charAt(i));
                if (ws != null) {
                    for (String w : ws) {
                        if (w.length() == s.length() - i && s.startsWith(w, i)) {
                            return w;
                        }
                    }
                }
            }
            return null;
        }

        @Override
        public String prefixOf(String s) {
            return s.isEmpty() ? null : at(s, 0);
        }

        @Override
        public String whole(String s) {
            return words.contains(s) ? s : null;
        }

        @Override
        public int count(String s, int max) {
            int n = 0;
            for (int i = 0; i < s.length() && n < max; i++) {
                String w = at(s, i);
                if (w != null) {
                    n++;
                    i += w.length() - 1;
                }
            }
            return n;
        }
    }

    /** A regular expression; {@code suffixOf} uses a copy anchored at the end. */
    record Regex(String source, Pattern pattern, Pattern atEnd) implements Cue {

        public static Regex of(String source, String regex) {
            return new Regex(source, Pattern.compile(regex), Pattern.compile("(?:" + regex + ")$"));
        }

        @Override
        public String find(String s) {
            Matcher m = pattern.matcher(s);
            return m.find() ? m.group() : null;
        }

        @Override
        public int[] next(String s, int from) {
            Matcher m = pattern.matcher(s);
            return from <= s.length() && m.find(Math.max(0, from)) ? new int[] {m.start(), m.end()} : null;
        }

        @Override
        public String suffixOf(String s) {
            Matcher m = atEnd.matcher(s);
            return m.find() ? m.group() : null;
        }

        @Override
        public String prefixOf(String s) {
            Matcher m = pattern.matcher(s);
            return m.lookingAt() ? m.group() : null;
        }

        @Override
        public String whole(String s) {
            return pattern.matcher(s).matches() ? s : null;
        }

        @Override
        public int count(String s, int max) {
            Matcher m = pattern.matcher(s);
            int n = 0;
            while (n < max && m.find()) {
                n++;
                if (m.end() == m.start() && m.end() < s.length()) {
                    m.region(m.end() + 1, s.length());
                }
            }
            return n;
        }
    }
}
