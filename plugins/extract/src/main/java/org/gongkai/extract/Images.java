package org.gongkai.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionGap;
import org.gongkai.spi.Part;

/**
 * The pictures of one document and what became of each: OCR'd with tesseract (chi_sim) when it is installed, once
 * per distinct image (by SHA-256), only when big enough to hold a line of text, within a time budget for the whole
 * document. A picture that could hold text but was not read — no OCR, a format tesseract cannot read, too large,
 * failed, budget spent — is an {@link ExtractionGap} "图片未识别", so the document cannot pass as checked. Sizes are
 * read from the image header; the picture is never decoded here, tesseract reads the file.
 */
final class Images {
    /** Smaller pictures (bullets, rules, icons) cannot hold a legible line of text. */
    static final int MIN_WIDTH = 40;
    static final int MIN_HEIGHT = 12;
    static final long MIN_PIXELS = 2_000;
    /** Larger pictures are not given to tesseract (minutes of work, hundreds of MB): a gap. */
    static final long MAX_PIXELS = 40_000_000L;
    private static final int MAX_LISTED = 200;

    /** What became of one picture. */
    enum Status { READ, EMPTY, DUPLICATE, TOO_SMALL, UNREAD }

    record Outcome(String source, Status status, String detail) {
    }

    private final Ocr ocr;
    private final boolean enabled;
    private final long deadline;
    private final Set<String> seen = new HashSet<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private int count;

    /**
     * @param ocr           tesseract, or {@code null} when none is configured
     * @param enabled       whether OCR may be used at all
     * @param budgetMillis  time all OCR of this document may take
     */
    Images(Ocr ocr, boolean enabled, long budgetMillis) {
        this.ocr = ocr;
        this.enabled = enabled;
        this.deadline = System.nanoTime() + budgetMillis * 1_000_000;
    }

    /**
     * Reads the picture in {@code file} (which the caller owns) into a block of {@code part} after whatever was added
     * last, or records a gap.
     *
     * @param source where the picture stands, e.g. {@code "图片 word/media/image1.png"}
     */
    /** The JBIG2 file header (ITU T.88 Annex D). */
    private static final byte[] JBIG2_MAGIC = {(byte) 0x97, 'J', 'B', '2', 0x0D, 0x0A, 0x1A, 0x0A};

    void read(Path file, Part part, Integer page, String source, BlockSink sink) throws ExtractionException {
        BlockSink.checkInterrupted();
        count++;
        String hash;
        int[] size;
        try {
            hash = sha256(file);
            size = dimensions(file);
        } catch (IOException e) {
            unread(source, "图片无法读取", "unreadable picture", page, sink);
            return;
        }
        if (!seen.add(hash)) {
            note(source, Status.DUPLICATE, "与前一图片相同 / same as an earlier picture");
            return;
        }
        if (size == null && !raster(file)) {
            // EMF/WMF/SVG and other vector formats may carry text that OCR cannot read
            unread(source, "图片格式无法识别", "picture format OCR cannot read", page, sink);
            return;
        }
        // a raster Java cannot measure (CMYK JPEG, WebP, JBIG2 …) goes to tesseract as it is
        long pixels = size == null ? 0 : (long) size[0] * size[1];
        if (size != null && (size[0] < MIN_WIDTH || size[1] < MIN_HEIGHT || pixels < MIN_PIXELS)) {
            note(source, Status.TOO_SMALL, size[0] + "×" + size[1]);
            return;
        }
        if (!enabled || ocr == null || !ocr.available()) {
            unread(source, enabled ? "本机未安装 OCR（tesseract 中文模型）" : "OCR 已停用", enabled ? "no OCR installed" : "OCR disabled", page, sink);
            return;
        }
        if (size == null && sizeOf(file) > 30L * 1024 * 1024 || pixels > MAX_PIXELS) {
            String dims = size == null ? sizeOf(file) / (1024 * 1024) + " MB" : size[0] + "×" + size[1];
            unread(source, "图片过大（" + dims + "）", "picture too large (" + dims + ")", page, sink);
            return;
        }
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left < 1000) {
            unread(source, "OCR 时间预算已用完", "the OCR time budget is spent", page, sink);
            return;
        }
        Path input = null;
        try {
            input = readable(file);
            String text = ocr.recognise(input, Math.max(1, left / 1000));
            if (text.isBlank()) {
                note(source, Status.EMPTY, "未识别出文字 / no text found");
            } else {
                sink.add(part, text, page, source + "（OCR 识别）");
                note(source, Status.READ, text.length() + " 字 / chars");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionException(ExtractionException.Reason.TIMEOUT, "文本提取超时，已中止 / text extraction timed out and was stopped", e);
        } catch (IOException e) {
            unread(source, "OCR 失败", "OCR failed", page, sink);
        } finally {
            if (input != null && !input.equals(file)) {
                try {
                    Files.deleteIfExists(input);
                } catch (IOException e) {
                    // removed with the work folder
                }
            }
        }
    }

