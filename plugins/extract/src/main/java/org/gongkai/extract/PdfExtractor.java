package org.gongkai.extract;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionGap;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.Extractor;
import org.gongkai.spi.Part;
import org.gongkai.spi.PluginConfig;

/**
 * PDF via PDFBox 3: the text of each page as one block with its page number, except that tables are rebuilt
 * from the glyph positions ({@link PdfTables}) as one {@link Part#TABLE} block per cell ("第2页 表格1 第3行第4列",
 * {@link PdfPageBlocks}), so that text wrapped inside a narrow cell is not interleaved with its neighbours'
 * lines; annotations as comments, the document information as metadata, embedded files as attachments. Pages
 * without a text layer are OCR'd when tesseract with chi_sim is installed, otherwise reported as gaps (the
 * document goes to manual review).
 */
public final class PdfExtractor implements Extractor {
    private Ocr ocr = Ocr.unavailable();
    private EmbeddedReader embedded = new EmbeddedReader(null);
    private int ocrDpi = 300;
    private long ocrBudgetMillis = 40_000;

    public PdfExtractor() {
    }

    /** For documents embedded in others: shares the container's reader of embedded objects (and its OCR). */
    PdfExtractor(EmbeddedReader embedded) {
        this.embedded = embedded;
        this.ocr = embedded.ocr() == null ? Ocr.unavailable() : embedded.ocr();
    }

    @Override
    public String name() {
        return "pdf";
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("application/pdf");
    }

    @Override
    public void configure(PluginConfig config) {
        ocr = Ocr.probe(config.get("tesseract", "tesseract"), config.getInt("ocrTimeoutSeconds", 120));
        ocrDpi = config.getInt("ocrDpi", 300);
        ocrBudgetMillis = config.getInt("ocrBudgetSeconds", 40) * 1000L;
        embedded = new EmbeddedReader(ocr);
    }

    boolean ocrAvailable() {
        return ocr.available();
    }

    @Override
    public DocumentText extract(Path file, String mediaType, ExtractionLimits limits) throws ExtractionException {
        Images images = new Images(ocr, limits.ocrEnabled(), ocrBudgetMillis);
        DocumentText t = extract(file, mediaType, limits, images);
        String inventory = images.property();
        return inventory == null ? t : t.withProperty("images", inventory);
    }

