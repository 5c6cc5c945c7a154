package org.gongkai.extract;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.hpsf.CustomProperties;
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
 * paragraphs with revision-marked and hidden runs kept apart, field codes left out (their results kept), table
 * cells one block each however many paragraphs they hold, headers/footers and comments as POI exposes them
 * (comments after the body: HWPF does not say which paragraph a comment belongs to), and the summary
 * information (author, company, custom properties).
 */
public final class DocExtractor implements Extractor {
    /** What Tika calls an OLE2 file protected by DRM/IRM (a {@code \u0006DataSpaces} storage with a DRM data space). */
    static final String DRM = "application/x-tika-ole-drm-encrypted";
    private EmbeddedReader embedded = new EmbeddedReader(null);
    private long ocrBudgetMillis = 40_000;

    public DocExtractor() {
    }

    /** For documents embedded in others: shares the container's reader of embedded objects (and its OCR). */
    DocExtractor(EmbeddedReader embedded) {
        this.embedded = embedded;
    }

    @Override
    public String name() {
        return "doc";
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("application/msword", "application/vnd.ms-word", "application/x-tika-msoffice", "application/kswps", "application/wps-office.wps", DRM);
    }

    @Override
    public void configure(PluginConfig config) {
        Failures.configurePoi(config.getDouble("minInflateRatio", 0.01));
        embedded = new EmbeddedReader(Ocr.probe(config.get("tesseract", "tesseract"), config.getInt("ocrTimeoutSeconds", 120)));
        ocrBudgetMillis = config.getInt("ocrBudgetSeconds", 40) * 1000L;
    }

    @Override
    public DocumentText extract(Path file, String mediaType, ExtractionLimits limits) throws ExtractionException {
        Images images = new Images(embedded.ocr(), limits.ocrEnabled(), ocrBudgetMillis);
        DocumentText t = extract(file, mediaType, limits, images);
        String inventory = images.property();
        return inventory == null ? t : t.withProperty("images", inventory);
    }

    /** Extraction sharing the container's pictures (one OCR budget, each picture once). */
    DocumentText extract(Path file, String mediaType, ExtractionLimits limits, Images images) throws ExtractionException {
        Failures.requireContent(file, "Word document");
        if (mediaType.equals(DRM)) {
            throw Failures.rightsProtected("Word document");
        }
        BlockSink sink = new BlockSink(limits.maxChars());
        Path work = WorkFolder.create("doc-");
        try (InputStream in = Files.newInputStream(file); POIFSFileSystem fs = new POIFSFileSystem(in)) {
            if (fs.getRoot().hasEntry("\u0006DataSpaces")) {
                throw Failures.rightsProtected("Word document");
            }
            if (fs.getRoot().hasEntry("EncryptionInfo")) {
                throw Failures.encrypted("Word document");
            }
            if (!fs.getRoot().hasEntry("WordDocument")) {
                throw new ExtractionException(ExtractionException.Reason.UNSUPPORTED, "不是 Word 文档（OLE2 容器中没有 WordDocument），无法检查 / not a Word document");
            }
            try (HWPFDocument doc = new HWPFDocument(fs)) {
                // read the properties first: closing the WordExtractor below closes the document with them
                SummaryInformation si = doc.getSummaryInformation();
                DocumentSummaryInformation dsi = doc.getDocumentSummaryInformation();
                body(doc, sink);
                DocObjects.read(doc, fs, sink, limits, images, embedded, work);
                try (WordExtractor we = new WordExtractor(doc)) {
                    for (String c : we.getCommentsText()) {
                        sink.add(Part.COMMENT, c.strip(), null, "批注");
                    }
                    sink.add(Part.HEADER, clean(we.getHeaderText()), null, "页眉");
                    sink.add(Part.FOOTER, clean(we.getFooterText()), null, "页脚");
                    for (String f : we.getFootnoteText()) {
                        sink.add(Part.BODY, clean(f), null, "脚注");
                    }
                    for (String f : we.getEndnoteText()) {
                        sink.add(Part.BODY, clean(f), null, "尾注");
                    }
                    for (String f : we.getMainTextboxText()) {
                        sink.add(Part.BODY, clean(f), null, "文本框");
                    }
                }
                summary(si, dsi, sink);
            }
        } catch (ExtractionException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw Failures.of(e, "Word document");
        } finally {
            SafeZip.deleteTree(work);
        }
        return new DocumentText(sink.blocks(), sink.gaps(), Map.of("extractor", name(), "mediaType", mediaType), 0);
    }

