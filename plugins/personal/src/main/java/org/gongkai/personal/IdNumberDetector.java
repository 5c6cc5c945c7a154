package org.gongkai.personal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.spi.Block;
import org.gongkai.spi.Category;
import org.gongkai.spi.DetectionContext;
import org.gongkai.spi.Detector;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.Finding;
import org.gongkai.spi.NormalizedText;
import org.gongkai.spi.Severity;

/**
 * 居民身份证号码: 18-character numbers with a valid check character, real province and real birth date, and
 * 15-digit legacy numbers (real area and date) with 身份证 context: an ID label within 20 characters before, or a
 * table column headed 身份证号/证件号码/公民身份号码 — a DOCX cell under such a header, or a row of a PDF/text table
 * whose header line names such a column. Masked forms ("500105********4428") do not match (the mask
 * breaks the digit run); a number failing the checksum is not an ID, nor is a number labelled as another
 * identifier (统一社会信用代码, 合同编号, 案件编号 …) even when its digits pass the check. Works on the normalised
 * text, so full-width digits and numbers wrapped inside a table cell are found.
 */
public final class IdNumberDetector implements Detector {
    static final String BASIS = "《政府信息公开条例》第十五条（个人隐私）；《个人信息保护法》第二十八条（敏感个人信息）";
    private static final Pattern ID = Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[0-9Xx]|\\d{15})(?![0-9A-Za-z])");
    private static final Pattern ID_CONTEXT = Pattern.compile("身份证|公民身份号码|证件号|证件编号|身份号码|证号|居民身份|居留证");
    /**
     * Labels of identifiers that are no ID number even when the digits happen to pass the ID check: an
     * organisation's 统一社会信用代码, and order, case or contract numbers made of an area code, a date and a serial.
     */
    private static final Pattern OTHER_NUMBER = Pattern.compile("统一社会信用代码|社会信用代码|信用代码|纳税人识别号|税号|组织机构代码|注册号|登记号|"
            + "订单号|订单编号|合同号|合同编号|协议编号|项目编号|采购编号|招标编号|标段编号|案件编号|案号|立案号|批次编号|批次号|批号|流水号|单号|票号|"
            + "发票号码|凭证号|档案号|登记编号|许可证编号|许可证号|证书编号|备案号|文件编号");
    private static final Pattern CELL = Pattern.compile("表格(\\d+) 第(\\d+)行第(\\d+)列$");
    /** A header line of a text table: a serial or name column next to the ID column. */
    private static final Pattern TABLE_HEADER = Pattern.compile("序号|编号|姓名|户主|申请人");
    /** The start of a table row: its serial number. */
    private static final Pattern ROW_START = Pattern.compile("\\d{1,3}(?!\\d)");

    @Override
    public String name() {
        return "id-number";
    }

    @Override
    public Set<Category> categories() {
        return Set.of(Category.ID_NUMBER);
    }

    @Override
    public List<Finding> detect(DetectionContext ctx) {
        NormalizedText n = ctx.normalized();
        String t = n.text();
        List<Finding> out = new ArrayList<>();
        Set<String> idColumns = null;
        Matcher m = ID.matcher(t);
        while (m.find()) {
            String id = m.group(1).toUpperCase();
            String before = Context.before(t, m.start(), 20);
            String context = Context.find(ID_CONTEXT, before);
            if (labelledOther(t, m.start())) {
                continue;
            }
            if (context == null && id.length() == 15 && IdNumber.isValid15(id)) {
                if (idColumns == null) {
                    idColumns = idColumns(ctx.text());
                }
                context = column(n.blockAt(m.start()), idColumns);
                if (context == null) {
                    context = textTableColumn(t, m.start());
                }
            }
            if (id.length() == 18 && IdNumber.isValid18(id)) {
                out.add(Finding.at(ctx.normalized(), m.start(), m.end(), Category.ID_NUMBER, Severity.BLOCKER, context == null ? 0.97 : 0.99, BASIS,
                        "18位居民身份证号码，校验位正确，地区码 " + id.substring(0, 6) + "（" + IdNumber.province(id) + "），出生日期 "
                                + id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14)
                                + (context == null ? "" : "；上下文：" + context) + "。公开前须删除或遮盖（如 500105********4428）。", name()));
            } else if (id.length() == 15 && context != null && IdNumber.isValid15(id)) {
                out.add(Finding.at(ctx.normalized(), m.start(), m.end(), Category.ID_NUMBER, Severity.HIGH, 0.85, BASIS,
                        "15位（旧版）居民身份证号码，地区码 " + id.substring(0, 6) + "（" + IdNumber.PROVINCES.getOrDefault(id.substring(0, 2), "境外") + "），出生日期 19"
                                + id.substring(6, 8) + "-" + id.substring(8, 10) + "-" + id.substring(10, 12) + "；上下文：" + context + "。", name()));
            }
        }
        return out;
    }

    /** Columns (table/column) of DOCX/DOC tables whose header names an ID number. */
    private static Set<String> idColumns(DocumentText text) {
        Set<String> columns = new HashSet<>();
        for (Block b : text.blocks()) {
            Matcher m = CELL.matcher(b.source());
            String v = b.text().replaceAll("\\s", "");
            if (m.find() && v.length() <= 12 && ID_CONTEXT.matcher(v).find() && !OTHER_NUMBER.matcher(v).find()) {
                columns.add(m.group(1) + "/" + m.group(3));
            }
        }
        return columns;
    }

    /** "表格身份证号列" when {@code b} is a cell of an ID column. */
    private static String column(Block b, Set<String> idColumns) {
        if (b == null || idColumns.isEmpty()) {
            return null;
        }
        Matcher m = CELL.matcher(b.source());
        return m.find() && idColumns.contains(m.group(1) + "/" + m.group(3)) ? "表格身份证号列" : null;
    }

    /**
     * "表格身份证号列" when the number stands in a row of a text table (PDF) — a line starting with its serial
     * number — whose header line, at most 600 characters before, names an ID column next to a serial or name
     * column, with no sentence ending (。) between the header and the number: table rows, not prose.
     */
    private static String textTableColumn(String t, int start) {
        String before = t.substring(Math.max(0, start - 600), start);
        int own = before.lastIndexOf('\n') + 1;
        if (!ROW_START.matcher(before.substring(own)).lookingAt()) {
            return null; // the number's line is no table row starting with its serial number
        }
        int lineEnd = before.length();
        while (lineEnd > 0) {
            int lineStart = before.lastIndexOf('\n', lineEnd - 1) + 1;
            String line = before.substring(lineStart, lineEnd);
            if (line.indexOf('。') >= 0) {
                return null;
            }
            if (line.length() <= 60 && ID_CONTEXT.matcher(line).find() && TABLE_HEADER.matcher(line).find() && !OTHER_NUMBER.matcher(line).find()) {
                return "表格身份证号列";
            }
            lineEnd = lineStart - 1;
        }
        return null;
    }

    /**
     * True when the nearest label before the number on its line names another kind of identifier (信用代码,
     * 合同编号 …) and no ID label stands between that label and the number.
     */
    private static boolean labelledOther(String t, int start) {
        int lineStart = t.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
        String before = t.substring(Math.max(lineStart, start - 24), start);
        Matcher other = OTHER_NUMBER.matcher(before);
        int otherEnd = -1;
        while (other.find()) {
            otherEnd = other.end();
        }
        if (otherEnd < 0) {
            return false;
        }
        Matcher id = ID_CONTEXT.matcher(before);
        while (id.find()) {
            if (id.start() >= otherEnd) {
                return false;
            }
        }
        // the label must be this number's own: nothing but separators between them
        return before.substring(otherEnd).matches("[（(]?[:：\\s为是）)]*");
    }
}
