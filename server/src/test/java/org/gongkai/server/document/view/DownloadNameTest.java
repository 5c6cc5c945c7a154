package org.gongkai.server.document.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The names and types an original is downloaded under: nothing a hostile file name holds reaches the header unescaped. */
class DownloadNameTest {

    @Test
    void a_chinese_name_is_sent_in_rfc_5987_form_with_a_plain_ascii_fallback() {
        String cd = DownloadName.attachment("关于 2022 年“三公”经费的通知.pdf", "document-6f0c1a2b");
        assertTrue(cd.startsWith("attachment; filename=\"document-6f0c1a2b.pdf\"; filename*=UTF-8''"), cd);
        String encoded = cd.substring(cd.indexOf("''") + 2);
        assertTrue(encoded.matches("[A-Za-z0-9!#$&+\\-.^_`|~%]+"), "only attr-chars and %XX: " + encoded);
        assertEquals("关于 2022 年“三公”经费的通知.pdf", URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8));
    }

    @Test
    void quotes_separators_and_line_breaks_in_a_name_never_reach_the_header_as_such() {
        String cd = DownloadName.attachment("report\"; filename=evil.html\r\nX-Injected: 1.pdf", "document-1");
        String header = cd.substring(0, cd.indexOf("; filename*="));
        assertEquals(2, header.chars().filter(c -> c == '"').count(), "the fallback is one quoted string: " + cd);
        assertFalse(cd.contains("\r") || cd.contains("\n"), cd);
        assertFalse(cd.substring(cd.indexOf("filename*=")).contains(";"), cd);
    }

    @Test
    void the_extension_follows_what_the_file_is_not_what_it_was_called() {
        assertEquals("通知.html.pdf", DownloadName.fileName("通知.html", "application/pdf"));
        assertEquals("通知.PDF", DownloadName.fileName("通知.PDF", "application/pdf"));
        assertEquals("草稿.doc", DownloadName.fileName("草稿", "application/msword"));
        assertEquals("发票.ofd", DownloadName.fileName("发票.ofd", "application/ofd"));
        assertEquals("x.svg.bin", DownloadName.fileName("x.svg", "image/svg+xml"));
        assertEquals("application/octet-stream", DownloadName.contentType("text/html"));
        assertEquals("application/pdf", DownloadName.contentType("application/pdf"));
    }
}
