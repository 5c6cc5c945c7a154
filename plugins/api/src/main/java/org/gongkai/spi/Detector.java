package org.gongkai.spi;

import java.util.List;
import java.util.Set;

/**
 * Finds sensitive, exempt or non-conforming content in a document.
 *
 * <p>Contract:
 * <ul>
 *   <li>Called once per document, possibly from several threads for different documents at once.</li>
 *   <li>Searches {@link DetectionContext#normalized()} over every part, hidden ones included (a phone number
 *       in a comment is a finding), and reports offsets in the <em>original</em> text
 *       ({@link NormalizedText#toOriginal}); the host fills in part and page from the offsets.</li>
 *   <li>Returns an empty list when nothing is found; never {@code null}. Must not throw for any text: a
 *       detector that fails is reported by the host and the document goes to manual review.</li>
 *   <li>Every finding carries its legal basis and a Chinese explanation of why it was raised (pattern,
 *       checksum, context words, dictionary term). Findings about the document as a whole use an empty
 *       span at offset 0.</li>
 * </ul>
 *
 * @since 0.1
 */
public interface Detector extends Plugin {

    /** The categories this detector can report; used for listings and accuracy tables. */
    Set<Category> categories();

    List<Finding> detect(DetectionContext context);
}
