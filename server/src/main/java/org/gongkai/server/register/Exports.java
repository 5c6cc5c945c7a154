package org.gongkai.server.register;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Tables to XLSX (Apache POI; one sheet per table, headings bold, borders as in a printed 年度报告) and to CSV
 * (UTF-8 with BOM so spreadsheet programs read the Chinese, formulas defused).
 */
public final class Exports {
    private Exports() {
    }

    public static byte[] xlsx(List<Table> tables) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            border(head);
            CellStyle cell = wb.createCellStyle();
            border(cell);
            cell.setWrapText(true);
            CellStyle title = wb.createCellStyle();
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title.setFont(big);
            int n = 0;
            for (Table t : tables) {
                Sheet s = wb.createSheet(sheetName(++n, t.title()));
                int r = 0;
                s.createRow(r++).createCell(0).setCellValue(t.title());
                s.getRow(0).getCell(0).setCellStyle(title);
                if (t.note() != null && !t.note().isBlank()) {
                    s.createRow(r++).createCell(0).setCellValue(t.note());
                }
                r++;
                Row h = s.createRow(r++);
                for (int c = 0; c < t.columns().size(); c++) {
                    Cell x = h.createCell(c);
                    x.setCellValue(t.columns().get(c));
                    x.setCellStyle(head);
                }
                for (List<Object> row : t.rows()) {
                    Row xr = s.createRow(r++);
                    for (int c = 0; c < row.size(); c++) {
                        Cell x = xr.createCell(c);
                        Object v = row.get(c);
                        if (v instanceof Number num) {
                            x.setCellValue(num.doubleValue());
                        } else {
                            x.setCellValue(v == null ? "" : v.toString());
                        }
                        x.setCellStyle(cell);
                    }
                }
                for (int c = 0; c < t.columns().size(); c++) {
                    s.setColumnWidth(c, Math.min(60, Math.max(10, width(t, c))) * 256);
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String csv(List<Table> tables) {
        StringBuilder b = new StringBuilder("\uFEFF");
        for (Table t : tables) {
            b.append(cell(t.title())).append("\r\n");
            b.append(String.join(",", t.columns().stream().map(Exports::cell).toList())).append("\r\n");
            for (List<Object> row : t.rows()) {
                b.append(String.join(",", row.stream().map(v -> cell(v == null ? "" : v.toString())).toList())).append("\r\n");
            }
            b.append("\r\n");
        }
        return b.toString();
    }

    /** Quotes a CSV cell when needed, and defuses spreadsheet formulas (a leading = + - @). */
    static String cell(String v) {
        String s = v == null ? "" : v;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private static int width(Table t, int c) {
        int w = t.columns().get(c).length() * 2 + 2;
        for (List<Object> row : t.rows()) {
            if (c < row.size() && row.get(c) != null) {
                String s = row.get(c).toString();
                int cjk = (int) s.codePoints().filter(cp -> cp > 0x2E80).count();
                w = Math.max(w, s.length() + cjk + 2);
            }
        }
        return w;
    }

    private static void border(CellStyle s) {
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
    }

    /** Sheet names: at most 31 characters, none of []:*?/\ . */
    private static String sheetName(int n, String title) {
        String s = (n + " " + title).replaceAll("[\\[\\]:*?/\\\\]", " ");
        return s.length() > 31 ? s.substring(0, 31) : s;
    }
}
