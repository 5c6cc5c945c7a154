package org.gongkai.server.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

/**
 * Detects a file's media type from its content with Tika's detectors (magic bytes and container
 * inspection), never from the file name.
 * OFD, which Tika sees as a zip, is recognised by its {@code OFD.xml} entry (GB/T 33190).
 */
public final class TypeDetector {
    public static final String OFD = "application/ofd";
    private final Detector detector;
    private final Detector magic;

    public TypeDetector() {
        // one TikaConfig: building one loads every Tika parser, and a fallback must not rebuild it per upload
        TikaConfig tika = TikaConfig.getDefaultConfig();
        this.detector = tika.getDetector();
        this.magic = tika.getMimeRepository();
    }

    public String detect(Path file) throws IOException {
        // the name is deliberately not given to Tika: with magic bytes that say nothing, Tika would take
        // "random.doc" at its word and the file would reach the Word parser instead of being refused (415)
        Metadata md = new Metadata();
        MediaType type;
        try (TikaInputStream in = TikaInputStream.get(file, md)) {
            type = detector.detect(in, md);
        } catch (Exception | StackOverflowError e) {
            // a container detector choked (some throw checked exceptions undeclared) on a malformed file: fall back to magic bytes only
            try (TikaInputStream in = TikaInputStream.get(file)) {
                type = magic.detect(in, new Metadata());
            }
        }
        String base = type.getBaseType().toString();
        if (base.equals("application/zip") && isOfd(file)) {
            return OFD;
        }
        if (base.equals("application/octet-stream") && looksLikeChineseText(file)) {
            return "text/plain";
        }
        return base;
    }

    /**
     * Tika's charset sniffing gives up on short GB18030/GBK files (common from older Windows editors) and calls
     * them octet-stream. A file is text when its head has no NUL or other binary control bytes, decodes
     * strictly as UTF-8 or GB18030, and is mostly CJK, ASCII and punctuation.
     */
    static boolean looksLikeChineseText(Path file) {
        byte[] head;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            head = in.readNBytes(64 * 1024);
        } catch (IOException e) {
            return false;
        }
        if (head.length == 0) {
            return false;
        }
        for (byte b : head) {
            int u = b & 0xff;
            if (u < 0x09 || (u > 0x0d && u < 0x20 && u != 0x1b) || u == 0x7f) {
                return false;
            }
        }
        for (java.nio.charset.Charset cs : new java.nio.charset.Charset[] {java.nio.charset.StandardCharsets.UTF_8,
            java.nio.charset.Charset.forName("GB18030")}) {
            String text = strictDecode(head, cs);
            if (text != null && plausible(text)) {
                return true;
            }
        }
        return false;
    }

    private static String strictDecode(byte[] head, java.nio.charset.Charset cs) {
        java.nio.charset.CharsetDecoder d = cs.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(head);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(head.length + 16);
        java.nio.charset.CoderResult r = d.decode(in, out, true);
        // a multi-byte character cut by the 64 KB window is fine; anything else malformed is not text
        if (r.isError() && in.remaining() > 4) {
            return null;
        }
        out.flip();
        return out.toString();
    }

    private static boolean plausible(String t) {
        int good = 0;
        int cjk = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            Character.UnicodeScript sc = Character.UnicodeScript.of(c);
            if (sc == Character.UnicodeScript.HAN) {
                cjk++;
                good++;
            } else if ((c >= 0x20 && c < 0x7f) || Character.isWhitespace(c) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef)
                    || Character.getType(c) == Character.OTHER_PUNCTUATION) {
                good++;
            }
        }
        return good >= t.length() * 0.95 && (cjk > 0 || good == t.length());
    }

    private static boolean isOfd(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry e = zip.getEntry("OFD.xml");
            return e != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
