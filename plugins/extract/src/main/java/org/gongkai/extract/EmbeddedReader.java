package org.gongkai.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.Ole10Native;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.gongkai.spi.Block;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionGap;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.Part;
import org.xml.sax.ContentHandler;

/**
 * Reads an embedded object (an OLE object or package in a Word file, a file attached to a PDF or OFD) with the
 * right engine, at any depth within {@link ExtractionLimits#maxEmbeddedDepth()}: OLE {@code Package} and
 * {@code Ole10Native} wrappers are opened to the file they carry; Word (DOCX/DOC), PDF, OFD and text with gongkai's
 * own extractors (so their embedded objects, pictures and hidden parts are read too); pictures with OCR; anything
 * else (spreadsheets, slides, RTF, HTML, archives) with Tika, whose embedded documents come back here. Every block
 * becomes an {@link Part#ATTACHMENT} block whose source names the path of objects, e.g.
 * {@code "嵌入对象 word/embeddings/oleObject1.bin › 名单.docx 表格1 第2行第3列"}. What cannot be read is a gap
 * naming the object, never an error: the container was read, one object in it was not.
 */
final class EmbeddedReader {
    private static final String PREFIX = "嵌入对象 ";
    private final Ocr ocr;
    /** Built on first use: building it loads every Tika parser (~0.2 s), and most documents embed nothing. */
    private AutoDetectParser tika;
    private DocxExtractor docx;
    private DocExtractor doc;
    private PdfExtractor pdf;
    private OfdExtractor ofd;
    private final TextExtractor text = new TextExtractor();

    EmbeddedReader(Ocr ocr) {
        this.ocr = ocr;
    }

    Ocr ocr() {
        return ocr;
    }

    private synchronized DocxExtractor docx() {
        if (docx == null) {
            docx = new DocxExtractor(this);
        }
        return docx;
    }

    private synchronized DocExtractor doc() {
        if (doc == null) {
            doc = new DocExtractor(this);
        }
        return doc;
    }

    private synchronized PdfExtractor pdf() {
        if (pdf == null) {
            pdf = new PdfExtractor(this);
        }
        return pdf;
    }

    private synchronized OfdExtractor ofd() {
        if (ofd == null) {
            ofd = new OfdExtractor(this);
        }
        return ofd;
    }

