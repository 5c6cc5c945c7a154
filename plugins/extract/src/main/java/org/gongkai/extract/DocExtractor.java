package org.gongkai.extract;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.poi.hpsf.DocumentSummaryInformation;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.extractor.WordExtractor;
import org.apache.poi.hwpf.usermodel.CharacterRun;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.Extractor;
import org.gongkai.spi.Part;
import org.gongkai.spi.PluginConfig;

/**
 * Word 97–2003 (.doc) and Kingsoft WPS Writer files (.wps, the same binary format) via POI HWPF: body
 * paragraphs with revision-marked and hidden runs kept apart, table cells, headers/footers and comments as
 * POI exposes them, and the summary information (author, company).
 */
public final class DocExtractor implements Extractor {

    @Override
    public String name() {
        return "doc";
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("application/msword", "application/vnd.ms-word", "application/x-tika-msoffice", "application/kswps", "application/wps-office.wps");
    }

    @Override
    public void configure(PluginConfig config) {
        Failures.configurePoi(config.getDouble("minInflateRatio", 0.01));
    }

    @Override
    public DocumentText extract(Path file, String mediaType, ExtractionLimits limits) throws ExtractionException {
        BlockSink sink = new BlockSink(limits.maxChars());
        try (InputStream in = Files.newInputStream(file); POIFSFileSystem fs = new POIFSFileSystem(in)) {
            if (fs.getRoot().hasEntry("EncryptionInfo")) {
                throw Failures.encrypted("Word document");
            }
            if (!fs.getRoot().hasEntry("WordDocument")) {
                throw new ExtractionException(ExtractionException.Reason.UNSUPPORTED, "不是 Word 文档（OLE2 容器中没有 WordDocument），无法检查 / not a Word document");
            }
            try (HWPFDocument doc = new HWPFDocument(fs)) {
                body(doc, sink);
                try (WordExtractor we = new WordExtractor(doc)) {
                    for (String c : we.getCommentsText()) {
                        sink.add(Part.COMMENT, c.strip(), null, "批注");
                    }
                    sink.add(Part.HEADER, clean(we.getHeaderText()), null, "页眉");
                    sink.add(Part.FOOTER, clean(we.getFooterText()), null, "页脚");
                    for (String f : we.getFootnoteText()) {
                        sink.add(Part.BODY, clean(f), null, "脚注");
                    }
                }
                summary(doc.getSummaryInformation(), doc.getDocumentSummaryInformation(), sink);
            }
        } catch (ExtractionException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw Failures.of(e, "Word document");
        }
        return new DocumentText(sink.blocks(), sink.gaps(), Map.of("extractor", name(), "mediaType", mediaType), 0);
    }

    private static void body(HWPFDocument doc, BlockSink sink) throws ExtractionException {
        Range range = doc.getRange();
        int table = 0;
        boolean inTable = false;
        int row = 0;
        int col = 0;
        for (int i = 0; i < range.numParagraphs(); i++) {
            if (i % 256 == 0) {
                BlockSink.checkInterrupted();
            }
            Paragraph p = range.getParagraph(i);
            StringBuilder visible = new StringBuilder();
            StringBuilder deleted = new StringBuilder();
            StringBuilder inserted = new StringBuilder();
            StringBuilder hidden = new StringBuilder();
            for (int r = 0; r < p.numCharacterRuns(); r++) {
                CharacterRun run = p.getCharacterRun(r);
                String t = clean(run.text());
                if (run.isMarkedDeleted()) {
                    deleted.append(t);
                } else if (run.isVanished() || run.isFldVanished()) {
                    hidden.append(t);
                } else {
                    visible.append(t);
                    if (run.isMarkedInserted()) {
                        inserted.append(t);
                    }
                }
            }
            if (p.isInTable()) {
                if (!inTable) {
                    table++;
                    row = 1;
                    col = 0;
                    inTable = true;
                }
                if (p.isTableRowEnd()) {
                    row++;
                    col = 0;
                } else {
                    col++;
                    sink.add(Part.TABLE, visible.toString(), null, "表格" + table + " 第" + row + "行第" + col + "列");
                }
            } else {
                inTable = false;
                sink.add(Part.BODY, visible.toString(), null, "");
            }
            sink.add(Part.TRACKED_INSERTION, inserted.toString(), null, "修订：插入");
            sink.add(Part.TRACKED_DELETION, deleted.toString(), null, "修订：删除");
            sink.add(Part.HIDDEN, hidden.toString(), null, "隐藏文字");
        }
    }

    /** Word's control characters (cell marks, field marks, page breaks) out of the text. */
    private static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == 0x0b || c == 0x0c) {
                sb.append('\n');
            } else if (c == 0x07 || c == 0x13 || c == 0x14 || c == 0x15 || c == 0x01 || c == 0x08 || c < 0x09) {
                continue;
            } else {
                sb.append(c);
            }
        }
        return sb.toString().strip();
    }

    private static void summary(SummaryInformation si, DocumentSummaryInformation dsi, BlockSink sink) throws ExtractionException {
        if (si != null) {
            sink.add(Part.METADATA, si.getAuthor(), null, "Author 作者");
            sink.add(Part.METADATA, si.getLastAuthor(), null, "LastAuthor 最后修改者");
            sink.add(Part.METADATA, si.getTitle(), null, "Title 标题");
            sink.add(Part.METADATA, si.getSubject(), null, "Subject 主题");
            sink.add(Part.METADATA, si.getKeywords(), null, "Keywords 关键词");
            sink.add(Part.METADATA, si.getComments(), null, "Comments 备注");
        }
        if (dsi != null) {
            sink.add(Part.METADATA, dsi.getCompany(), null, "Company 单位");
            sink.add(Part.METADATA, dsi.getManager(), null, "Manager 经理");
        }
    }
}
