package org.gongkai.extract;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Optical character recognition with the {@code tesseract} command and its {@code chi_sim} model (Debian
 * packages tesseract-ocr, tesseract-ocr-chi-sim). Available only when both are installed; otherwise image
 * pages stay unread and the document goes to manual review.
 */
final class Ocr {
    private final boolean available;
    private final long timeoutSeconds;

    private Ocr(boolean available, long timeoutSeconds) {
        this.available = available;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Probes {@code tesseract --list-langs} once. */
    static Ocr probe(String command, long timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(command, "--list-langs").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean ok = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0 && out.lines().anyMatch(l -> l.strip().equals("chi_sim"));
            return new Ocr(ok, timeoutSeconds);
        } catch (IOException e) {
            return new Ocr(false, timeoutSeconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Ocr(false, timeoutSeconds);
        }
    }

    boolean available() {
        return available;
    }

    /** Recognises the text of one image; empty when nothing was recognised. */
    String recognise(BufferedImage image) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("gongkai-ocr");
        try {
            Path png = dir.resolve("page.png");
            ImageIO.write(image, "png", png.toFile());
            return recognise(png);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    String recognise(Path image) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("tesseract", image.toString(), "stdout", "-l", "chi_sim+eng", "--psm", "3")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out;
        try {
            out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new IOException("tesseract timed out");
            }
        } finally {
            p.destroyForcibly();
        }
        return new String(out, StandardCharsets.UTF_8).strip();
    }
}
