package org.gongkai.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.Extractor;
import org.gongkai.spi.Part;
import org.gongkai.spi.PluginConfig;

/**
 * Scanned pages sent as images, read by OCR. Declares its types only when tesseract with chi_sim is
 * installed, so that without OCR the server answers 415 for images instead of pretending to check them.
 */
public final class ImageExtractor implements Extractor {
    private Ocr ocr;

    @Override
    public String name() {
        return "image";
    }

    @Override
    public void configure(PluginConfig config) {
        ocr = Ocr.probe(config.get("tesseract", "tesseract"), config.getInt("ocrTimeoutSeconds", 120));
    }

    @Override
    public Set<String> mediaTypes() {
        return ocr != null && ocr.available() ? Set.of("image/png", "image/jpeg", "image/tiff", "image/bmp") : Set.of();
    }

    @Override
    public DocumentText extract(Path file, String mediaType, ExtractionLimits limits) throws ExtractionException {
        Failures.requireContent(file, "image");
        if (!ocr.available() || !limits.ocrEnabled()) {
            throw new ExtractionException(ExtractionException.Reason.NO_TEXT, "图片没有文本层，未安装 OCR，须人工审查 / an image has no text layer and OCR is not installed");
        }
        try {
            String text = ocr.recognise(file);
            if (text.isBlank()) {
                throw new ExtractionException(ExtractionException.Reason.NO_TEXT, "OCR 未从图片中识别出文字，须人工审查 / OCR found no text in the image");
            }
            BlockSink sink = new BlockSink(limits.maxChars());
            sink.add(Part.BODY, text, 1, "OCR");
            return new DocumentText(sink.blocks(), sink.gaps(), Map.of("extractor", name(), "mediaType", mediaType), 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionException(ExtractionException.Reason.TIMEOUT, "OCR 超时 / OCR timed out");
        } catch (IOException e) {
            throw Failures.of(e, "image");
        }
    }
}
