package org.gongkai.server.document.view;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gongkai.spi.Block;
import org.gongkai.spi.Part;

/**
 * The tabs of the review page's text view: where in the file a piece of text stands, as a reviewer asks it — the
 * body a reader sees, tables, headers and footers, and each hiding place (comments, tracked changes, hidden text,
 * document properties, embedded attachments, text recognised from images).
 */
public enum ViewTab {
    BODY("正文", EnumSet.of(Part.BODY)),
    TABLE("表格", EnumSet.of(Part.TABLE)),
    HEADER_FOOTER("页眉页脚", EnumSet.of(Part.HEADER, Part.FOOTER)),
    COMMENT("批注", EnumSet.of(Part.COMMENT)),
    TRACKED_CHANGES("修订痕迹", EnumSet.of(Part.TRACKED_INSERTION, Part.TRACKED_DELETION)),
    HIDDEN("隐藏文字", EnumSet.of(Part.HIDDEN)),
    METADATA("文档属性", EnumSet.of(Part.METADATA)),
    ATTACHMENT("附件与嵌入对象", EnumSet.of(Part.ATTACHMENT)),
    /** Text recognised from page images or pictures (its part is BODY or TABLE; the source says OCR or 图片). */
    OCR("图片识别文字", EnumSet.noneOf(Part.class));

    private final String chinese;
    private final Set<Part> parts;

    ViewTab(String chinese, Set<Part> parts) {
        this.chinese = chinese;
        this.parts = parts;
    }

    public String chinese() {
        return chinese;
    }

    /** The parts shown under this tab (OCR: text of any visible part read from an image). */
    public List<String> parts() {
        return parts.stream().map(Part::name).toList();
    }

    /** True for the tabs a reader of the published document does not see (they must be cleaned before publication). */
    public boolean hidden() {
        return this == COMMENT || this == TRACKED_CHANGES || this == HIDDEN || this == METADATA;
    }

    /** The tab a block belongs to. */
    public static ViewTab of(Block b) {
        if (!b.part().hidden() && (b.source().contains("OCR") || b.source().startsWith("图片"))) {
            return OCR;
        }
        for (ViewTab t : values()) {
            if (t.parts.contains(b.part())) {
                return t;
            }
        }
        return BODY;
    }
}