    private static void body(HWPFDocument doc, BlockSink sink) throws ExtractionException {
        Range range = doc.getRange();
        int table = 0;
        boolean inTable = false;
        int row = 0;
        int col = 0;
        StringBuilder cell = null; // the table cell being read: its paragraphs joined by '\n'
        List<String[]> pending = new ArrayList<>(); // hidden pieces of the cell's paragraphs, written after the cell
        Fields fields = new Fields();
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
                String t = controls(run.text(), fields);
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
            if (fields.inCode > 0) {
                // a field code never spans paragraphs: an unterminated one must not swallow the rest of the text
                fields.code.clear();
                fields.inCode = 0;
            }
            List<String[]> pieces = new ArrayList<>(List.of(new String[] {Part.TRACKED_INSERTION.name(), inserted.toString().strip(), "修订：插入"},
                    new String[] {Part.TRACKED_DELETION.name(), deleted.toString().strip(), "修订：删除"},
                    new String[] {Part.HIDDEN.name(), hidden.toString().strip(), "隐藏文字"}));
            for (String code : fields.codes.toString().split("\u0000")) {
                WordFields.Code fc = WordFields.of(code);
                if (fc != null) {
                    pieces.add(new String[] {Part.METADATA.name(), fc.text(), "域代码 " + fc.type()});
                }
            }
            fields.codes.setLength(0);
            if (p.isInTable()) {
                if (!inTable) {
                    table++;
                    row = 1;
                    col = 0;
                    inTable = true;
                }
                if (p.isTableRowEnd()) {
                    if (p.getTableLevel() <= 1) {
                        row++;
                        col = 0;
                    }
                } else {
                    // a cell holds one or more paragraphs; only the last ends with the cell mark (0x07)
                    if (cell == null) {
                        cell = new StringBuilder();
                    } else {
                        cell.append('\n');
                    }
                    cell.append(visible.toString().strip());
                    pending.addAll(pieces);
                    if (p.text().endsWith("\u0007")) {
                        col++;
                        sink.add(Part.TABLE, cell.toString().strip(), null, "表格" + table + " 第" + row + "行第" + col + "列");
                        cell = null;
                        write(pending, sink);
                        pending.clear();
                    }
                    continue;
                }
            } else {
                if (cell != null) {
                    sink.add(Part.TABLE, cell.toString().strip(), null, "表格" + table + " 第" + row + "行第" + (col + 1) + "列");
                    cell = null;
                    write(pending, sink);
                    pending.clear();
                }
                inTable = false;
                sink.add(Part.BODY, visible.toString().strip(), null, "");
            }
            write(pieces, sink);
        }
        if (cell != null) {
            sink.add(Part.TABLE, cell.toString().strip(), null, "表格" + table + " 第" + row + "行第" + (col + 1) + "列");
            write(pending, sink);
        }
    }

    private static void write(List<String[]> pieces, BlockSink sink) throws ExtractionException {
        for (String[] x : pieces) {
            sink.add(Part.valueOf(x[0]), x[1], null, x[2]);
        }
    }

    /** Word's control characters out of the text, stripped. */
    private static String clean(String s) {
        return controls(s, new Fields()).strip();
    }

    /**
     * Where the text stands in Word fields: 0x13 starts a field's code (e.g. {@code HYPERLINK "…"}, {@code PAGE}),
     * 0x14 separates it from the result the reader sees, 0x15 ends the field. Fields nest.
     */
    private static final class Fields {
        final Deque<Boolean> code = new ArrayDeque<>();
        int inCode;
        /** Field codes read in the paragraph so far, for {@link WordFields}. */
        final StringBuilder codes = new StringBuilder();
    }

    /**
     * Word's control characters (cell marks, field marks, page breaks) and field codes out of the text; paragraph
     * and line breaks as '\n'.
     */
    private static String controls(String s, Fields f) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0x13) {
                f.code.push(Boolean.TRUE);
                f.inCode++;
            } else if (c == 0x14) {
                f.codes.append('\u0000');
                if (!f.code.isEmpty() && f.code.peek()) {
                    f.code.pop();
                    f.code.push(Boolean.FALSE);
                    f.inCode--;
                }
            } else if (c == 0x15) {
                if (!f.code.isEmpty() && f.code.pop()) {
                    f.inCode--;
                    f.codes.append('\u0000');
                }
            } else if (f.inCode > 0) {
                if (f.inCode == 1) {
                    f.codes.append(c);
                }
                continue;
            } else if (c == '\r' || c == 0x0b || c == 0x0c) {
                sb.append('\n');
            } else if (c == 0x07 || c == 0x13 || c == 0x14 || c == 0x15 || c == 0x01 || c == 0x08 || c < 0x09) {
                continue;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
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
            CustomProperties custom = dsi.getCustomProperties();
            if (custom != null) {
                for (var e : custom.entrySet()) {
                    if (e.getValue() instanceof String v) {
                        sink.add(Part.METADATA, v.strip(), null, "custom:" + e.getKey() + " 自定义属性");
                    }
                }
            }
        }
    }
}
