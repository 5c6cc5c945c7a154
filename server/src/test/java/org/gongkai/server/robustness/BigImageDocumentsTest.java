package org.gongkai.server.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.gongkai.server.TestEnv;
import org.gongkai.server.cli.CheckCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DOCX and a PDF of about 48 MB whose content is one large picture (with a line of annotated text beside it) used
 * to reach PUBLICATION_REVIEW: the picture was never looked at. Now the picture is an unread picture — too large to
 * OCR safely — and the document goes to MANUAL_REVIEW with 图片未识别.
 */
class BigImageDocumentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A grey picture of random noise, JPEG at high quality: about 48 MB that nothing compresses. */
    private static byte[] noiseJpeg(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        new Random(3).nextBytes(((DataBufferByte) img.getRaster().getDataBuffer()).getData());
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam p = writer.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(0.97f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    @Test
    void a_document_that_is_one_huge_picture_goes_to_manual_review_with_the_picture_named() throws Exception {
        byte[] jpeg = noiseJpeg(7600, 7000);
        assertTrue(jpeg.length > 30_000_000, "picture of " + jpeg.length + " bytes");
        Path docx = dir.resolve("one-big-picture.docx");
        try (XWPFDocument d = new XWPFDocument(); OutputStream o = Files.newOutputStream(docx)) {
            d.createParagraph().createRun().setText("（此件公开发布）");
            d.createParagraph().createRun().addPicture(new ByteArrayInputStream(jpeg), Document.PICTURE_TYPE_JPEG, "scan.jpg",
                    Units.toEMU(450), Units.toEMU(415));
            d.write(o);
        }
        Path pdf = dir.resolve("one-big-picture.pdf");
        try (PDDocument d = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            d.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(d, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 800);
                cs.showText("Notice 2024");
                cs.endText();
                cs.drawImage(JPEGFactory.createFromByteArray(d, jpeg), 40, 40, 515, 740);
            }
            d.save(pdf.toFile());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CheckCommand(TestEnv.config(dir.resolve("data")), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .run(List.of(docx.toString(), pdf.toString()), "PUBLIC", null);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length);
        for (String line : lines) {
            JsonNode r = JSON.readTree(line);
            assertEquals("MANUAL_REVIEW", r.get("route").asText(), line);
            assertTrue(line.contains("图片未识别") && line.contains("图片过大"), line);
        }
    }
}
