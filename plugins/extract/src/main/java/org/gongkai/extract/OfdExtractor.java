package org.gongkai.extract;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionGap;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.Extractor;
import org.gongkai.spi.Part;
import org.gongkai.spi.PluginConfig;
import org.ofdrw.core.annotation.pageannot.Annot;
import org.ofdrw.core.attachment.CT_Attachment;
import org.ofdrw.core.basicStructure.ofd.docInfo.CT_DocInfo;
import org.ofdrw.core.basicStructure.ofd.docInfo.CustomData;
import org.ofdrw.core.basicStructure.ofd.docInfo.CustomDatas;
import org.ofdrw.reader.ContentExtractor;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.reader.model.AnnotionEntity;

/**
 * OFD (GB/T 33190, the Chinese fixed-layout format) via ofdrw: the text of each page with its number (and, set out
 * by position with it, the text of the template pages it is drawn on: {@link OfdTemplates}), the
 * remarks of annotations as comments, the document information (author, title, custom data) as metadata and
 * attached files as attachments.
 */
public final class OfdExtractor implements Extractor {
    private EmbeddedReader embedded = new EmbeddedReader(null);
    private long ocrBudgetMillis = 40_000;

    public OfdExtractor() {
    }

    /** For documents embedded in others: shares the container's reader of embedded objects (and its OCR). */
    OfdExtractor(EmbeddedReader embedded) {
        this.embedded = embedded;
    }

    @Override
    public String name() {
        return "ofd";
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("application/ofd");
    }

    @Override
    public void configure(PluginConfig config) {
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
        Failures.requireContent(file, "OFD document");
        BlockSink sink = new BlockSink(limits.maxChars());
        int pages;
        Path work = WorkFolder.create("ofd-");
        try {
            // ofdrw would unpack every entry as named into /tmp: validate all of them first, unpack into a folder of
            // this document's own, and let ofdrw read that folder (it clamps the paths inside the package to it)
            SafeZip.unpack(file, work, limits.minInflateRatio(), "OFD document");
            pages = read(work, limits, sink, images);
        } finally {
            SafeZip.deleteTree(work);
        }
        return new DocumentText(sink.blocks(), sink.gaps(), Map.of("extractor", name(), "mediaType", mediaType), pages);
    }

    private int read(Path work, ExtractionLimits limits, BlockSink sink, Images images) throws ExtractionException {
        int pages;
        try (OFDReader reader = new OFDReader(work.toString(), false)) {
            pages = reader.getNumberOfPages();
            ContentExtractor ex = new ContentExtractor(reader);
            OfdTemplates layout = templates(work, sink);
            for (int i = 1; i <= pages; i++) {
                BlockSink.checkInterrupted();
                String text = layout == null ? null : withTemplates(layout, i, sink);
                if (text == null) {
                    text = String.join("\n", ex.getPageContent(i)).strip();
                }
                if (text.isEmpty()) {
                    sink.gap(ExtractionGap.Reason.NO_TEXT_LAYER, "OFD 第" + i + "页没有文字对象 / OFD page " + i + " has no text objects", i);
                } else if (!sink.add(Part.BODY, text, i, "")) {
                    break;
                }
            }
            boolean text = !sink.blocks().isEmpty();
            annotations(reader, sink);
            info(reader, sink);
            attachments(reader, work, limits, sink, images);
            pictures(work, sink, images);
            if (!text && sink.blocks().stream().noneMatch(b -> b.part() == Part.BODY)) {
                throw new ExtractionException(ExtractionException.Reason.NO_TEXT, "OFD 文件中没有文字，须人工审查 / the OFD file has no text; manual review needed");
            }
        } catch (ExtractionException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw Failures.of(e, "OFD document");
        }
        return pages;
    }

    /** The package's pages and template pages, or null (with a gap: template text may then be unread) when unreadable. */
    private static OfdTemplates templates(Path work, BlockSink sink) throws ExtractionException {
        try {
            return new OfdTemplates(work);
        } catch (java.io.IOException | javax.xml.stream.XMLStreamException | RuntimeException e) {
            sink.gap(ExtractionGap.Reason.PART_UNREADABLE, "OFD 模板页无法读取，其中的文字未经检查 / the OFD template pages could not be read; "
                    + "any text in them was not checked (" + e.getClass().getSimpleName() + ")", null);
            return null;
        }
    }

    /** Page {@code i} with its templates' text set out by position, or null when it has none (or, with a gap, when unreadable). */
    private static String withTemplates(OfdTemplates layout, int i, BlockSink sink) throws ExtractionException {
        try {
            return layout.page(i);
        } catch (java.io.IOException | javax.xml.stream.XMLStreamException | RuntimeException e) {
            sink.gap(ExtractionGap.Reason.PART_UNREADABLE, "OFD 第" + i + "页的模板页无法读取，其中的文字未经检查 / the template of OFD page " + i
                    + " could not be read; any text in it was not checked (" + e.getClass().getSimpleName() + ")", i);
            return null;
        }
    }

