package org.gongkai.spi;

/**
 * One piece of a document's text in reading order: a paragraph, a table cell, a comment, a tracked change,
 * a hidden run, a metadata value or the text of an embedded document.
 *
 * @param part   where the text stands
 * @param text   the text as extracted (line breaks inside the block kept as {@code '\n'})
 * @param page   1-based page number where known (PDF, OFD), otherwise {@code null}
 * @param source a short human-readable locator, e.g. {@code "表格1 第2行第3列"}, {@code "批注 作者：张三"},
 *               {@code "docProps/core.xml dc:creator"}; may be empty, never {@code null}
 * @since 0.1
 */
public record Block(Part part, String text, Integer page, String source) {
    public Block {
        if (part == null || text == null) {
            throw new IllegalArgumentException("part and text are required");
        }
        source = source == null ? "" : source;
    }

    public static Block body(String text) {
        return new Block(Part.BODY, text, null, "");
    }

    public static Block of(Part part, String text) {
        return new Block(part, text, null, "");
    }
}
