package org.gongkai.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The structured text of one document: its blocks in reading order, joined into one string
 * ({@link #text()}) with a single {@code '\n'} between blocks, so that every later finding can point at
 * the original text by offset and be traced back to its block, part and page.
 *
 * <p>Extraction may be incomplete (an embedded object that failed, a page without a text layer, a
 * character limit reached): each such gap is listed in {@link #gaps()}. A document with gaps is never
 * treated as fully checked.
 *
 * @since 0.1
 */
public final class DocumentText {
    private final List<Block> blocks;
    private final int[] starts;
    private final String text;
    private final List<ExtractionGap> gaps;
    private final Map<String, String> properties;
    private final int pageCount;

    /**
     * @param blocks     blocks in reading order
     * @param gaps       what could not be read; empty when extraction was complete
     * @param properties extraction facts such as {@code extractor}, {@code mediaType}; never the text
     * @param pageCount  number of pages, or 0 when the format has none
     */
    public DocumentText(List<Block> blocks, List<ExtractionGap> gaps, Map<String, String> properties, int pageCount) {
        this.blocks = List.copyOf(blocks);
        this.gaps = List.copyOf(gaps);
        this.properties = Map.copyOf(properties);
        this.pageCount = pageCount;
        this.starts = new int[this.blocks.size()];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < this.blocks.size(); i++) {
            if (i > 0) {
                sb.append('\n');
            }
            starts[i] = sb.length();
            sb.append(this.blocks.get(i).text());
        }
        this.text = sb.toString();
    }

    public static DocumentText of(List<Block> blocks) {
        return new DocumentText(blocks, List.of(), Map.of(), 0);
    }

    public List<Block> blocks() {
        return blocks;
    }

    /** All block texts joined by {@code '\n'}; finding offsets refer to this string. */
    public String text() {
        return text;
    }

    public List<ExtractionGap> gaps() {
        return gaps;
    }

    /** True when nothing is known to be missing from the text. */
    public boolean complete() {
        return gaps.isEmpty();
    }

    public Map<String, String> properties() {
        return properties;
    }

    public int pageCount() {
        return pageCount;
    }

    /** Offset in {@link #text()} where block {@code index} starts. */
    public int blockStart(int index) {
        return starts[index];
    }

    /** Offset just past the end of block {@code index}. */
    public int blockEnd(int index) {
        return starts[index] + blocks.get(index).text().length();
    }

    /**
     * Index of the block that contains {@code offset} (an offset on a separator belongs to the block
     * before it), or -1 when there are no blocks.
     */
    public int blockIndexAt(int offset) {
        if (blocks.isEmpty()) {
            return -1;
        }
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The block containing {@code offset}, or {@code null} when there are no blocks. */
    public Block blockAt(int offset) {
        int i = blockIndexAt(offset);
        return i < 0 ? null : blocks.get(i);
    }

    /** Count of non-whitespace characters in parts a reader sees. */
    public int visibleTextLength() {
        int n = 0;
        for (Block b : blocks) {
            if (b.part().visible()) {
                String t = b.text();
                for (int i = 0; i < t.length(); i++) {
                    if (!Character.isWhitespace(t.charAt(i))) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /** A copy with further gaps appended. */
    public DocumentText withGaps(List<ExtractionGap> more) {
        List<ExtractionGap> all = new ArrayList<>(gaps);
        all.addAll(more);
        return new DocumentText(blocks, all, properties, pageCount);
    }

    /** A copy with one more property. */
    public DocumentText withProperty(String key, String value) {
        Map<String, String> p = new java.util.HashMap<>(properties);
        p.put(key, value);
        return new DocumentText(blocks, gaps, p, pageCount);
    }

    @Override
    public String toString() {
        return "DocumentText[" + blocks.size() + " blocks, " + text.length() + " chars, gaps=" + Collections.unmodifiableList(gaps) + "]";
    }
}