    /**
     * Reads one object embedded in the document (or in an object of it, {@code name} then being the whole path).
     *
     * @param limits the container's limits: the object is read with one level of depth less
     */
    void read(InputStream in, String name, BlockSink sink, ExtractionLimits limits, Images images) throws ExtractionException {
        if (limits.maxEmbeddedDepth() <= 0) {
            sink.gap(ExtractionGap.Reason.TOO_DEEP, PREFIX + name + " 嵌套过深，未读取 / embedded object " + name + " is nested too deep and was not read", null);
            return;
        }
        Path work = WorkFolder.create("emb-");
        try {
            Path f = work.resolve("object");
            try (InputStream i = in) {
                Files.copy(i, f, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                sink.gap(ExtractionGap.Reason.PART_UNREADABLE, PREFIX + name + " 无法读取 / embedded object " + name + " could not be read", null);
                return;
            }
            readFile(f, name, sink, limits, images, work);
        } finally {
            SafeZip.deleteTree(work);
        }
    }

    private void readFile(Path f, String name, BlockSink sink, ExtractionLimits limits, Images images, Path work) throws ExtractionException {
        if (Files.isRegularFile(f) && sizeOf(f) == 0) {
            return;
        }
        ExtractionLimits nested = new ExtractionLimits(limits.maxChars(), limits.maxEmbeddedDepth() - 1, limits.minInflateRatio(), limits.ocrEnabled());
        try {
            if (FileMagic.valueOf(f.toFile()) == FileMagic.OLE2) {
                if (ole2(f, name, sink, limits, nested, images, work)) {
                    return;
                }
            }
            MediaType type;
            try (TikaInputStream tis = TikaInputStream.get(f)) {
                type = tika().getDetector().detect(tis, new Metadata());
            }
            String base = type.getBaseType().toString();
            switch (base) {
                case "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.ms-word.document.macroenabled.12",
                     "application/vnd.openxmlformats-officedocument.wordprocessingml.template" -> copy(docx().extract(f, base, nested, images), name, sink);
                case "application/pdf" -> copy(pdf().extract(f, base, nested, images), name, sink);
                case "text/plain", "text/csv" -> copy(text.extract(f, base, nested), name, sink);
                case "application/zip" -> {
                    if (isOfd(f)) {
                        copy(ofd().extract(f, "application/ofd", nested, images), name, sink);
                    } else {
                        tika(f, name, sink, nested, images);
                    }
                }
                default -> {
                    if (type.getType().equals("image")) {
                        images.read(f, Part.ATTACHMENT, null, PREFIX + name, sink);
                    } else if (!type.getType().equals("audio") && !type.getType().equals("video")) {
                        tika(f, name, sink, nested, images);
                    }
                }
            }
        } catch (ExtractionException e) {
            if (e.reason() == ExtractionException.Reason.TIMEOUT) {
                throw e;
            }
            sink.gap(ExtractionGap.Reason.PART_UNREADABLE, PREFIX + name + " 无法读取：" + e.getMessage() + " / embedded object " + name + " could not be read", null);
        } catch (IOException | RuntimeException | StackOverflowError | org.apache.poi.poifs.filesystem.Ole10NativeException e) {
            sink.gap(ExtractionGap.Reason.PART_UNREADABLE, PREFIX + name + " 无法读取 / embedded object " + name + " could not be read ("
                    + e.getClass().getSimpleName() + ")", null);
        }
    }

    /**
     * An OLE2 object: the file an {@code Ole10Native} or {@code Package} wrapper carries, a PDF in {@code CONTENTS},
     * a Word 97–2003 document; true when handled here.
     */
    private boolean ole2(Path f, String name, BlockSink sink, ExtractionLimits limits, ExtractionLimits nested, Images images, Path work)
            throws IOException, ExtractionException, org.apache.poi.poifs.filesystem.Ole10NativeException {
        try (POIFSFileSystem fs = new POIFSFileSystem(f.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
                sink.gap(ExtractionGap.Reason.PART_UNREADABLE, PREFIX + name + " 已加密，未读取 / embedded object " + name + " is encrypted and was not read", null);
                return true;
            }
            if (root.hasEntry("\u0001Ole10Native")) {
                Ole10Native nat = Ole10Native.createFromEmbeddedOleObject(root);
                String inner = firstNonBlank(nat.getFileName(), nat.getLabel(), nat.getCommand(), "Ole10Native");
                inner = inner.substring(Math.max(inner.lastIndexOf('\\'), inner.lastIndexOf('/')) + 1);
                Path payload = Files.createTempFile(work, "native-", ".bin");
                Files.write(payload, nat.getDataBuffer());
                readFile(payload, name + " › " + inner, sink, limits, images, work);
                return true;
            }
            for (String stream : new String[] {"Package", "CONTENTS"}) {
                if (root.hasEntry(stream) && !root.hasEntry("WordDocument") && root.getEntry(stream).isDocumentEntry()) {
                    Path payload = Files.createTempFile(work, "pkg-", ".bin");
                    try (DocumentInputStream in = root.createDocumentInputStream(stream)) {
                        Files.copy(in, payload, StandardCopyOption.REPLACE_EXISTING);
                    }
                    readFile(payload, name, sink, limits, images, work);
                    return true;
                }
            }
            if (root.hasEntry("WordDocument")) {
                copy(doc().extract(f, "application/msword", nested, images), name, sink);
                return true;
            }
        }
        return false;
    }

    /** Other formats through Tika; documents embedded in them come back to {@link #read}. */
    private void tika(Path f, String name, BlockSink sink, ExtractionLimits nested, Images images) throws ExtractionException {
        BodyContentHandler h = new BodyContentHandler(Math.max(1, nested.maxChars()));
        ParseContext c = new ParseContext();
        Nested children = new Nested(name, sink, nested, images);
        c.set(EmbeddedDocumentExtractor.class, children);
        try (TikaInputStream in = TikaInputStream.get(f)) {
            tika().parse(in, h, new Metadata(), c);
        } catch (Exception | StackOverflowError e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                sink.gap(ExtractionGap.Reason.TRUNCATED, PREFIX + name + " 文本过长，仅读取部分 / embedded object " + name + " truncated", null);
            } else if (e instanceof org.apache.tika.exception.EncryptedDocumentException) {
                sink.gap(ExtractionGap.Reason.PART_UNREADABLE, PREFIX + name + " 已加密，未读取 / embedded object " + name + " is encrypted", null);
                return;
            } else {
                sink.gap(ExtractionGap.Reason.PART_UNREADABLE, PREFIX + name + " 无法读取 / embedded object " + name + " could not be read ("
                        + e.getClass().getSimpleName() + ")", null);
                return;
            }
        }
        if (children.failure != null) {
            throw children.failure;
        }
        String t = h.toString().strip();
        if (!t.isEmpty()) {
            sink.add(Part.ATTACHMENT, t, null, PREFIX + name);
        }
    }

