package org.gongkai.extract;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.gongkai.spi.Block;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionGap;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.Part;

/**
 * Every part of one DOCX package, read or accounted for. The WordprocessingML parts are streamed by {@link WordXml};
 * what their paragraphs refer to is read where it stands: pictures (OCR), charts (labels and cached values), SmartArt
 * (its data), altChunk imports (as body text), OLE objects and packages (as attachments, at any depth), link targets.
 * Afterwards {@link #sweep()} goes through the parts nothing referred to: custom XML data, the glossary, pictures and
 * objects not placed anywhere (hidden), any other XML part (its text); a part that cannot be read, or macros, is a gap.
 */
final class DocxParts {
    /** Content types that hold no text of the document. */
    private static final Set<String> TEXTLESS = Set.of("styles", "settings", "websettings", "fonttable", "theme", "numbering",
            "relationships", "customxmlproperties", "commentsextended", "commentsids", "commentsextensible", "stylesWithEffects".toLowerCase(Locale.ROOT),
            "chartstyle", "chartcolorstyle", "diagramlayout", "diagramstyle", "diagramcolors", "obfuscatedfont", "font", "printersettings",
            "themeoverride", "core-properties", "extended-properties", "custom-properties", "digital-signature-origin", "people");

    private final OPCPackage pkg;
    private final BlockSink sink;
    private final ExtractionLimits limits;
    private final Images images;
    private final EmbeddedReader embedded;
    private final Path work;
    private final DocxExtractor docx;
    private final Set<String> consumed = new HashSet<>();

    DocxParts(OPCPackage pkg, BlockSink sink, ExtractionLimits limits, Images images, EmbeddedReader embedded, Path work, DocxExtractor docx) {
        this.pkg = pkg;
        this.sink = sink;
        this.limits = limits;
        this.images = images;
        this.embedded = embedded;
        this.work = work;
        this.docx = docx;
    }

    void consumed(PackagePart p) {
        consumed.add(p.getPartName().getName());
    }

    /** Reads a WordprocessingML part (document, header, footer, notes) and what its paragraphs refer to. */
    int read(PackagePart part, Part as, String source, int tablesBefore, Map<String, List<WordXml.Pending>> comments) throws Exception {
        consumed(part);
        WordXml x = new WordXml(sink, as, source, tablesBefore, comments).refs((ref, p) -> resolve(part, ref, p));
        try (InputStream in = part.getInputStream()) {
            x.read(in);
        }
        return x.tableCount();
    }

    private void resolve(PackagePart from, WordXml.Ref ref, Part as) throws ExtractionException {
        PackageRelationship rel;
        try {
            rel = from.getRelationship(ref.id());
        } catch (Exception e) {
            return;
        }
        if (rel == null) {
            return;
        }
        if (rel.getTargetMode() == TargetMode.EXTERNAL) {
            if (ref.kind().equals("hyperlink") || ref.kind().equals("image")) {
                sink.add(Part.METADATA, rel.getTargetURI().toString(), null, ref.kind().equals("hyperlink") ? "超链接地址" : "外部图片地址");
            }
            return;
        }
        PackagePart target;
        try {
            target = from.getRelatedPart(rel);
        } catch (Exception e) {
            target = null;
        }
        if (target == null) {
            if (!ref.kind().equals("hyperlink")) {
                sink.gap(ExtractionGap.Reason.PART_UNREADABLE, "文件中缺少 " + rel.getTargetURI() + "，该部分未读取 / the part " + rel.getTargetURI()
                        + " is missing from the file and was not read", null);
            }
            return;
        }
        String name = target.getPartName().getName();
        if (!consumed.add(name)) {
            return; // read where it first stood
        }
        try {
            switch (ref.kind()) {
                case "image" -> {
                    try (InputStream in = target.getInputStream()) {
                        images.read(in, work, as, null, "图片 " + name, sink);
                    }
                }
                case "chart" -> chart(target, as);
                case "diagram" -> diagram(target, as);
                case "altChunk" -> altChunk(target);
                case "object" -> object(target);
                default -> consumed.remove(name);
            }
        } catch (ExtractionException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            sink.gap(ExtractionGap.Reason.PART_UNREADABLE, "部件 " + name + " 无法读取 / the part " + name + " could not be read (" + e.getClass().getSimpleName() + ")", null);
        }
    }

    /** A chart: its titles, labels and cached values, then the workbook it was drawn from (an embedded object). */
    private void chart(PackagePart p, Part as) throws Exception {
        try (InputStream in = p.getInputStream()) {
            sink.add(as, XmlText.read(in, false, limits.maxChars()), null, "图表 " + p.getPartName().getName());
        }
        for (PackageRelationship r : p.getRelationships()) {
            PackagePart t = r.getTargetMode() == TargetMode.EXTERNAL ? null : p.getRelatedPart(r);
            if (t != null && consumed.add(t.getPartName().getName()) && !textless(t)) {
                if (t.getContentType().startsWith("image/")) {
                    try (InputStream in = t.getInputStream()) {
                        images.read(in, work, as, null, "图片 " + t.getPartName().getName(), sink);
                    }
                } else {
                    object(t);
                }
            }
        }
    }

