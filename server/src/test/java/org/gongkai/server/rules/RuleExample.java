package org.gongkai.server.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongkai.spi.Block;
import org.gongkai.spi.DocumentStructure;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.Part;

/**
 * One line of a rule-examples file: {@code <rule-id> <hit|miss|trap> <expect> <text>}.
 * <ul>
 *   <li>expect: {@code +X} — a finding of the rule's category with the text X (white space aside) is reported;
 *       {@code -X} — none whose text holds X or is held in it; {@code -} — none of the category at all;</li>
 *   <li>text: blocks separated by {@code " ¶ "}; {@code \n} is a line break inside a block; a block may be
 *       {@code table: a|b|c // 1|2|3} (cells with the extractors' locators), {@code title: …} (the parsed title,
 *       also a paragraph), {@code doctype: 办法}, {@code meta(dc:creator 作者): …}, {@code comment(批注 作者：张伟): …},
 *       {@code deleted: …}, {@code inserted: …}, {@code hidden: …} or {@code attachment(嵌入对象 x.xlsx): …}.</li>
 * </ul>
 */
record RuleExample(String file, int line, String rule, Kind kind, boolean reported, String value, String text) {

    enum Kind { HIT, MISS, TRAP }

    static RuleExample parse(String file, int line, String s) {
        String[] f = s.strip().split("\\s+", 4);
        if (f.length < 4 || !(f[2].startsWith("+") || f[2].startsWith("-"))) {
            throw new IllegalArgumentException(file + ":" + line + ": expected '<rule-id> <hit|miss|trap> <+X|-X|-> <text>': " + s);
        }
        return new RuleExample(file, line, f[0], Kind.valueOf(f[1].toUpperCase()), f[2].startsWith("+"), f[2].substring(1), f[3]);
    }

    /** The example's document and parsed structure (title, 文种). */
    Document document() {
        List<Block> blocks = new ArrayList<>();
        String title = null;
        String docType = null;
        int tables = 0;
        for (String raw : text.split(" ¶ ")) {
            String b = raw.replace("\\n", "\n");
            if (b.startsWith("table: ")) {
                tables++;
                String[] rows = b.substring(7).split(" // ");
                for (int r = 0; r < rows.length; r++) {
                    String[] cells = rows[r].split("\\|", -1);
                    for (int c = 0; c < cells.length; c++) {
                        blocks.add(new Block(Part.TABLE, cells[c], null, "表格" + tables + " 第" + (r + 1) + "行第" + (c + 1) + "列"));
                    }
                }
            } else if (b.startsWith("title: ")) {
                title = b.substring(7);
                blocks.add(Block.body(title));
            } else if (b.startsWith("doctype: ")) {
                docType = b.substring(9);
            } else if (b.startsWith("deleted: ")) {
                blocks.add(new Block(Part.TRACKED_DELETION, b.substring(9), null, "修订：删除"));
            } else if (b.startsWith("inserted: ")) {
                blocks.add(new Block(Part.TRACKED_INSERTION, b.substring(10), null, "修订：插入"));
            } else if (b.startsWith("hidden: ")) {
                blocks.add(new Block(Part.HIDDEN, b.substring(8), null, "隐藏文字"));
            } else if (b.matches("(?s)(meta|comment|attachment)\\(.*?\\): .*")) {
                int close = b.indexOf("): ");
                Part p = b.startsWith("meta") ? Part.METADATA : b.startsWith("comment") ? Part.COMMENT : Part.ATTACHMENT;
                blocks.add(new Block(p, b.substring(close + 3), null, b.substring(b.indexOf('(') + 1, close)));
            } else {
                blocks.add(Block.body(b));
            }
        }
        Map<String, String> elements = title == null ? Map.of() : Map.of("title", title);
        return new Document(DocumentText.of(blocks), new DocumentStructure(docType, elements, null, 0));
    }

    record Document(DocumentText text, DocumentStructure structure) {
    }

    @Override
    public String toString() {
        return file + ":" + line + " " + rule + " " + kind.name().toLowerCase() + " " + (reported ? "+" : "-") + value + " " + text;
    }
}
