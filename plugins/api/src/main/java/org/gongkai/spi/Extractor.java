package org.gongkai.spi;

import java.nio.file.Path;
import java.util.Set;

/**
 * Reads the structured text of a stored file.
 *
 * <p>Contract:
 * <ul>
 *   <li>The host detects the media type from content (Tika) and calls the first configured extractor whose
 *       {@link #mediaTypes()} contains it.</li>
 *   <li>{@code file} is owned by the host and must not be modified, moved or kept open after return.</li>
 *   <li>Tracked deletions, comments, hidden runs, metadata and embedded documents are returned as blocks of
 *       their own {@link Part}, placed right after the paragraph they belong to and never mixed into
 *       {@link Part#BODY}. Tracked insertions are part of the text the reader sees once changes are
 *       accepted: they stay inline in their paragraph's block, and each is <em>also</em> returned as a
 *       {@link Part#TRACKED_INSERTION} block after that paragraph so it can be reported (the host drops a
 *       finding in such a block that repeats one in the visible text).</li>
 *   <li>Table cells are {@link Part#TABLE} blocks, one per cell, with a source such as
 *       {@code "表格1 第2行第3列"}; headers and footers are {@link Part#HEADER}/{@link Part#FOOTER} blocks;
 *       document properties (author, last modified by, company …) are {@link Part#METADATA} blocks whose
 *       source names the property; text of embedded documents is {@link Part#ATTACHMENT}.</li>
 *   <li>Whatever could not be read but did not stop extraction (a failed embedded object, a page without a
 *       text layer, the character limit) is listed as an {@link ExtractionGap}; an empty result with no gaps
 *       means the document really has no text.</li>
 *   <li>When nothing can be read, throw {@link ExtractionException} with a reason; never return partial
 *       text silently. Runtime exceptions are treated as {@link ExtractionException.Reason#CORRUPT}.</li>
 *   <li>Implementations should check {@link Thread#isInterrupted()} between pages or parts: the host
 *       interrupts extraction at the time-out.</li>
 * </ul>
 *
 * @since 0.1
 */
public interface Extractor extends Plugin {

    /** The media types (as detected by Tika, e.g. {@code application/pdf}) this extractor reads. */
    Set<String> mediaTypes();

    /**
     * Extracts the text of {@code file}.
     *
     * @param file      the stored file
     * @param mediaType the detected media type, one of {@link #mediaTypes()}
     * @param limits    resource limits to honour
     * @return the structured text, with gaps for anything skipped
     * @throws ExtractionException when no text can be read at all
     */
    DocumentText extract(Path file, String mediaType, ExtractionLimits limits) throws ExtractionException;
}
