package org.gongkai.extract;

import static org.gongkai.extract.TestFiles.assertFails;
import static org.gongkai.extract.TestFiles.assertWellFormed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.gongkai.spi.Block;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionException.Reason;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.Part;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageExtractorTest {
    private static ImageExtractor image;
    private static boolean ocr;

    @TempDir
    Path tmp;

    @BeforeAll
    static void configure() {
        image = TestFiles.configured(new ImageExtractor());
        ocr = TestFiles.tesseractWithChinese();
    }

    Path png(String text) throws Exception {
        BufferedImage img = new BufferedImage(900, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 900, 200);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font("Noto Sans CJK SC", Font.PLAIN, 48));
        g.drawString(text, 40, 120);
        g.dispose();
        Path f = tmp.resolve("scan.png");
        ImageIO.write(img, "png", f.toFile());
        return f;
    }

    @Test
    void imagesAreDeclaredOnlyWhenOcrIsInstalled() {
        assertEquals(ocr, !image.mediaTypes().isEmpty(), "media types " + image.mediaTypes());
        if (ocr) {
            assertTrue(image.mediaTypes().contains("image/png"));
        }
    }

    @Test
    void withoutOcrAnImageIsNoText() throws Exception {
        Path f = png("关于做好防汛工作的通知");
        ExtractionException e = assertFails(Reason.NO_TEXT, () -> image.extract(f, "image/png", TestFiles.noOcr()));
        assertTrue(e.getMessage().contains("OCR"), e.getMessage());
        if (!ocr) {
            assertFails(Reason.NO_TEXT, () -> image.extract(f, "image/png", ExtractionLimits.defaults()));
        }
    }

    @Test
    void emptyImageIsEmpty() throws Exception {
        Path f = Files.createFile(tmp.resolve("empty.png"));
        assertFails(Reason.EMPTY, () -> image.extract(f, "image/png", ExtractionLimits.defaults()));
    }

    @Test
    void ocrOutputIsOneBodyBlockOnPageOne() throws Exception {
        Path fake = TestFiles.fakeTesseract(tmp, "关于做好防汛工作的通知", 0);
        ImageExtractor withOcr = new ImageExtractor();
        withOcr.configure(TestFiles.config("image", java.util.Map.of("tesseract", fake.toString())));
        assertTrue(withOcr.mediaTypes().contains("image/png"));
        DocumentText t = withOcr.extract(png("x"), "image/png", ExtractionLimits.defaults());
        assertWellFormed(t);
        assertEquals(1, t.pageCount());
        assertEquals(1, t.blocks().size());
        assertEquals("关于做好防汛工作的通知", t.blocks().get(0).text());
        assertEquals(Part.BODY, t.blocks().get(0).part());
        assertFails(Reason.NO_TEXT, () -> withOcr.extract(png("x"), "image/png", TestFiles.noOcr()));

        Path blank = TestFiles.fakeTesseract(Files.createDirectories(tmp.resolve("blank")), "", 0);
        ImageExtractor nothing = new ImageExtractor();
        nothing.configure(TestFiles.config("image", java.util.Map.of("tesseract", blank.toString())));
        assertFails(Reason.NO_TEXT, () -> nothing.extract(png("x"), "image/png", ExtractionLimits.defaults()));
    }

    @Test
    void ocrReadsChineseText() throws Exception {
        Assumptions.assumeTrue(ocr, "tesseract with chi_sim is not installed: OCR of images not checked");
        DocumentText t = image.extract(png("关于做好防汛工作的通知"), "image/png", ExtractionLimits.defaults());
        assertWellFormed(t);
        Block b = t.blocks().get(0);
        assertEquals(Part.BODY, b.part());
        assertEquals("OCR", b.source());
        assertEquals(1, b.page());
        assertTrue(b.text().contains("防汛"), b.text());
    }
}
