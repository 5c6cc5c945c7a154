package org.gongkai.server.register;

import java.util.List;

/**
 * A table as the office exports it: a title, a note on where the figures come from, column headings and rows of
 * cells (text or numbers). The same value is shown on the page, written to XLSX and to CSV.
 */
public record Table(String title, String note, List<String> columns, List<List<Object>> rows) {
}
