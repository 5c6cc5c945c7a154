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
    private final String command;
    /** Whether tesseract with chi_sim is there: probed once, on first use (a document without pictures never asks). */
    private Boolean available;
    private final long timeoutSeconds;

    private Ocr(String command, Boolean available, long timeoutSeconds) {
        this.command = command;
        this.available = available;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** No OCR: every picture that could hold text is a gap. */
    static Ocr unavailable() {
        return new Ocr("tesseract", false, 0);
    }

    /** tesseract as {@code command}; {@code tesseract --list-langs} is run the first time it is needed. */
    static Ocr probe(String command, long timeoutSeconds) {
        return new Ocr(command, null, timeoutSeconds);
    }

    private static boolean installed(String command) {
        try {
            Process p = new ProcessBuilder(command, "--list-langs").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0 && out.lines().anyMatch(l -> l.strip().equals("chi_sim"));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    synchronized boolean available() {
        if (available == null) {
            available = installed(command);
        }
        return available;
    }

    /** Recognises the text of one image; empty when nothing was recognised. */
    String recognise(BufferedImage image) throws IOException, InterruptedException {
        return recognise(image, timeoutSeconds);
    }

    /** Recognises the text of one image within {@code seconds}; empty when nothing was recognised. */
    String recognise(BufferedImage image, long seconds) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("gongkai-ocr");
        try {
            Path png = dir.resolve("page.png");
            ImageIO.write(image, "png", png.toFile());
            return recognise(png, seconds);
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
        return recognise(image, timeoutSeconds);
    }

    /** Recognises the text of an image file within {@code seconds} (at most the configured time-out). */
    String recognise(Path image, long seconds) throws IOException, InterruptedException {
        long timeoutSeconds = Math.min(seconds, this.timeoutSeconds);
        Path dir = Files.createTempDirectory("gongkai-ocr-out");
        Path out = dir.resolve("out.txt");
        try {
            // output to a file, not a pipe: reading a pipe blocks past the time-out when tesseract hangs
            ProcessBuilder pb = new ProcessBuilder(command, image.toString(), "stdout", "-l", "chi_sim+eng", "--psm", "3")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(out.toFile());
            // one thread per recognition: the server runs one per worker, and OpenMP's threads per process only contend
            pb.environment().put("OMP_THREAD_LIMIT", "1");
            Process p = pb.start();
            try {
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    throw new IOException("tesseract timed out after " + timeoutSeconds + " s");
                }
                if (p.exitValue() != 0) {
                    throw new IOException("tesseract failed with exit code " + p.exitValue());
                }
            } finally {
                p.destroyForcibly();
            }
            return Files.readString(out, StandardCharsets.UTF_8).strip();
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(dir);
        }
    }
}
