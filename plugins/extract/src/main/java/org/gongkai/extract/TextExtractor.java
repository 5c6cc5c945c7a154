package org.gongkai.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionGap;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.Extractor;
import org.gongkai.spi.Part;

/**
 * Plain text: UTF-8 (with or without BOM), UTF-16 with BOM, otherwise GB18030 (a superset of GBK and
 * GB2312, what Chinese Windows editors save). One block per line. A file longer than the character limit
 * is read up to the limit and reported as truncated.
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
        Failures.requireContent(file, "text file");
        byte[] bytes;
        boolean cut;
        try (InputStream in = Files.newInputStream(file)) {
            // a character takes at most 4 bytes: read no more than the limit can hold, plus a little
            long cap = 4L * limits.maxChars() + 16;
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, cap));
            cut = in.read() >= 0;
        } catch (IOException e) {
            throw Failures.of(e, "text file");
        }
        Decoded d = decode(bytes, cut);
        BlockSink sink = new BlockSink(limits.maxChars());
        for (String line : d.text().split("\r\n|\r|\n", -1)) {
            if (!sink.add(Part.BODY, line, null, "")) {
                break;
            }
        }
        if (cut && sink.gaps().stream().noneMatch(g -> g.reason() == ExtractionGap.Reason.TRUNCATED)) {
            sink.gap(ExtractionGap.Reason.TRUNCATED, "文本文件超过 " + limits.maxChars() + " 字符上限，其余部分未读取 / the text file is longer than "
                    + limits.maxChars() + " characters; the rest was not read", null);
        }
        return new DocumentText(sink.blocks(), sink.gaps(), Map.of("extractor", name(), "mediaType", mediaType, "charset", d.charset()), 0);
    }

    record Decoded(String text, String charset) {
    }

    static Decoded decode(byte[] b) {
        return decode(b, false);
    }

    /**
     * @param cut whether {@code b} is only the beginning of the file: a character cut at the end is then dropped,
     *            not taken as a sign of another encoding
     */
    static Decoded decode(byte[] b, boolean cut) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return new Decoded(decode(b, 3, StandardCharsets.UTF_8, cut, false), "UTF-8");
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return new Decoded(decode(b, 2, StandardCharsets.UTF_16LE, cut, false), "UTF-16LE");
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return new Decoded(decode(b, 2, StandardCharsets.UTF_16BE, cut, false), "UTF-16BE");
        }
        String utf8 = decode(b, 0, StandardCharsets.UTF_8, cut, true);
        return utf8 != null ? new Decoded(utf8, "UTF-8") : new Decoded(decode(b, 0, GB18030, cut, false), "GB18030");
    }

    /** Decodes, or returns {@code null} when {@code strict} and the bytes are not valid in {@code cs}. */
    private static String decode(byte[] b, int offset, Charset cs, boolean cut, boolean strict) {
        CodingErrorAction action = strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
        CharsetDecoder dec = cs.newDecoder().onMalformedInput(action).onUnmappableCharacter(action);
        ByteBuffer in = ByteBuffer.wrap(b, offset, b.length - offset);
        CharBuffer out = CharBuffer.allocate(b.length - offset + 1);
        CoderResult r = dec.decode(in, out, !cut);
        if (r.isError()) {
            return null;
        }
        if (!cut) {
            dec.flush(out);
        }
        out.flip();
        return out.toString();
    }
}
