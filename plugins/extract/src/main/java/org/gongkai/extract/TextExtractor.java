package org.gongkai.extract;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.Extractor;
import org.gongkai.spi.Part;

/**
 * Plain text: UTF-8 (with or without BOM), UTF-16 with BOM, otherwise GB18030 (a superset of GBK and
 * GB2312, what Chinese Windows editors save). One block per line.
 */
public final class TextExtractor implements Extractor {
    private static final Charset GB18030 = Charset.forName("GB18030");

    @Override
    public String name() {
        return "text";
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("text/plain", "text/csv", "text/markdown");
    }

    @Override
    public DocumentText extract(Path file, String mediaType, ExtractionLimits limits) throws ExtractionException {
        byte[] bytes;
        try {
            if (Files.size(file) > 4L * limits.maxChars() + 16) {
                throw new ExtractionException(ExtractionException.Reason.LIMIT_EXCEEDED, "文本文件过大 / the text file is too large");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw Failures.of(e, "text file");
        }
        Decoded d = decode(bytes);
        BlockSink sink = new BlockSink(limits.maxChars());
        for (String line : d.text().split("\r\n|\r|\n", -1)) {
            if (!sink.add(Part.BODY, line, null, "")) {
                break;
            }
        }
        return new DocumentText(sink.blocks(), sink.gaps(), Map.of("extractor", name(), "mediaType", mediaType, "charset", d.charset()), 0);
    }

    record Decoded(String text, String charset) {
    }

    static Decoded decode(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return new Decoded(new String(b, 3, b.length - 3, StandardCharsets.UTF_8), "UTF-8");
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE");
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE");
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            return new Decoded(s, "UTF-8");
        } catch (CharacterCodingException e) {
            return new Decoded(new String(b, GB18030), "GB18030");
        }
    }
}
