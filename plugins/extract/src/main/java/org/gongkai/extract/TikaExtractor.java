package org.gongkai.extract;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionGap;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.Extractor;
import org.gongkai.spi.Part;
import org.gongkai.spi.PluginConfig;

/**
 * Fallback for the other word-processing formats Tika reads (RTF, OpenDocument, WordPerfect): plain text as
 * body, author as metadata. Structure (comments, tracked changes) is not separated for these formats. Microsoft
 * Works files are not claimed: Tika finds no text in them, and they would pass for blank scans; the host refuses
 * them as an unsupported old format.
 */
public final class TikaExtractor implements Extractor {
    private AutoDetectParser parser;

    @Override
    public String name() {
        return "tika";
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("application/rtf", "text/rtf", "application/vnd.oasis.opendocument.text", "application/vnd.wordperfect",
                "text/html", "application/xhtml+xml");
    }

    @Override
    public void configure(PluginConfig config) {
        // nothing to configure; the parser is built on first use (it loads every Tika parser, and most servers never need it)
    }

    private synchronized AutoDetectParser parser() {
        if (parser == null) {
            parser = new AutoDetectParser(new SafeDetector());
        }
        return parser;
    }

    @Override
    public DocumentText extract(Path file, String mediaType, ExtractionLimits limits) throws ExtractionException {
        Failures.requireContent(file, "document");
        BlockSink sink = new BlockSink(limits.maxChars());
        BodyContentHandler h = new BodyContentHandler(limits.maxChars());
        Metadata md = new Metadata();
        try (InputStream in = TikaInputStream.get(file, md)) {
            parser().parse(in, h, md, new ParseContext());
        } catch (WriteLimitReachedException e) {
            sink.gap(ExtractionGap.Reason.TRUNCATED, "文本超过上限，其余部分未读取 / text truncated at the character limit", null);
        } catch (EncryptedDocumentException e) {
            throw Failures.encrypted("document");
        } catch (Exception | StackOverflowError e) {
            throw Failures.of(e, "document");
        }
        for (String line : h.toString().split("\n")) {
            sink.add(Part.BODY, line, null, "");
        }
        String author = md.get(TikaCoreProperties.CREATOR);
        if (author != null) {
            sink.add(Part.METADATA, author, null, "dc:creator 作者");
        }
        return new DocumentText(sink.blocks(), sink.gaps(), Map.of("extractor", name(), "mediaType", mediaType), 0);
    }
}
