package org.gongkai.server.document.view;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a stored original is handed out: a content type from a short list of document types (anything else is
 * {@code application/octet-stream}), and a {@code Content-Disposition: attachment} whose file name cannot do harm —
 * an ASCII fallback without quotes, separators or control characters, the real (Chinese) name in RFC 5987
 * {@code filename*=UTF-8''…}, and an extension that matches what the file is (a PDF uploaded as {@code 通知.html} is
 * downloaded as {@code 通知.html.pdf}, so no browser or desktop opens it as a web page).
 */
public final class DownloadName {
    /** Content type → extensions it may carry (the first is appended when the name has none of them). */
    private static final Map<String, Set<String>> TYPES = Map.ofEntries(
            Map.entry("application/pdf", Set.of("pdf")),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Set.of("docx")),
            Map.entry("application/msword", Set.of("doc", "dot")),
            Map.entry("application/vnd.ms-word", Set.of("doc")),
            Map.entry("application/x-tika-msoffice", Set.of("doc")),
            Map.entry("application/kswps", Set.of("wps")),
            Map.entry("application/wps-office.wps", Set.of("wps")),
            Map.entry("application/ofd", Set.of("ofd")),
            Map.entry("application/rtf", Set.of("rtf")),
            Map.entry("text/rtf", Set.of("rtf")),
            Map.entry("application/vnd.oasis.opendocument.text", Set.of("odt")),
            Map.entry("text/plain", Set.of("txt")),
            Map.entry("text/csv", Set.of("csv")),
            Map.entry("text/markdown", Set.of("md")),
            Map.entry("image/png", Set.of("png")),
            Map.entry("image/jpeg", Set.of("jpg", "jpeg")),
            Map.entry("image/tiff", Set.of("tif", "tiff")),
            Map.entry("image/bmp", Set.of("bmp")));
    private static final Map<String, String> FIRST = Map.ofEntries(Map.entry("application/msword", "doc"), Map.entry("image/jpeg", "jpg"),
            Map.entry("image/tiff", "tif"));
    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private DownloadName() {
    }

    /** The content type to send: the stored type when it is a known document type, else application/octet-stream. */
    public static String contentType(String mediaType) {
        return mediaType != null && TYPES.containsKey(mediaType) ? mediaType : "application/octet-stream";
    }

    /** The file name with an extension that fits the media type. */
    public static String fileName(String stored, String mediaType) {
        String name = stored == null || stored.isBlank() ? "document" : stored.strip();
        Set<String> ext = mediaType == null ? null : TYPES.get(mediaType);
        if (ext == null) {
            return name.toLowerCase(Locale.ROOT).endsWith(".bin") ? name : name + ".bin";
        }
        int dot = name.lastIndexOf('.');
        String have = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return ext.contains(have) ? name : name + "." + FIRST.getOrDefault(mediaType, ext.iterator().next());
    }

    /** {@code attachment; filename="ascii"; filename*=UTF-8''percent-encoded} for a name. */
    public static String attachment(String name, String fallbackBase) {
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        // a mostly Chinese name has no useful ASCII form: the fallback is then a plain name with the real extension
        long letters = base.chars().filter(c -> c < 0x7f && Character.isLetterOrDigit(c)).count();
        long foreign = base.chars().filter(c -> c >= 0x7f).count();
        boolean readable = letters >= 3 && foreign * 4 <= base.length();
        String fallback = ascii(readable ? base : fallbackBase) + ascii(ext);
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encode(name);
    }

    /** Printable ASCII without quotes, backslashes, slashes, semicolons or percent signs; anything else becomes '_'. */
    private static String ascii(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '/' && c != ';' && c != '%';
            b.append(ok ? c : '_');
        }
        return b.toString();
    }

    /** RFC 5987 value-chars: attr-char as is, every other byte of the UTF-8 form as %XX. */
    static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ATTR_CHARS.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }
}
