package org.gongkai.server.document.view;

import java.util.List;
import java.util.Map;

/**
 * The review page's text view ({@code GET /api/v1/documents/{id}/text}): the structured text stored when the
 * document was checked — the text finding offsets refer to, blocks joined by one newline — with every finding
 * placed in it, and the parts of the file in tabs.
 *
 * @param checked    false while the document is still being checked (then there are no blocks and no findings)
 * @param complete   whether the text was extracted completely (if not, a finding says what is missing)
 * @param length     length of the whole joined text; block and finding offsets are within it
 * @param parts      blocks per {@link org.gongkai.spi.Part} name, over the whole document
 * @param tabs       every tab, in display order, with its blocks and findings counted over the whole document
 * @param window     which blocks this answer holds (a large document is read a window at a time)
 * @param findings   every finding of the document, whatever the window
 * @param pageImages whether page images exist (PDF only)
 */
public record TextView(String documentId, String fileName, String mediaType, String status, boolean checked, boolean complete, int pageCount,
                       String extractor, int length, Map<String, Integer> parts, List<Tab> tabs, Window window, List<BlockView> blocks,
                       List<FindingView> findings, PageImages pageImages) {

    /** A tab: its key ({@link ViewTab}), Chinese name, the parts it shows, whether readers of the published file never see it. */
    public record Tab(String key, String name, List<String> parts, boolean hidden, int blocks, int findings) {
    }

    /**
     * The blocks of this answer: indexes {@code [from, to)} of {@code total}, at most {@code maxChars} characters;
     * {@code next} is the {@code from} of the following window, null at the end.
     */
    public record Window(int from, int to, int total, int maxChars, Integer next) {
    }

    /**
     * One block: its place in the joined text {@code [start, end)}, and its text ({@code cut} when a single block was
     * longer than the window allows and only its beginning is given).
     */
    public record BlockView(int index, String part, String tab, Integer page, String source, int start, int end, String text, boolean cut) {
    }

    /**
     * A finding as in the report, placed: {@code block} is the index of the block where it starts (null for a finding
     * about the document as a whole, which has no passage), {@code verdict} the latest reviewer verdict, {@code redacted}
     * whether a REDACT decision already removes it from the publication copy.
     */
    public record FindingView(String id, String category, String categoryName, String severity, String part, String tab, int start, int end,
                              Integer page, String source, String text, String explanation, String basis, String detector, double score,
                              Integer block, Verdict verdict, boolean redacted) {
    }

    /** A reviewer's latest verdict on a finding: CONFIRMED or DISMISSED, and the reason given. */
    public record Verdict(String verdict, String reason) {
    }

    /**
     * Page images: available for PDF originals ({@code first} is the address of page 1), otherwise the reason; the page
     * count is null when it is not known from the stored text.
     */
    public record PageImages(boolean available, Integer pageCount, String reason, String first) {
    }
}
