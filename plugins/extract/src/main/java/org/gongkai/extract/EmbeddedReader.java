package org.gongkai.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.EmbeddedContentHandler;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionGap;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.Part;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Reads the text of an embedded document (an OLE object in a DOCX, a file attached to a PDF) with Tika and
 * adds it as an {@link Part#ATTACHMENT} block. Documents embedded in it are read into the same block down to
 * {@link ExtractionLimits#maxEmbeddedDepth()}; deeper ones are reported as {@link ExtractionGap.Reason#TOO_DEEP}
 * gaps. A failure is a gap, not an error: the container was read, one object in it was not, and the document
 * must go to manual review for that object.
 */
final class EmbeddedReader {
    private final AutoDetectParser tika = new AutoDetectParser(new SafeDetector());

    /** Reads one object embedded in the document itself (depth 1). */
    void read(InputStream in, String name, BlockSink sink, ExtractionLimits limits) throws ExtractionException {
        BodyContentHandler h = new BodyContentHandler(Math.max(1, limits.maxChars()));
        Nested nested = new Nested(1, limits.maxEmbeddedDepth());
        try {
            tika.parse(in, h, new Metadata(), nested.context());
        } catch (Exception | StackOverflowError e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                sink.gap(ExtractionGap.Reason.TRUNCATED, "嵌入对象 " + name + " 文本过长，仅读取部分 / embedded object " + name + " truncated", null);
            } else {
                sink.gap(ExtractionGap.Reason.PART_UNREADABLE, "嵌入对象 " + name + " 无法读取 / embedded object " + name + " could not be read ("
                        + e.getClass().getSimpleName() + ")", null);
                return;
            }
        }
        for (String s : nested.tooDeep) {
            sink.gap(ExtractionGap.Reason.TOO_DEEP, "嵌入对象 " + name + " 中的 " + s + " 嵌套过深，未读取 / " + s + " inside embedded object " + name
                    + " is nested too deep and was not read", null);
        }
        for (String s : nested.failed) {
            sink.gap(ExtractionGap.Reason.PART_UNREADABLE, "嵌入对象 " + name + " 中的 " + s + " 无法读取 / " + s + " inside embedded object " + name
                    + " could not be read", null);
        }
        sink.add(Part.ATTACHMENT, h.toString().strip(), null, "嵌入对象 " + name);
    }

    /** Reads documents embedded in an embedded document into the same text, down to the depth limit. */
    private final class Nested implements EmbeddedDocumentExtractor {
        private final int depth;
        private final int maxDepth;
        final List<String> tooDeep;
        final List<String> failed;

        Nested(int depth, int maxDepth) {
            this(depth, maxDepth, new ArrayList<>(), new ArrayList<>());
        }

        private Nested(int depth, int maxDepth, List<String> tooDeep, List<String> failed) {
            this.depth = depth;
            this.maxDepth = maxDepth;
            this.tooDeep = tooDeep;
            this.failed = failed;
        }

        ParseContext context() {
            ParseContext c = new ParseContext();
            c.set(EmbeddedDocumentExtractor.class, this);
            return c;
        }

        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return true;
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) throws SAXException, IOException {
            TikaInputStream tis = TikaInputStream.get(stream);
            MediaType type = tika.getDetector().detect(tis, metadata);
            String kind = type.getType();
            if (kind.equals("image") || kind.equals("audio") || kind.equals("video")) {
                return; // pictures and media carry no text to read
            }
            String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
            name = name == null || name.isBlank() ? type.getBaseType().toString() : name;
            if (depth >= maxDepth) {
                tooDeep.add(name);
                return;
            }
            Nested deeper = new Nested(depth + 1, maxDepth, tooDeep, failed);
            try {
                tika.parse(tis, new EmbeddedContentHandler(handler), metadata, deeper.context());
            } catch (Exception | StackOverflowError e) {
                if (WriteLimitReachedException.isWriteLimitReached(e)) {
                    throw e instanceof SAXException s ? s : new SAXException(new WriteLimitReachedException(0));
                }
                failed.add(name);
            }
        }
    }
}
