package org.gongkai.server.document.pages;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.server.document.view.ViewTab;
import org.gongkai.server.pipeline.ReportedFinding;
import org.gongkai.server.render.pages.PageLayout;
import org.gongkai.spi.Block;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.Part;

/**
 * Places the findings of one page on its glyphs. A finding's text is taken from the stored text at its offsets
 * (what the detector matched), found among the page's glyphs by {@link FindingLocator}; when it stands on the page
 * more than once, every place is boxed: the pipeline reports one finding per value (its repeats folded into it), and
 * redaction removes every occurrence of a confirmed finding's text, so each place is this finding's. A long passage
 * searched by its beginning only is boxed once, at the occurrence of the same order among the page's stored blocks
 * (the n-th of the text as the n-th on the page). Comments are boxed on their annotation. What cannot be placed — text read by
 * OCR, a finding about the page or document as a whole, text the glyphs do not yield — keeps the page-level marker,
 * with the reason.
 */
final class PagePlacement {
    /** Characters of a finding's text searched at most (the search follows the text character by character). */
    private static final int MAX_NEEDLE = 300;
    private final FindingLocator locator;
    private final DocumentText text;
    private final StringBuilder pageText = new StringBuilder();
    private final int[] blockStart;

    /** @param text the stored text, or null when none was stored */
    PagePlacement(PageLayout layout, DocumentText text) {
        this.locator = new FindingLocator(layout);
        this.text = text;
        this.blockStart = new int[text == null ? 0 : text.blocks().size()];
        for (int i = 0; i < blockStart.length; i++) {
            Block b = text.blocks().get(i);
            boolean onPage = b.page() != null && b.page() == layout.page() && b.part() != Part.COMMENT && b.part() != Part.METADATA && !ocr(b);
            blockStart[i] = onPage ? pageText.length() : -1;
            if (onPage) {
                pageText.append(Fold.of(b.text()));
            }
        }
    }

    PageBoxes.FindingBox place(ReportedFinding f) {
        String original = original(f);
        String needle = Fold.of(original);
        Block block = text == null || text.blocks().isEmpty() ? null : text.blockAt(f.start());
        if (needle.isEmpty()) {
            return page(f, "该发现针对整页或整份文件，不对应页面上的某段文字 / this finding concerns the page or document as a whole, not a passage");
        }
        if (block != null && ocr(block)) {
            return page(f, "该页文字由 OCR 从图片识别，没有字形位置，无法框出 / the text of this page was read from an image by OCR and has no glyph positions");
        }
        if (f.part() == Part.COMMENT) {
            PageBoxes.Rect r = locator.note(needle);
            return r == null ? page(f, "未找到含该文字的批注框 / no comment box holding this text was found")
                    : box(f, PageBoxes.How.ANNOTATION, true, List.of(r), null);
        }
        boolean shortened = needle.length() > MAX_NEEDLE;
        if (shortened) {
            needle = needle.substring(0, MAX_NEEDLE); // a long passage (a whole comment or paragraph) is boxed by its beginning
        }
        List<int[]> matches = locator.matches(needle);
        if (matches.isEmpty()) {
            return page(f, locator.exhausted() ? "本页文字过多，未能在限定步数内定位 / the page is too dense to locate this text within the search budget"
                    : "未能在本页字形中找到该文字（字体可能缺少文字映射，或文字跨页） / the text was not found among the page's glyphs "
                    + "(the font may lack a Unicode mapping, or the text runs over the page break)");
        }
        int total = occurrences(needle, pageText.length());
        // the glyphs and the stored text agree on how many places there are
        boolean certain = matches.size() == Math.max(1, total) && !shortened;
        if (shortened) {
            int ordinal = Math.min(ordinal(f, needle), matches.size() - 1);
            return box(f, PageBoxes.How.GLYPHS, certain, locator.rects(matches.get(ordinal)),
                    "文字较长，只框出了它在本页的开头部分 / a long passage: only its beginning on this page is boxed");
        }
        List<PageBoxes.Rect> rects = new ArrayList<>();
        matches.forEach(m -> rects.addAll(locator.rects(m)));
        return box(f, PageBoxes.How.GLYPHS, certain, rects, matches.size() < 2 ? null : "该文字在本页出现 " + matches.size()
                + " 次，每一处都已框出：同一内容只列为一条发现，隐去时每一处一并隐去 / the text stands " + matches.size()
                + " times on this page and every place is boxed: one finding stands for every place of the same text, and redaction removes each");
    }

    /** The finding's text as stored at its offsets (the detector's match), or as reported when the offsets do not fit. */
    private String original(ReportedFinding f) {
        if (text != null && f.start() >= 0 && f.start() < f.end() && f.end() <= text.text().length()) {
            return text.text().substring(f.start(), f.end());
        }
        return f.text() == null ? "" : f.text();
    }

    /** How many times the folded text stands on the page before the finding's own occurrence. */
    private int ordinal(ReportedFinding f, String needle) {
        if (text == null || text.blocks().isEmpty() || f.start() < 0 || f.start() > text.text().length()) {
            return 0;
        }
        int b = text.blockIndexAt(f.start());
        if (blockStart[b] < 0) {
            return 0;
        }
        int within = Math.max(0, Math.min(f.start() - text.blockStart(b), text.blocks().get(b).text().length()));
        int prefix = blockStart[b] + Fold.of(text.blocks().get(b).text().substring(0, within)).length();
        return occurrences(needle, prefix);
    }

    /** Non-overlapping occurrences of {@code needle} in the page text that start before {@code limit}. */
    private int occurrences(String needle, int limit) {
        int n = 0;
        for (int k = pageText.indexOf(needle); k >= 0 && k < limit; k = pageText.indexOf(needle, k + needle.length())) {
            n++;
        }
        return n;
    }

    private static boolean ocr(Block b) {
        return ViewTab.of(b) == ViewTab.OCR;
    }

    private static PageBoxes.FindingBox page(ReportedFinding f, String note) {
        return box(f, PageBoxes.How.PAGE, false, List.of(), note);
    }

    private static PageBoxes.FindingBox box(ReportedFinding f, PageBoxes.How how, boolean certain, List<PageBoxes.Rect> rects, String note) {
        return new PageBoxes.FindingBox(f.id(), f.category().name(), f.categoryName(), f.severity().name(), f.part().name(), how, certain, rects, note);
    }
}
