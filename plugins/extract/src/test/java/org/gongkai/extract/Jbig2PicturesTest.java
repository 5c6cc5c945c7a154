package org.gongkai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JBIG2 pictures (e-invoices' and bank receipts' bitonal images in OFD, and scans) are decoded for OCR: tesseract's
 * image library cannot open them, and a picture OCR could not open is a gap that sends the document to manual review.
 */
class Jbig2PicturesTest {
    @TempDir
    Path dir;

    @Test
    void a_jbig2_picture_from_a_real_e_invoice_becomes_a_png_tesseract_can_open() throws Exception {
        Path jb2 = dir.resolve("image_100.jb2");
        try (ZipFile z = new ZipFile(TestFiles.fixture("real/inv-sh-inspur-cloud.ofd").toFile());
             InputStream in = z.getInputStream(z.getEntry("Doc_0/image_100.jb2"))) {
            Files.copy(in, jb2);
        }
        Path png = Images.readable(jb2);
        assertNotEquals(jb2, png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, "a PNG ImageIO (and tesseract) can read");
        assertEquals(100, img.getWidth());
        assertEquals(100, img.getHeight());
        byte[] magic = new byte[8];
        try (InputStream in = Files.newInputStream(png)) {
            in.readNBytes(magic, 0, 8);
        }
        assertEquals((byte) 0x89, magic[0], "PNG signature");
    }

    @Test
    void any_other_picture_is_handed_to_tesseract_as_it_is() throws Exception {
        Path png = dir.resolve("plain.png");
        ImageIO.write(new BufferedImage(60, 20, BufferedImage.TYPE_BYTE_GRAY), "png", png.toFile());
        assertSame(png, Images.readable(png));
        Path tiny = Files.write(dir.resolve("tiny.bin"), new byte[] {1, 2, 3});
        assertSame(tiny, Images.readable(tiny), "fewer than eight bytes: not JBIG2");
    }
}