    /** The plain text of a file Tika reads (an altChunk's HTML, MHT or RTF), embedded documents left out. */
    private synchronized AutoDetectParser tika() {
        if (tika == null) {
            tika = new AutoDetectParser(new SafeDetector());
        }
        return tika;
    }

    String plainText(Path f, String contentType, int maxChars) throws IOException, org.xml.sax.SAXException, org.apache.tika.exception.TikaException {
        BodyContentHandler h = new BodyContentHandler(Math.max(1, maxChars));
        try (TikaInputStream in = TikaInputStream.get(f)) {
            Metadata md = new Metadata();
            md.set(Metadata.CONTENT_TYPE, contentType);
            tika().parse(in, h, md, new ParseContext());
        }
        return h.toString();
    }

    /** Copies a nested document's blocks and gaps into the container's, naming where they stand. */
    private static void copy(DocumentText t, String name, BlockSink sink) throws ExtractionException {
        for (Block b : t.blocks()) {
            String s = b.source();
            String source = PREFIX + name + (s.isEmpty() ? "" : s.startsWith(PREFIX) ? " › " + s.substring(PREFIX.length()) : " " + s);
            sink.add(Part.ATTACHMENT, b.text(), null, source);
        }
        for (ExtractionGap g : t.gaps()) {
            sink.gap(g.reason(), PREFIX + name + "：" + g.message(), null);
        }
    }

    /** Documents embedded in a document Tika reads: each read by {@link #read} one level deeper. */
    private final class Nested implements EmbeddedDocumentExtractor {
        private final String parent;
        private final BlockSink sink;
        private final ExtractionLimits limits;
        private final Images images;
        private int count;
        ExtractionException failure;

        Nested(String parent, BlockSink sink, ExtractionLimits limits, Images images) {
            this.parent = parent;
            this.sink = sink;
            this.limits = limits;
            this.images = images;
        }

        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return true;
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {
            String n = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
            n = n == null || n.isBlank() ? "对象" + (++count) : n;
            try {
                read(stream, parent + " › " + n, sink, limits, images);
            } catch (ExtractionException e) {
                failure = failure == null ? e : failure; // a time-out: stop as soon as Tika returns
            }
        }
    }

    private static boolean isOfd(Path f) {
        try (ZipFile z = new ZipFile(f.toFile())) {
            return z.getEntry("OFD.xml") != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static long sizeOf(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String firstNonBlank(String... s) {
        for (String x : s) {
            if (x != null && !x.isBlank()) {
                return x.strip();
            }
        }
        return "";
    }
}