    /**
     * The picture in a form tesseract opens: JBIG2 (the bitonal pictures of e-invoices, bank receipts and scans, which
     * tesseract's image library cannot read) is decoded by ImageIO (jbig2-imageio) and written as PNG beside it; the
     * size was checked against the pixel limit before.
     */
    static Path readable(Path file) throws IOException {
        byte[] head = new byte[8];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 8) < 8 || !java.util.Arrays.equals(head, JBIG2_MAGIC)) {
                return file;
            }
        }
        java.awt.image.BufferedImage img = ImageIO.read(file.toFile());
        if (img == null) {
            throw new IOException("JBIG2 picture not decodable");
        }
        Path png = file.resolveSibling(file.getFileName() + ".png");
        ImageIO.write(img, "png", png.toFile());
        return png;
    }

    /** Writes {@code in} to a file of {@code folder} and reads it. */
    void read(InputStream in, Path folder, Part part, Integer page, String source, BlockSink sink) throws ExtractionException {
        Path f;
        try {
            f = Files.createTempFile(folder, "img-", ".bin");
            try (InputStream i = in) {
                Files.copy(i, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            unread(source, "图片无法读取", "unreadable picture", page, sink);
            return;
        }
        try {
            read(f, part, page, source, sink);
        } finally {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                // removed with the work folder
            }
        }
    }

    /** A picture that could not be read: a gap. */
    void unread(String source, String zh, String en, Integer page, BlockSink sink) {
        note(source, Status.UNREAD, zh + " / " + en);
        sink.gap(ExtractionGap.Reason.NO_TEXT_LAYER, "图片未识别：" + source + "（" + zh + "），其中可能有文字，须人工审查 / picture not read: " + source
                + " (" + en + "); it may hold text", page);
    }

    private void note(String source, Status status, String detail) {
        if (outcomes.size() < MAX_LISTED) {
            outcomes.add(new Outcome(source, status, detail));
        }
    }

    /** Seconds of the OCR budget left (0 when spent). */
    long secondsLeft() {
        return Math.max(0, (deadline - System.nanoTime()) / 1_000_000_000L);
    }

    /** Every picture met, in order, with what became of it. */
    List<Outcome> outcomes() {
        return outcomes;
    }

    /**
     * The pictures as a document property ({@code images}): one line per picture, {@code status<TAB>source<TAB>detail},
     * or {@code null} when the document has none.
     */
    String property() {
        if (outcomes.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Outcome o : outcomes) {
            sb.append(o.status()).append('\t').append(o.source()).append('\t').append(o.detail()).append('\n');
        }
        if (count > outcomes.size()) {
            sb.append("…\t另有 ").append(count - outcomes.size()).append(" 张图片\t\n");
        }
        return sb.toString().strip();
    }

    /** Raster formats tesseract (leptonica) reads, by their magic bytes. */
    static boolean raster(Path file) {
        byte[] h = new byte[12];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(h, 0, h.length);
            if (n < 4) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        int b0 = h[0] & 0xff;
        int b1 = h[1] & 0xff;
        return b0 == 0xFF && b1 == 0xD8 // JPEG
                || b0 == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G'
                || h[0] == 'G' && h[1] == 'I' && h[2] == 'F'
                || h[0] == 'B' && h[1] == 'M'
                || h[0] == 'I' && h[1] == 'I' && h[2] == 42 || h[0] == 'M' && h[1] == 'M' && h[3] == 42 // TIFF
                || h[0] == 'R' && h[1] == 'I' && h[2] == 'F' && h[3] == 'F' && h[8] == 'W' && h[9] == 'E' // WebP
                || b0 == 0x97 && h[1] == 'J' && h[2] == 'B' && h[3] == '2'; // JBIG2
    }

    private static long sizeOf(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Width and height from the header, or {@code null} when ImageIO cannot read the format. */
    static int[] dimensions(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return null;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader r = readers.next();
            try {
                r.setInput(in, true, true);
                return new int[] {r.getWidth(0), r.getHeight(0)};
            } catch (IOException | RuntimeException e) {
                return null;
            } finally {
                r.dispose();
            }
        }
    }

    private static String sha256(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                d.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
