package org.gongkai.extract;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageProperties;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionGap;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.Extractor;
import org.gongkai.spi.Part;
import org.gongkai.spi.PluginConfig;

/**
 * DOCX and DOCM via POI's package layer and a streaming read of the WordprocessingML parts (see
 * {@link WordXml}): body, tables, headers, footers, foot/endnotes, comments (each after the paragraph that
 * refers to it), tracked changes, hidden runs, document properties and embedded objects, each as its own part.
 * A password-protected file is {@code ENCRYPTED} whatever type it was detected as; a damaged zip directory (a
 * truncated file) or a text part the package names but lacks is a gap, never silently left out.
 */
public final class DocxExtractor implements Extractor {
    /** Relationships of the main document to parts holding text: when one is missing, its text is missing. */
    private static final Set<String> TEXT_PARTS = Set.of("header", "footer", "footnotes", "endnotes", "comments", "oleObject", "package");
    private EmbeddedReader embedded = new EmbeddedReader(null);
    private long ocrBudgetMillis = 40_000;

    public DocxExtractor() {
    }

    /** For documents embedded in others: shares the container's reader of embedded objects (and its OCR). */
    DocxExtractor(EmbeddedReader embedded) {
        this.embedded = embedded;
    }

    @Override
    public String name() {
        return "docx";
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.ms-word.document.macroenabled.12",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.template",
                "application/vnd.ms-word.template.macroenabled.12",
                "application/x-tika-ooxml", "application/x-tika-ooxml-protected");
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
        Failures.requireContent(file, "Word document"); // first: an empty file is empty whatever type it was detected as
        if (mediaType.equals("application/x-tika-ooxml-protected")) {
            throw Failures.encrypted("Office document");
        }
        BlockSink sink = new BlockSink(limits.maxChars());
        if (encryptedOle2(file)) {
            throw Failures.encrypted("Office document");
        }
        Zips.gapIfDamaged(file, sink);
        Path work = WorkFolder.create("docx-");
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            PackagePart main = mainPart(pkg).orElseThrow(() -> new ExtractionException(ExtractionException.Reason.CORRUPT,
                    "文件中没有 Word 正文部分，请另存为新的 DOCX 后重新上传 / no Word main document part; re-save as a new DOCX and upload again"));
            DocxParts parts = new DocxParts(pkg, sink, limits, images, embedded, work, this);
            parts.consumed(main);
            List<PackagePart> related = new ArrayList<>();
            List<String> types = new ArrayList<>();
            for (PackageRelationship rel : main.getRelationships()) {
                if (rel.getTargetMode() == TargetMode.EXTERNAL) {
                    continue;
                }
                String type = rel.getRelationshipType();
                String kind = type.substring(type.lastIndexOf('/') + 1);
                PackagePart p;
                try {
                    p = main.getRelatedPart(rel);
                } catch (Exception e) {
                    p = null;
                }
                if (p != null) {
                    related.add(p);
                    types.add(kind);
                } else if (TEXT_PARTS.contains(kind)) {
                    sink.gap(ExtractionGap.Reason.PART_UNREADABLE, "文件中缺少 " + rel.getTargetURI() + "（" + kind + "），该部分未读取 / the part "
                            + rel.getTargetURI() + " (" + kind + ") is missing from the file and was not read", null);
                }
            }
            // comments first, so that each can follow the paragraph that refers to it
            Map<String, List<WordXml.Pending>> comments = new LinkedHashMap<>();
            for (int i = 0; i < related.size(); i++) {
                if (types.get(i).equals("comments")) {
                    parts.consumed(related.get(i));
                    try (InputStream in = related.get(i).getInputStream()) {
                        comments.putAll(WordXml.readComments(in));
                    }
                }
            }
            int tables = parts.read(main, Part.BODY, "", 0, comments);
            for (int i = 0; i < related.size(); i++) {
                PackagePart p = related.get(i);
                switch (types.get(i)) {
                    case "header" -> tables = parts.read(p, Part.HEADER, "页眉", tables, comments);
                    case "footer" -> tables = parts.read(p, Part.FOOTER, "页脚", tables, comments);
                    case "footnotes" -> tables = parts.read(p, Part.BODY, "脚注", tables, comments);
                    case "endnotes" -> tables = parts.read(p, Part.BODY, "尾注", tables, comments);
                    default -> { }
                }
            }
            // comments whose reference mark was not found
            for (List<WordXml.Pending> c : comments.values()) {
                for (WordXml.Pending b : c) {
                    sink.add(b.part(), b.text(), null, b.source());
                }
            }
            properties(pkg, sink, parts);
            parts.sweep();
        } catch (ExtractionException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw Failures.of(e, "Word document");
        } finally {
            SafeZip.deleteTree(work);
        }
        return new DocumentText(sink.blocks(), sink.gaps(), Map.of("extractor", name(), "mediaType", mediaType), 0);
    }

    private static Optional<PackagePart> mainPart(OPCPackage pkg) {
        for (PackageRelationship rel : pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT)) {
            PackagePart p = pkg.getPart(rel);
            if (p != null) {
                return Optional.of(p);
            }
        }
        for (PackageRelationship rel : pkg.getRelationshipsByType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT)) {
            PackagePart p = pkg.getPart(rel);
            if (p != null) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** An OLE2 file holding an encrypted OOXML package (what Word writes when a password is set). */
    private static boolean encryptedOle2(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            if (FileMagic.valueOf(in) != FileMagic.OLE2) {
                return false;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            return fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry("EncryptedPackage");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Document properties that name people or organisations: they travel with the file when it is published. */
    private static void properties(OPCPackage pkg, BlockSink sink, DocxParts parts) throws Exception {
        PackageProperties p = pkg.getPackageProperties();
        meta(sink, "dc:creator 作者", p.getCreatorProperty());
        meta(sink, "cp:lastModifiedBy 最后修改者", p.getLastModifiedByProperty());
        meta(sink, "dc:title 标题", p.getTitleProperty());
        meta(sink, "dc:subject 主题", p.getSubjectProperty());
        meta(sink, "cp:keywords 关键词", p.getKeywordsProperty());
        meta(sink, "dc:description 备注", p.getDescriptionProperty());
        meta(sink, "cp:category 类别", p.getCategoryProperty());
        for (PackagePart part : pkg.getPartsByContentType("application/vnd.openxmlformats-package.core-properties+xml")) {
            parts.consumed(part);
        }
        for (PackagePart part : pkg.getPartsByContentType("application/vnd.openxmlformats-officedocument.extended-properties+xml")) {
            parts.consumed(part);
            try (InputStream in = part.getInputStream()) {
                PropertiesXml.read(in, Set.of("Company", "Manager"), (k, v) -> meta(sink, "app:" + k + (k.equals("Company") ? " 单位" : " 经理"), Optional.of(v)));
            }
        }
        for (PackagePart part : pkg.getPartsByContentType("application/vnd.openxmlformats-officedocument.custom-properties+xml")) {
            parts.consumed(part);
            try (InputStream in = part.getInputStream()) {
                PropertiesXml.readCustom(in, (k, v) -> meta(sink, "custom:" + k + " 自定义属性", Optional.of(v)));
            }
        }
    }

    private static void meta(BlockSink sink, String source, Optional<String> value) {
        if (value.isPresent() && !value.get().isBlank()) {
            try {
                sink.add(Part.METADATA, value.get().strip(), null, source);
            } catch (ExtractionException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