    /** Extraction sharing the container's pictures (one OCR budget, each picture once). */
    DocumentText extract(Path file, String mediaType, ExtractionLimits limits, Images images) throws ExtractionException {
        Failures.requireContent(file, "PDF");
        BlockSink sink = new BlockSink(limits.maxChars());
        int pages;
        int textPages = 0;
        Path work = WorkFolder.create("pdf-");
        PdfImages pictures = new PdfImages(images, work);
        try (PDDocument doc = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()))) {
            pages = doc.getNumberOfPages();
            PdfLayoutStripper stripper = new PdfLayoutStripper();
            PdfPageBlocks blocks = new PdfPageBlocks();
            for (int i = 1; i <= pages; i++) {
                BlockSink.checkInterrupted();
                PdfLayoutStripper.Page page = stripper.read(doc, i);
                String text = page.text().strip();
                if (!text.isEmpty()) {
                    textPages++;
                    if (!blocks.add(page, i, sink)) {
                        break;
                    }
                    pictures.read(doc.getPage(i - 1), i, sink);
                } else if (!blocks.flush(sink)) {
                    break;
                } else if (hasImages(doc.getPage(i - 1))) {
                    textPages += ocrPage(doc, i, limits, sink, images) ? 1 : 0;
                }
                annotations(doc.getPage(i - 1), i, sink, limits, images);
            }
            blocks.flush(sink);
            PdfForms.read(doc, sink);
            info(doc.getDocumentInformation(), sink);
            attachments(doc, limits, sink, images);
            if (!endsProperly(file)) {
                // PDFBox rebuilds a damaged cross-reference table and reads what it finds: never call that complete
                sink.gap(ExtractionGap.Reason.PART_UNREADABLE, "PDF 文件结尾不完整（缺少 %%EOF），文件可能被截断，部分内容可能未读取 / the PDF does not end properly"
                        + " (no %%EOF); it may be truncated and some text may be missing", null);
            }
        } catch (InvalidPasswordException e) {
            throw Failures.encrypted("PDF");
        } catch (ExtractionException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw Failures.of(e, "PDF");
        } finally {
            SafeZip.deleteTree(work);
        }
        if (textPages == 0 && sink.blocks().stream().noneMatch(b -> b.part() == Part.BODY)) {
            throw new ExtractionException(ExtractionException.Reason.NO_TEXT, !limits.ocrEnabled()
                    ? "PDF 没有文本层（扫描件），OCR 已停用，须人工审查 / the PDF has no text layer (a scan) and OCR is disabled; manual review needed"
                    : ocr.available()
                    ? "PDF 没有文本层，OCR 也未识别出文字，须人工审查 / the PDF has no text layer and OCR recognised nothing; manual review needed"
                    : "PDF 没有文本层（扫描件），本机未安装 OCR（tesseract 中文模型），须人工审查 / the PDF has no text layer (a scan) and OCR is not installed; manual review needed");
        }
        return new DocumentText(sink.blocks(), sink.gaps(), Map.of("extractor", name(), "mediaType", mediaType), pages);
    }

    /** Whether the file ends with the {@code %%EOF} marker (within the last 1024 bytes, as readers tolerate). */
    private static boolean endsProperly(Path file) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            long size = ch.size();
            int n = (int) Math.min(1024, size);
            ByteBuffer buf = ByteBuffer.allocate(n);
            ch.position(size - n);
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // read the tail
            }
            return new String(buf.array(), 0, buf.position(), StandardCharsets.ISO_8859_1).contains("%%EOF");
        }
    }

    private static boolean hasImages(PDPage page) throws IOException {
        var res = page.getResources();
        if (res == null) {
            return false;
        }
        for (var n : res.getXObjectNames()) {
            if (res.isImageXObject(n)) {
                return true;
            }
        }
        return res.getXObjectNames().iterator().hasNext();
    }

    /** OCR one page without text; a gap when OCR is missing or fails. */
    private boolean ocrPage(PDDocument doc, int page, ExtractionLimits limits, BlockSink sink, Images images) throws ExtractionException {
        if (!limits.ocrEnabled() || ocr == null || !ocr.available()) {
            sink.gap(ExtractionGap.Reason.NO_TEXT_LAYER, "第" + page + "页是图片，没有文本层，" + (limits.ocrEnabled() ? "未安装 OCR / page " + page
                    + " is an image without a text layer; no OCR installed" : "OCR 已停用 / page " + page + " is an image without a text layer; OCR is disabled"), page);
            return false;
        }
        try {
            org.apache.pdfbox.pdmodel.common.PDRectangle box = doc.getPage(page - 1).getCropBox();
            double pixels = (double) box.getWidth() / 72 * ocrDpi * box.getHeight() / 72 * ocrDpi;
            // a page of any size is rendered at no more than Images.MAX_PIXELS (a 5 m poster at 300 dpi would need gigabytes)
            float dpi = (float) (pixels > Images.MAX_PIXELS ? ocrDpi * Math.sqrt(Images.MAX_PIXELS / pixels) : ocrDpi);
            BufferedImage img = new PDFRenderer(doc).renderImageWithDPI(page - 1, dpi, ImageType.GRAY);
            if (images.secondsLeft() < 1) {
                sink.gap(ExtractionGap.Reason.NO_TEXT_LAYER, "第" + page + "页是图片，OCR 时间预算已用完，未识别 / page " + page
                        + " is an image; the OCR time budget is spent", page);
                return false;
            }
            String text = ocr.recognise(img, images.secondsLeft());
            if (text.isBlank()) {
                sink.gap(ExtractionGap.Reason.NO_TEXT_LAYER, "第" + page + "页是图片，OCR 未识别出文字 / page " + page + " is an image; OCR found no text", page);
                return false;
            }
            sink.add(Part.BODY, text, page, "OCR");
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionException(ExtractionException.Reason.TIMEOUT, "OCR 超时 / OCR timed out");
        } catch (IOException | RuntimeException e) {
            sink.gap(ExtractionGap.Reason.NO_TEXT_LAYER, "第" + page + "页 OCR 失败 / OCR of page " + page + " failed: " + e.getMessage(), page);
            return false;
        }
    }

    private void annotations(PDPage page, int number, BlockSink sink, ExtractionLimits limits, Images images) throws IOException, ExtractionException {
        for (PDAnnotation a : page.getAnnotations()) {
            String sub = a.getSubtype();
            if ("Widget".equals(sub)) {
                continue;
            }
            if ("Link".equals(sub)) {
                if (a instanceof org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink link
                        && link.getAction() instanceof org.apache.pdfbox.pdmodel.interactive.action.PDActionURI uri && uri.getURI() != null) {
                    sink.add(Part.METADATA, uri.getURI(), number, "超链接地址");
                }
                continue;
            }
            if (a instanceof org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment fa
                    && fa.getFile() instanceof PDComplexFileSpecification spec && spec.getEmbeddedFile() != null) {
                String name = spec.getFilename() == null ? "附件批注" : spec.getFilename();
                try (InputStream in = spec.getEmbeddedFile().createInputStream()) {
                    embedded.read(in, "第" + number + "页 " + name, sink, limits, images);
                }
            }
            String c = a.getContents();
            if (c != null && !c.isBlank()) {
                String author = a.getCOSObject().getString(org.apache.pdfbox.cos.COSName.T);
                sink.add(Part.COMMENT, c, number, "批注" + (author == null || author.isBlank() ? "" : " 作者：" + author));
            }
        }
    }

    private static void info(PDDocumentInformation info, BlockSink sink) throws ExtractionException {
        if (info == null) {
            return;
        }
        String[][] props = {{info.getAuthor(), "pdf:Author 作者"}, {info.getTitle(), "pdf:Title 标题"}, {info.getSubject(), "pdf:Subject 主题"},
            {info.getKeywords(), "pdf:Keywords 关键词"}, {info.getCreator(), "pdf:Creator 创建程序"}, {info.getProducer(), "pdf:Producer 生成程序"}};
        for (String[] p : props) {
            if (p[0] != null && !p[0].isBlank()) {
                sink.add(Part.METADATA, p[0].strip(), null, p[1]);
            }
        }
    }

    private void attachments(PDDocument doc, ExtractionLimits limits, BlockSink sink, Images images) throws IOException, ExtractionException {
        PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
        PDEmbeddedFilesNameTreeNode tree = names == null ? null : names.getEmbeddedFiles();
        if (tree != null) {
            attachments(tree, limits, sink, images, 0);
        }
    }

    private void attachments(org.apache.pdfbox.pdmodel.common.PDNameTreeNode<PDComplexFileSpecification> node, ExtractionLimits limits, BlockSink sink, Images images, int level)
            throws IOException, ExtractionException {
        if (level > 20) {
            sink.gap(ExtractionGap.Reason.TOO_DEEP, "PDF 附件目录嵌套过深，未读取 / PDF attachment tree nested too deep", null);
            return;
        }
        Map<String, PDComplexFileSpecification> files = node.getNames();
        if (files != null) {
            for (var e : files.entrySet()) {
                PDEmbeddedFile f = e.getValue() == null ? null : e.getValue().getEmbeddedFile();
                if (f == null) {
                    continue; // a reference to a file outside the PDF
                }
                try (InputStream in = f.createInputStream()) {
                    embedded.read(in, "PDF 附件 " + e.getKey(), sink, limits, images);
                }
            }
        }
        if (node.getKids() != null) {
            for (var kid : node.getKids()) {
                attachments(kid, limits, sink, images, level + 1);
            }
        }
    }
}
