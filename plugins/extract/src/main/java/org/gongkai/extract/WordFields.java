package org.gongkai.extract;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word field codes ({@code HYPERLINK "…"}, {@code INCLUDETEXT "…"}, {@code MERGEFIELD …}): the reader sees a field's
 * result, the code travels with the file. Codes without free text of their own (page numbers, dates, references,
 * tables of contents) are left out; for the rest, the quoted arguments (a link, a path, a tip) one a line, else the
 * code after its name.
 */
final class WordFields {
    private static final Set<String> WITHOUT_TEXT = Set.of("PAGE", "NUMPAGES", "SECTIONPAGES", "SECTION", "DATE", "TIME", "CREATEDATE",
            "SAVEDATE", "PRINTDATE", "EDITTIME", "SEQ", "TOC", "TOA", "INDEX", "PAGEREF", "REF", "NOTEREF", "STYLEREF", "EQ", "FORMTEXT",
            "FORMCHECKBOX", "FORMDROPDOWN", "AUTONUM", "AUTONUMLGL", "AUTONUMOUT", "LISTNUM", "SYMBOL", "SHAPE", "EMBED", "XE", "TC", "=");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    /** A field's type and the text its code carries. */
    record Code(String type, String text) {
    }

    private WordFields() {
    }

    /** The text a field code carries, or {@code null} when it carries none worth reading. */
    static Code of(String code) {
        String c = code == null ? "" : code.strip();
        if (c.isEmpty()) {
            return null;
        }
        String type = c.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        if (WITHOUT_TEXT.contains(type) || type.startsWith("=")) {
            return null;
        }
        Matcher m = QUOTED.matcher(c);
        StringBuilder args = new StringBuilder();
        while (m.find()) {
            if (!m.group(1).isBlank()) {
                args.append(args.length() > 0 ? "\n" : "").append(m.group(1).strip());
            }
        }
        String text = args.length() > 0 ? args.toString() : c.substring(Math.min(c.length(), type.length())).strip();
        return text.isEmpty() ? null : new Code(type, text);
    }
}
