package org.gongkai.extract;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.spi.Block;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionGap;
import org.gongkai.spi.Part;

/**
 * Collects blocks while an extractor reads, enforcing the character limit (the rest becomes a TRUNCATED
 * gap) and stopping promptly when the host interrupts the thread at the time-out.
 */
final class BlockSink {
    private final List<Block> blocks = new ArrayList<>();
    private final List<ExtractionGap> gaps = new ArrayList<>();
    private final int maxChars;
    private int chars;
    private boolean truncated;

    BlockSink(int maxChars) {
        this.maxChars = maxChars;
    }

    /** Adds a block unless it is blank; returns false once the character limit is reached. */
    boolean add(Part part, String text, Integer page, String source) throws ExtractionException {
        checkInterrupted();
        if (text == null || text.isBlank() || truncated) {
            return !truncated;
        }
        String t = text;
        if (chars + t.length() > maxChars) {
            t = t.substring(0, Math.max(0, maxChars - chars));
            truncated = true;
            gaps.add(new ExtractionGap(ExtractionGap.Reason.TRUNCATED, "文本超过 " + maxChars + " 字符上限，其余部分未读取 / text longer than "
                    + maxChars + " characters; the rest was not read", page));
        }
        if (!t.isEmpty()) {
            blocks.add(new Block(part, t, page, source));
            chars += t.length();
        }
        return !truncated;
    }

    void gap(ExtractionGap.Reason reason, String message, Integer page) {
        gaps.add(new ExtractionGap(reason, message, page));
    }

    List<Block> blocks() {
        return blocks;
    }

    List<ExtractionGap> gaps() {
        return gaps;
    }

    static void checkInterrupted() throws ExtractionException {
        if (Thread.currentThread().isInterrupted()) {
            throw new ExtractionException(ExtractionException.Reason.TIMEOUT, "文本提取超时，已中止 / text extraction timed out and was stopped");
        }
    }
}