    /** SmartArt: the text of its data part (the drawing part repeats it). */
    private void diagram(PackagePart p, Part as) throws Exception {
        try (InputStream in = p.getInputStream()) {
            sink.add(as, XmlText.read(in, false, limits.maxChars()), null, "SmartArt " + p.getPartName().getName());
        }
        for (PackageRelationship r : p.getRelationships()) {
            if (r.getTargetMode() != TargetMode.EXTERNAL && r.getRelationshipType().endsWith("/diagramDrawing")) {
                PackagePart d = p.getRelatedPart(r);
                if (d != null) {
                    consumed(d);
                }
            }
        }
    }

    /** An altChunk: content Word imports into the body where it stands (HTML, MHT, RTF, text or a whole DOCX). */
    private void altChunk(PackagePart p) throws Exception {
        String name = p.getPartName().getName();
        Path f = Files.createTempFile(work, "chunk-", ".bin");
        try (InputStream in = p.getInputStream()) {
            Files.copy(in, f, StandardCopyOption.REPLACE_EXISTING);
        }
        String type = p.getContentType();
        if (type.contains("wordprocessingml") || type.contains("ms-word")) {
            ExtractionLimits nested = new ExtractionLimits(limits.maxChars(), limits.maxEmbeddedDepth() - 1, limits.minInflateRatio(), limits.ocrEnabled());
            var t = docx.extract(f, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", nested, images);
            for (Block b : t.blocks()) {
                sink.add(b.part(), b.text(), null, "导入内容 " + name + (b.source().isEmpty() ? "" : " " + b.source()));
            }
            t.gaps().forEach(g -> sink.gap(g.reason(), "导入内容 " + name + "：" + g.message(), null));
            return;
        }
        for (String line : embedded.plainText(f, type, limits.maxChars()).split("\n")) {
            sink.add(Part.BODY, line.strip(), null, "导入内容 " + name);
        }
    }

    private void object(PackagePart p) throws Exception {
        try (InputStream in = p.getInputStream()) {
            embedded.read(in, p.getPartName().getName(), sink, limits, images);
        }
    }

    /**
     * The parts nothing referred to: custom XML data and the glossary as metadata, pictures and objects not placed in
     * the document as hidden content (they travel with the file unseen), charts and SmartArt at the end of the body,
     * other XML parts by their text; macros and parts nobody can read are gaps.
     */
    void sweep() throws ExtractionException {
        List<PackagePart> all;
        try {
            all = pkg.getParts();
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException | RuntimeException e) {
            sink.gap(ExtractionGap.Reason.PART_UNREADABLE, "文件部件列表无法读取 / the list of the file's parts could not be read", null);
            return;
        }
        for (PackagePart p : all) {
            String name = p.getPartName().getName();
            if (p.isRelationshipPart() || consumed.contains(name) || textless(p)) {
                continue;
            }
            consumed.add(name);
            String type = p.getContentType().toLowerCase(Locale.ROOT);
            try {
                if (type.startsWith("image/")) {
                    try (InputStream in = p.getInputStream()) {
                        images.read(in, work, Part.HIDDEN, null, "未在文中显示的图片 " + name, sink);
                    }
                } else if (type.contains("vbaproject") || type.contains("vbadata") || name.toLowerCase(Locale.ROOT).endsWith(".bin") && name.contains("vba")) {
                    sink.gap(ExtractionGap.Reason.PART_UNREADABLE, "文件含有宏代码（" + name + "），未检查，须人工审查 / the file holds macros (" + name
                            + ") that were not checked", null);
                } else if (type.endsWith(".chart+xml") || type.endsWith("drawingml.chart+xml")) {
                    chart(p, Part.BODY);
                } else if (type.contains("diagramdata")) {
                    diagram(p, Part.BODY);
                } else if (name.startsWith("/word/glossary/") && type.contains("document.glossary")) {
                    new WordXml(sink, Part.METADATA, "文档部件库（glossary）", 0, null).read(p.getInputStream());
                } else if (name.startsWith("/word/embeddings/") || type.contains("oleobject") || type.contains("package")) {
                    object(p);
                } else if (type.endsWith("xml")) {
                    try (InputStream in = p.getInputStream()) {
                        String source = name.startsWith("/customXml/") ? "自定义 XML 数据（customXml）" + name : "部件 " + name;
                        sink.add(Part.METADATA, XmlText.read(in, true, limits.maxChars()), null, source);
                    }
                } else if (!type.startsWith("audio/") && !type.startsWith("video/")) {
                    sink.gap(ExtractionGap.Reason.PART_UNREADABLE, "部件 " + name + "（" + type + "）未读取 / the part " + name + " (" + type + ") was not read", null);
                }
            } catch (ExtractionException e) {
                throw e;
            } catch (Exception | StackOverflowError e) {
                sink.gap(ExtractionGap.Reason.PART_UNREADABLE, "部件 " + name + " 无法读取 / the part " + name + " could not be read (" + e.getClass().getSimpleName() + ")", null);
            }
        }
    }

    private static boolean textless(PackagePart p) {
        String t = p.getContentType().toLowerCase(Locale.ROOT);
        int plus = t.lastIndexOf('+');
        String base = t.substring(t.lastIndexOf('.') + 1, plus < 0 ? t.length() : plus);
        return TEXTLESS.contains(base) || t.contains("font") || t.endsWith("relationships+xml") || t.contains("printersettings");
    }
}
