package org.gongkai.server.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/** Realistic benchmark inputs: a multi-page 公文 as DOCX and PDF, and a large body of Chinese text. */
final class BenchDocuments {
    private static final String[] SENTENCES = {
        "为深入贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署，进一步提升政务公开标准化规范化水平，",
        "各乡镇人民政府、县政府各部门要高度重视，明确分管领导和具体经办人员，确保各项任务落到实处。",
        "对涉及群众切身利益的重大决策，应当通过召开座谈会、听证会等方式广泛听取意见。",
        "县财政局负责统筹安排项目资金，加强资金监管，严禁截留、挤占、挪用项目资金。",
        "申请人张某某，身份证号码500105195803124428，联系电话13912345678，住址江北区观音桥街道建新北路25号3单元502室。",
        "本项目采用公开招标方式确定中标单位，中标金额为人民币壹佰贰拾万元整。",
        "联系电话：023-67881234（县政务服务中心），监督电话：023-67885678。",
        "各单位要按照“谁制作、谁公开，谁获取、谁公开”的原则，做好政府信息公开属性源头认定工作。",
        "对不能确定是否可以公开的，应当依照法律、法规和国家有关规定报有关主管部门或者保密行政管理部门确定。",
        "会议认为，要进一步压实属地责任，做好矛盾纠纷排查化解工作，确保社会大局和谐稳定。",
    };

    private BenchDocuments() {
    }

    static String chineseText(int utf8Bytes) throws IOException {
        StringBuilder sb = new StringBuilder();
        Path seeds = Path.of(System.getProperty("gongkai.seeds", "../shared/seeds"));
        List<String> sources = new ArrayList<>();
        if (Files.isDirectory(seeds)) {
            try (var files = Files.list(seeds)) {
                for (Path p : files.sorted().toList()) {
                    sources.add(Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        Random r = new Random(7);
        while (sb.length() * 3 < utf8Bytes) {
            if (!sources.isEmpty() && r.nextInt(3) > 0) {
                sb.append(sources.get(r.nextInt(sources.size()))).append('\n');
            } else {
                for (int i = 0; i < 50; i++) {
                    sb.append(SENTENCES[r.nextInt(SENTENCES.length)]).append(i % 4 == 3 ? "\n" : "");
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    static Path docx(Path file, int pages) throws IOException {
        try (XWPFDocument d = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            d.createParagraph().createRun().setText("江北县人民政府办公室文件");
            d.createParagraph().createRun().setText("江北府办发〔2022〕37号");
            d.createParagraph().createRun().setText("江北县人民政府办公室关于印发政务公开工作要点的通知");
            Random r = new Random(1);
            for (int p = 0; p < pages; p++) {
                for (int i = 0; i < 12; i++) {
                    d.createParagraph().createRun().setText(SENTENCES[r.nextInt(SENTENCES.length)] + SENTENCES[r.nextInt(SENTENCES.length)]);
                }
                if (p % 4 == 0) {
                    XWPFTable t = d.createTable(6, 4);
                    for (int row = 0; row < 6; row++) {
                        for (int c = 0; c < 4; c++) {
                            t.getRow(row).getCell(c).setText(row == 0 ? new String[] {"序号", "姓名", "身份证号", "金额（元）"}[c] : "第" + row + "行第" + c + "列");
                        }
                    }
                }
                d.createParagraph().setPageBreak(true);
            }
            d.createParagraph().createRun().setText("江北县人民政府办公室");
            d.createParagraph().createRun().setText("2022年6月15日");
            d.createParagraph().createRun().setText("（此件公开发布）");
            d.write(out);
        }
        return file;
    }

    static Path pdf(Path file, int pages) throws IOException {
        Path ttc = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
        try (PDDocument doc = new PDDocument(); TrueTypeCollection coll = new TrueTypeCollection(ttc.toFile())) {
            PDType0Font font = PDType0Font.load(doc, coll.getFontByName("WenQuanYiMicroHei"), true);
            Random r = new Random(2);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 14);
                    cs.setLeading(22);
                    cs.newLineAtOffset(70, 770);
                    for (int line = 0; line < 30; line++) {
                        String s = SENTENCES[r.nextInt(SENTENCES.length)];
                        cs.showText(s.substring(0, Math.min(s.length(), 30)));
                        cs.newLine();
                    }
                    cs.endText();
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }
}
