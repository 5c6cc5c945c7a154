package org.gongkai.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where a condition looks, relative to the candidate. Window scopes ({@link #BEFORE}, {@link #AFTER},
 * {@link #AROUND}, {@link #LINE}, {@link #LINES}, {@link #SENTENCE}) leave the candidate's own text out.
 */
public enum Scope {
    /**
     * The label right before the candidate on its line — separators (space, ：, （) and a bracketed qualifier
     * ("（户主）") skipped — or, for a value standing alone in a table cell, the cell to its left (a form's field
     * label), or, for a value that starts its line outside a table, the end of the line above when it ends with a
     * colon (a label laid out apart from its value: "电子邮箱：" then the address on the next line): the cue must end
     * there.
     */
    LABEL(false, "紧挨在前的标签"),
    /** Right after the candidate (white space and line breaks skipped): the cue must start there. */
    FOLLOWS(false, "紧接在后"),
    /** The N characters before the candidate. */
    BEFORE(true, "之前"),
    /** The N characters after the candidate. */
    AFTER(true, "之后"),
    /** The N characters before and after the candidate. */
    AROUND(true, "前后"),
    /** The candidate's line. */
    LINE(false, "同一行"),
    /** The candidate's line and N lines before and after it. */
    LINES(true, "前后各若干行"),
    /** The candidate's sentence (between 。；！？ and line breaks). */
    SENTENCE(false, "同一句"),
    /** The block (paragraph or table cell) holding the candidate. */
    BLOCK(false, "所在段落或单元格"),
    /** The table row holding the candidate (a line of a text table). */
    ROW(false, "同一表格行"),
    /**
     * The column header above the candidate: for a table cell, the cells above it in the table's first rows; for a
     * row of a table in plain or PDF text (a line starting with its serial number, or of three or more cells), the
     * lines above that are no rows.
     */
    HEADER(false, "所在列的表头"),
    /** The candidate's own text, as a whole. */
    VALUE(false, "本身"),
    /** The document's title. */
    TITLE(false, "文件标题"),
    /** The document's 文种 (通知, 决定书 …). */
    DOCTYPE(false, "文种"),
    /** The whole document (use with {@code count}). */
    DOCUMENT(false, "全文"),
    /** The locator of the block holding the candidate (a property name, "批注 作者：…", "表格1 第2行第3列"). */
    SOURCE(false, "来源"),
    /** The part of the document holding the candidate (BODY, TABLE, METADATA …). */
    PART(false, "部位"),
    /**
     * No cue: the candidate's text also stands in the visible text of the document; {@code visible N}: at least N %
     * of its Chinese words do (an embedded object that repeats what the page prints).
     */
    VISIBLE(false, "正文可见");

    private final boolean sized;
    private final String chinese;

    Scope(boolean sized, String chinese) {
        this.sized = sized;
        this.chinese = chinese;
    }

    /** True when the scope takes a size (characters or lines). */
    public boolean sized() {
        return sized;
    }

    public String chinese() {
        return chinese;
    }

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Scope parse(String word) {
        for (Scope s : values()) {
            if (s.keyword().equals(word)) {
                return s;
            }
        }
        throw new IllegalArgumentException("未知的范围 / unknown scope '" + word + "' (" + Arrays.stream(values()).map(Scope::keyword).collect(Collectors.joining(", ")) + ")");
    }
}
