package org.gongkai.dictionary;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongkai.spi.Category;

/**
 * An immutable snapshot of the dictionaries folder: one Aho-Corasick automaton over every term, the
 * allow-list automaton, per-file term counts and a version (hash of all contents). The markers of normative
 * prose that lower a term's weight are context rules now ({@code config/dictionary.rules}).
 */
final class DictionarySet {
    /** File name → category; the other recognised file is allow.txt. */
    static final Map<String, Category> FILES = Map.of("secret_content.txt", Category.SECRET_CONTENT, "trade_secret.txt", Category.TRADE_SECRET,
            "stability.txt", Category.STABILITY, "internal_affairs.txt", Category.INTERNAL_AFFAIRS, "process_info.txt", Category.PROCESS_INFO,
            "enforcement_case.txt", Category.ENFORCEMENT_CASE);

    final AhoCorasickDoubleArrayTrie<List<DictionaryTerm>> terms = new AhoCorasickDoubleArrayTrie<>();
    final AhoCorasickDoubleArrayTrie<String> allow = new AhoCorasickDoubleArrayTrie<>();
    /** An automaton that was never built (no entries) cannot be searched: HanLP's throws on it. */
    final boolean hasTerms;
    final boolean hasAllow;
    final String version;
    final Map<String, Integer> counts;
    /** Lines that could not be read, as "file:line — why"; they were skipped, the rest of the file loaded. */
    final List<String> problems;
    final long stamp;

    private DictionarySet(TreeMap<String, List<DictionaryTerm>> t, TreeMap<String, String> a, String version,
                          Map<String, Integer> counts, List<String> problems, long stamp) {
        hasTerms = !t.isEmpty();
        hasAllow = !a.isEmpty();
        if (hasTerms) {
            terms.build(t);
        }
        if (hasAllow) {
            allow.build(a);
        }
        this.version = version;
        this.counts = Map.copyOf(counts);
        this.problems = List.copyOf(problems);
        this.stamp = stamp;
    }

    /**
     * A fingerprint of the folder's files (names, sizes, modification times), to notice edits — including a
     * file replaced by a copy with an older modification time, or an edit that kept the time but not the size.
     */
    static long stamp(Path dir) throws IOException {
        long s = Files.getLastModifiedTime(dir).toMillis();
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                s = 31 * s + p.getFileName().toString().hashCode();
                s = 31 * s + Files.size(p);
                s = 31 * s + Files.getLastModifiedTime(p).toMillis();
            }
        }
        return s;
    }

    /**
     * Loads the folder. A malformed line is skipped and listed in {@link #problems} with its file and line
     * number; it never stops the other entries from loading.
     */
    static DictionarySet load(Path dir) throws IOException {
        long stamp = stamp(dir);
        TreeMap<String, List<DictionaryTerm>> t = new TreeMap<>();
        TreeMap<String, String> allow = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        MessageDigest md = sha256();
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (!known(name)) {
                problems.add("未识别的词典文件，已忽略 / unknown dictionary file ignored: " + name);
                continue;
            }
            byte[] bytes = Files.readAllBytes(f);
            md.update(name.getBytes(StandardCharsets.UTF_8));
            md.update(bytes);
            String content = new String(bytes, StandardCharsets.UTF_8);
            if (content.startsWith("\uFEFF")) {
                content = content.substring(1); // byte-order mark written by Windows editors
            }
            List<String> lines = List.of(content.split("\r?\n"));
            int n = 0;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int hash = line.indexOf('#');
                String l = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (l.isEmpty()) {
                    continue;
                }
                if (name.equals("allow.txt")) {
                    allow.put(l, l);
                } else if (FILES.containsKey(name)) {
                    DictionaryTerm term;
                    try {
                        term = parse(l, FILES.get(name), name, i + 1);
                    } catch (IllegalArgumentException e) {
                        problems.add(e.getMessage());
                        continue;
                    }
                    t.computeIfAbsent(term.text(), k -> new ArrayList<>()).add(term);
                }
                n++;
            }
            counts.put(name, n);
        }
        return new DictionarySet(t, allow, HexFormat.of().formatHex(md.digest()).substring(0, 12), counts, problems, stamp);
    }

    /** Whether a file name is one of the recognised dictionary files. */
    static boolean known(String name) {
        return FILES.containsKey(name) || name.equals("allow.txt");
    }

    private static DictionaryTerm parse(String l, Category c, String file, int lineNo) {
        String[] f = l.split("\t");
        if (f.length < 2 || f.length > 3 || f[0].isBlank()) {
            throw new IllegalArgumentException("词典格式错误 / bad dictionary line " + file + ":" + lineNo + " — expected term<TAB>weight[<TAB>context|context]: " + l);
        }
        double w;
        try {
            w = Double.parseDouble(f[1].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("词典权重不是数字 / weight is not a number at " + file + ":" + lineNo + ": " + f[1], e);
        }
        if (w <= 0 || w > 1) {
            throw new IllegalArgumentException("词典权重应在 (0,1] / weight out of (0,1] at " + file + ":" + lineNo + ": " + w);
        }
        List<String> ctx = f.length == 3 ? java.util.Arrays.stream(f[2].strip().split("\\|")).map(String::strip).filter(word -> !word.isEmpty()).toList() : List.of();
        if (f.length == 3 && ctx.isEmpty()) {
            throw new IllegalArgumentException("词典上下文为空 / empty context list at " + file + ":" + lineNo + ": " + l);
        }
        return new DictionaryTerm(f[0].strip(), w, ctx, c, file);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
