package org.gongkai.extract;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.Part;

/**
 * The pictures drawn on PDF pages that also carry text (a photographed ID card pasted into a typed notice): every image
 * XObject of the page and of the forms it draws, each once, given to {@link Images} (size from the image dictionary,
 * decoded only when big enough to hold text and small enough to decode safely). Pages without any text are OCR'd
 * whole by the extractor instead.
 */
final class PdfImages {
    /** Pictures are decoded to at most this many pixels (a 4-byte pixel each). */
    private static final long MAX_DECODE = 40_000_000L;
    private final Images images;
    private final Path work;
    private final Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    PdfImages(Images images, Path work) {
        this.images = images;
        this.work = work;
    }

    void read(PDPage page, int number, BlockSink sink) throws ExtractionException {
        try {
            resources(page.getResources(), number, sink, 0);
        } catch (IOException | RuntimeException e) {
            images.unread("第" + number + "页的图片", "图片无法读取", "pictures unreadable", number, sink);
        }
    }

    private void resources(PDResources res, int page, BlockSink sink, int depth) throws IOException, ExtractionException {
        if (res == null || depth > 8) {
            return;
        }
        for (COSName n : res.getXObjectNames()) {
            BlockSink.checkInterrupted();
            PDXObject x = res.getXObject(n);
            if (x == null || !seen.add(x.getCOSObject())) {
                continue;
            }
            if (x instanceof PDImageXObject img) {
                image(img, "第" + page + "页 图片 " + n.getName(), page, sink);
            } else if (x instanceof PDFormXObject form) {
                resources(form.getResources(), page, sink, depth + 1);
            }
        }
    }

    private void image(PDImageXObject img, String source, int page, BlockSink sink) throws ExtractionException {
        if (img.isStencil()) {
            return; // a mask: a shape, not a picture
        }
        long w = img.getWidth();
        long h = img.getHeight();
        if (w < Images.MIN_WIDTH || h < Images.MIN_HEIGHT || w * h < Images.MIN_PIXELS) {
            return;
        }
        if (w * h > MAX_DECODE) {
            images.unread(source, "图片过大（" + w + "×" + h + "）", "picture too large (" + w + "×" + h + ")", page, sink);
            return;
        }
        Path f = null;
        try {
            BufferedImage bi = img.getImage();
            f = Files.createTempFile(work, "pdfimg-", ".png");
            ImageIO.write(bi, "png", f.toFile());
            images.read(f, Part.BODY, page, source, sink);
        } catch (IOException | RuntimeException e) {
            images.unread(source, "图片无法解码", "picture could not be decoded", page, sink);
        } finally {
            if (f != null) {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    // removed with the work folder
                }
            }
        }
    }
}