    /** Remarks of annotations: notes left on the pages, like comments in a Word document. */
    private static void annotations(OFDReader reader, BlockSink sink) throws ExtractionException {
        try {
            for (AnnotionEntity e : reader.getAnnotationEntities()) {
                for (Annot a : e.getAnnots()) {
                    String remark = a.getRemark();
                    if (remark != null && !remark.isBlank()) {
                        String who = a.getCreator();
                        sink.add(Part.COMMENT, remark.strip(), null, "批注" + (who == null || who.isBlank() ? "" : " 作者：" + who));
                    }
                }
            }
        } catch (ExtractionException e) {
            throw e;
        } catch (Exception e) {
            sink.gap(ExtractionGap.Reason.PART_UNREADABLE, "OFD 注释无法读取 / the OFD annotations could not be read (" + e.getClass().getSimpleName() + ")", null);
        }
    }

    /** The document information (OFD.xml DocInfo): author, title, subject, abstract, creating software, custom data. */
    private static void info(OFDReader reader, BlockSink sink) throws ExtractionException {
        CT_DocInfo info;
        try {
            info = reader.getOFDDir().getOfd().getDocBody().getDocInfo();
        } catch (Exception e) {
            sink.gap(ExtractionGap.Reason.PART_UNREADABLE, "OFD 文档信息无法读取 / the OFD document information could not be read", null);
            return;
        }
        if (info == null) {
            return;
        }
        meta(sink, info.getAuthor(), "ofd:Author 作者");
        meta(sink, info.getTile(), "ofd:Title 标题"); // sic: ofdrw spells it getTile
        meta(sink, info.getSubject(), "ofd:Subject 主题");
        meta(sink, info.getAbstract(), "ofd:Abstract 摘要");
        meta(sink, info.getCreator(), "ofd:Creator 创建程序");
        CustomDatas custom = info.getCustomDatas();
        if (custom != null) {
            for (CustomData d : custom.getCustomDatas()) {
                meta(sink, d.getValue(), "ofd:CustomData " + d.getDataName() + " 自定义属性");
            }
        }
    }

    private static void meta(BlockSink sink, String value, String source) throws ExtractionException {
        if (value != null && !value.isBlank()) {
            sink.add(Part.METADATA, value.strip(), null, source);
        }
    }

    private void attachments(OFDReader reader, Path work, ExtractionLimits limits, BlockSink sink, Images images) throws ExtractionException {
        java.util.List<CT_Attachment> list;
        try {
            list = reader.getAttachmentList();
        } catch (Exception e) {
            sink.gap(ExtractionGap.Reason.PART_UNREADABLE, "OFD 附件目录无法读取 / the OFD attachment list could not be read", null);
            return;
        }
        for (CT_Attachment a : list) {
            String name = a.getAttachmentName() == null ? String.valueOf(a.getID()) : a.getAttachmentName();
            if (limits.maxEmbeddedDepth() <= 0) {
                sink.gap(ExtractionGap.Reason.TOO_DEEP, "OFD 附件 " + name + " 未读取（不读取嵌入文档） / OFD attachment " + name
                        + " not read (embedded documents are not read)", null);
                continue;
            }
            Path f;
            try {
                f = reader.getAttachmentFile(a);
            } catch (Exception e) {
                f = null;
            }
            if (f == null || !f.toAbsolutePath().normalize().startsWith(work.toAbsolutePath().normalize()) || !Files.isRegularFile(f)) {
                sink.gap(ExtractionGap.Reason.PART_UNREADABLE, "OFD 附件 " + name + " 缺失，未读取 / OFD attachment " + name + " is missing", null);
                continue;
            }
            try (InputStream in = Files.newInputStream(f)) {
                embedded.read(in, "OFD 附件 " + name, sink, limits, images);
            } catch (java.io.IOException e) {
                sink.gap(ExtractionGap.Reason.PART_UNREADABLE, "OFD 附件 " + name + " 无法读取 / OFD attachment " + name + " could not be read", null);
            }
        }
    }

    /** The pictures of the package (page images, seals, scans), each once: OCR'd, or a gap. Attachments are read above. */
    private static void pictures(Path work, BlockSink sink, Images images) throws ExtractionException {
        java.util.List<Path> files;
        try (java.util.stream.Stream<Path> s = Files.walk(work)) {
            files = s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                    .matches(".*\\.(png|jpe?g|bmp|gif|tiff?|jb2|jbig2?)$")).sorted().toList();
        } catch (java.io.IOException e) {
            sink.gap(ExtractionGap.Reason.PART_UNREADABLE, "OFD 图片无法列出 / the OFD pictures could not be listed", null);
            return;
        }
        for (Path f : files) {
            images.read(f, Part.BODY, null, "图片 " + work.relativize(f).toString().replace('\\', '/'), sink);
        }
    }
}
