package org.gongkai.extract;

import static org.gongkai.extract.Docx.esc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/**
 * Writes {@code fixtures/gongwen-pdf/}: one 公文 with a real 版头 (GB/T 9704-2012: 份号, 密级★期限 and 紧急程度 at top left,
 * the red 发文机关标志 in a large font, the 发文字号 below it, the red rule, title, 主送, body, 署名, date, 附注) as DOCX in
 * four layouts, each converted to PDF by LibreOffice:
 * <ul>
 *   <li>{@code word} — paragraphs with automatic line spacing, as Word's templates make it;</li>
 *   <li>{@code word-spaced} — the same with the 发文机关标志 letter-spaced;</li>
 *   <li>{@code wps} — every paragraph on the fixed 28.95 pt line grid of WPS templates, so the 42 pt letter-spaced
 *       发文机关标志 overflows its line into the 发文字号's;</li>
 *   <li>{@code wps-table} — the 版头 lines in a borderless table, as some WPS templates set them.</li>
 * </ul>
 * <pre>
 * java -cp plugins/extract/target/test-classes:plugins/extract/target/classes:$(cat /tmp/cp) org.gongkai.extract.GongwenPdfs fixtures/gongwen-pdf
 * </pre>
 */
public final class GongwenPdfs {
    static final String COPY = "000123";
    static final String MARK = "机密★1年";
    static final String URGENCY = "特急";
    static final String ISSUER_MARK = "江北市人民政府文件";
    static final String NUMBER = "江北府发〔2024〕12号";
    static final String TITLE = "江北市人民政府关于做好2024年防汛工作的通知";
    static final String ISSUER = "江北市人民政府";
    static final String DATE = "2024年5月20日";
    static final String ANNOTATION = "（此件公开发布）";

    private GongwenPdfs() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "fixtures/gongwen-pdf"));
        for (String layout : new String[] {"word", "word-spaced", "wps", "wps-table"}) {
            Path docx = Docx.create().body(body(layout)).write(out.resolve("banner-" + layout + ".docx"));
            convert(docx, out);
        }
    }

    static String body(String layout) {
        boolean wps = layout.startsWith("wps");
        String grid = wps ? "<w:spacing w:line=\"579\" w:lineRule=\"exact\"/>" : "";
        int spacing = layout.equals("word") ? 0 : layout.equals("word-spaced") ? 240 : 160;
        StringBuilder b = new StringBuilder();
        String[] top = {COPY, MARK, URGENCY};
        String banner = para(grid + "<w:jc w:val=\"center\"/>", run(ISSUER_MARK, "方正小标宋简体", wps ? 84 : 96, "FF0000", spacing, true));
        String number = para(grid + "<w:jc w:val=\"center\"/><w:pBdr><w:bottom w:val=\"single\" w:sz=\"24\" w:space=\"4\" w:color=\"FF0000\"/></w:pBdr>",
                run(NUMBER, "仿宋_GB2312", 32, null, 0, false));
        if (layout.equals("wps-table")) {
            StringBuilder rows = new StringBuilder();
            for (String t : top) {
                rows.append("<w:tr><w:tc><w:tcPr><w:tcW w:w=\"8800\" w:type=\"dxa\"/></w:tcPr>").append(para(grid, run(t, "黑体", 32, null, 0, false)))
                        .append("</w:tc></w:tr>");
            }
            b.append("<w:tbl><w:tblPr><w:tblW w:w=\"8800\" w:type=\"dxa\"/><w:tblBorders><w:top w:val=\"nil\"/><w:bottom w:val=\"nil\"/>"
                    + "<w:insideH w:val=\"nil\"/></w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w=\"8800\"/></w:tblGrid>").append(rows).append("</w:tbl>");
        } else {
            for (String t : top) {
                b.append(para(grid, run(t, "黑体", 32, null, 0, false)));
            }
        }
        b.append(para(grid, "")).append(banner).append(para(grid, "")).append(number).append(para(grid, ""));
        b.append(para(grid + "<w:jc w:val=\"center\"/>", run(TITLE, "方正小标宋简体", 44, null, 0, false)));
        b.append(para(grid, ""));
        b.append(para(grid, run("各区县人民政府，市政府各部门：", "仿宋_GB2312", 32, null, 0, false)));
        for (String t : new String[] {"现将2024年防汛工作有关事项通知如下，请认真贯彻落实。", "一、加强值守。汛期实行24小时值班和领导带班制度。",
            "二、及时报告。发现险情立即向市防汛抗旱指挥部办公室报告。"}) {
            b.append(para(grid + "<w:ind w:firstLine=\"640\"/>", run(t, "仿宋_GB2312", 32, null, 0, false)));
        }
        b.append(para(grid, "")).append(para(grid + "<w:jc w:val=\"right\"/><w:ind w:right=\"1280\"/>", run(ISSUER, "仿宋_GB2312", 32, null, 0, false)));
        b.append(para(grid + "<w:jc w:val=\"right\"/><w:ind w:right=\"1280\"/>", run(DATE, "仿宋_GB2312", 32, null, 0, false)));
        b.append(para(grid + "<w:ind w:firstLine=\"640\"/>", run(ANNOTATION, "仿宋_GB2312", 32, null, 0, false)));
        return b.toString();
    }

    private static String para(String pPr, String runs) {
        return "<w:p><w:pPr>" + pPr + "</w:pPr>" + runs + "</w:p>";
    }

    /** A run: font, size in half-points, colour, letter spacing in twentieths of a point, bold. */
    private static String run(String text, String font, int halfPoints, String color, int spacing, boolean bold) {
        return "<w:r><w:rPr><w:rFonts w:ascii=\"" + font + "\" w:eastAsia=\"" + font + "\" w:hAnsi=\"" + font + "\"/>" + (bold ? "<w:b/>" : "")
                + (color == null ? "" : "<w:color w:val=\"" + color + "\"/>") + (spacing == 0 ? "" : "<w:spacing w:val=\"" + spacing + "\"/>")
                + "<w:sz w:val=\"" + halfPoints + "\"/><w:szCs w:val=\"" + halfPoints + "\"/></w:rPr><w:t xml:space=\"preserve\">" + esc(text) + "</w:t></w:r>";
    }

    private static void convert(Path docx, Path out) throws IOException, InterruptedException {
        Path tmp = Files.createTempDirectory("gw-pdf");
        Process p = new ProcessBuilder("soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp.toString(), docx.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("soffice failed on " + docx);
        }
        String name = docx.getFileName().toString().replace(".docx", ".pdf");
        Files.move(tmp.resolve(name), out.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        Files.delete(tmp);
    }
}
