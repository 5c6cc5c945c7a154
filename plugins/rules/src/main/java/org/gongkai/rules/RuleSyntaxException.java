package org.gongkai.rules;

import java.util.List;

/**
 * A rules file that cannot be used: every problem found, each with the file, the line and what is wrong, in
 * Chinese and English. The message lists them all, so an office fixes a file in one pass.
 */
public final class RuleSyntaxException extends IllegalArgumentException {
    private final String file;
    private final List<String> problems;

    public RuleSyntaxException(String file, List<String> problems) {
        super("规则文件 " + file + " 有 " + problems.size() + " 处错误，未启用 / rules file " + file + " has " + problems.size()
                + " error(s) and was not used:\n  " + String.join("\n  ", problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public String file() {
        return file;
    }

    /** Each problem as "file:line: message — the line". */
    public List<String> problems() {
        return problems;
    }
}
