package org.gongkai.extract;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.Extractor;
import org.gongkai.spi.Part;
import org.ofdrw.reader.ContentExtractor;
import org.ofdrw.reader.OFDReader;

/** OFD (GB/T 33190, the Chinese fixed-layout format) via ofdrw: the text of each page with its number. */
public final class OfdExtractor implements Extractor {

    @Override
    public String name() {
        return "ofd";
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("application/ofd");
    }

    @Override
    public DocumentText extract(Path file, String mediaType, ExtractionLimits limits) throws ExtractionException {
        BlockSink sink = new BlockSink(limits.maxChars());
        int pages;
        try (OFDReader reader = new OFDReader(file)) {
            pages = reader.getNumberOfPages();
            ContentExtractor ex = new ContentExtractor(reader);
            for (int i = 1; i <= pages; i++) {
                BlockSink.checkInterrupted();
                String text = String.join("\n", ex.getPageContent(i)).strip();
                if (text.isEmpty()) {
                    sink.gap(org.gongkai.spi.ExtractionGap.Reason.NO_TEXT_LAYER, "OFD 第" + i + "页没有文字对象 / OFD page " + i + " has no text objects", i);
                } else if (!sink.add(Part.BODY, text, i, "")) {
                    break;
                }
            }
        } catch (ExtractionException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw Failures.of(e, "OFD document");
        }
        if (sink.blocks().isEmpty()) {
            throw new ExtractionException(ExtractionException.Reason.NO_TEXT, "OFD 文件中没有文字，须人工审查 / the OFD file has no text; manual review needed");
        }
        return new DocumentText(sink.blocks(), sink.gaps(), Map.of("extractor", name(), "mediaType", mediaType), pages);
    }
}
