package org.gongkai.server.maintenance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The dictionaries' format (dictionaries/README.md): a category file has {@code 词条<TAB>权重[<TAB>上下文|上下文…]} with a
 * weight in (0, 1]; {@code allow.txt} and {@code negative_context.txt} one phrase a line; {@code #} starts a comment.
 * Also refused: a term twice, control characters, over-long lines, and anything that looks like a personal identifier
 * (a run of seven or more digits): word lists are configuration, never a place for personal data.
 */
public final class DictionaryValidator implements ListValidator {
    /** Files that hold one phrase a line rather than weighted terms. */
    public static final Set<String> PHRASE_FILES = Set.of("allow.txt", "negative_context.txt");
    private static final Pattern DIGITS = Pattern.compile("\\d{7,}");
    private static final int MAX_TERM = 50;
    private static final int MAX_LINE = 500;

    @Override
    public List<String> problems(String file, List<String> lines) {
        List<String> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean phrases = PHRASE_FILES.contains(file);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            String at = "第 " + (i + 1) + " 行：";
            if (l.length() > MAX_LINE) {
                out.add(at + "过长（上限 " + MAX_LINE + " 字符）");
                continue;
            }
            if (l.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
                out.add(at + "含控制字符");
                continue;
            }
            String s = l.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            String[] f = s.split("\t", -1);
            String term = f[0].strip();
            if (term.isEmpty() || term.length() > MAX_TERM) {
                out.add(at + "词条应为 1–" + MAX_TERM + " 个字符");
            }
            if (DIGITS.matcher(term).find()) {
                out.add(at + "词条“" + term + "”含 7 位以上数字，像是个人信息（身份证号、电话等），不能写入词典");
            }
            if (phrases) {
                if (f.length > 1) {
                    out.add(at + "此文件一行一个短语，不应有制表符分隔的其他列");
                }
            } else {
                weighted(f, at, out);
            }
            Integer before = seen.putIfAbsent(term, i + 1);
            if (before != null) {
                out.add(at + "词条“" + term + "”与第 " + before + " 行重复");
            }
        }
        return out;
    }

    private static void weighted(String[] f, String at, List<String> out) {
        if (f.length < 2 || f.length > 3) {
            out.add(at + "格式应为“词条<TAB>权重[<TAB>上下文词|上下文词…]”");
            return;
        }
        try {
            double w = Double.parseDouble(f[1].strip());
            if (!(w > 0 && w <= 1)) {
                out.add(at + "权重应在 0（不含）到 1 之间：" + f[1].strip());
            }
        } catch (NumberFormatException e) {
            out.add(at + "权重不是数字：" + f[1].strip());
        }
        if (f.length == 3) {
            for (String c : f[2].split("\\|")) {
                if (c.strip().length() > MAX_TERM) {
                    out.add(at + "上下文词过长：" + c.strip());
                }
            }
        }
    }

    /** The editor's columns for a dictionary file. */
    public static List<String> columns(String file) {
        return PHRASE_FILES.contains(file) ? List.of("短语") : List.of("词条", "权重", "上下文词（任一出现才计入，用 | 分隔）");
    }
}
