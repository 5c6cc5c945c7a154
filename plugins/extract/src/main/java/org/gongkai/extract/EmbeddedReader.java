package org.gongkai.extract;

import java.io.InputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.exception.WriteLimitReachedException;
import org.gongkai.spi.ExtractionGap;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.Part;

/**
 * Reads the text of an embedded document (an OLE object in a DOCX, a file attached to a PDF) with Tika and
 * adds it as an {@link Part#ATTACHMENT} block. A failure is a gap, not an error: the container was read,
 * one object in it was not, and the document must go to manual review for that object.
 */
final class EmbeddedReader {
    private final AutoDetectParser tika = new AutoDetectParser();

    void read(InputStream in, String name, BlockSink sink, int maxChars) throws ExtractionException {
        BodyContentHandler h = new BodyContentHandler(Math.max(1, maxChars));
        try {
            Metadata md = new Metadata();
            // no Parser in the context: Tika does not recurse further (embedded depth stays bounded)
            tika.parse(in, h, md, new ParseContext());
        } catch (WriteLimitReachedException e) {
            sink.gap(ExtractionGap.Reason.TRUNCATED, "嵌入对象 " + name + " 文本过长，仅读取部分 / embedded object " + name + " truncated", null);
        } catch (Exception | StackOverflowError e) {
            sink.gap(ExtractionGap.Reason.PART_UNREADABLE, "嵌入对象 " + name + " 无法读取 / embedded object " + name + " could not be read ("
                    + e.getClass().getSimpleName() + ")", null);
            return;
        }
        sink.add(Part.ATTACHMENT, h.toString().strip(), null, "嵌入对象 " + name);
    }
}
