package org.gongkai.server.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

/**
 * Detects a file's media type from its content with Tika's detectors (magic bytes and container
 * inspection), never trusting the name alone; the name is only a hint for types magic cannot tell apart
 * (e.g. plain text). OFD, which Tika sees as a zip, is recognised by its {@code OFD.xml} entry (GB/T 33190).
 */
public final class TypeDetector {
    public static final String OFD = "application/ofd";
    private final Detector detector;

    public TypeDetector() {
        this.detector = TikaConfig.getDefaultConfig().getDetector();
    }

    public String detect(Path file, String fileNameHint) throws IOException {
        Metadata md = new Metadata();
        if (fileNameHint != null) {
            md.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileNameHint);
        }
        MediaType type;
        try (TikaInputStream in = TikaInputStream.get(file, md)) {
            type = detector.detect(in, md);
        } catch (Exception | StackOverflowError e) {
            // a container detector choked (some throw checked exceptions undeclared) on a malformed file: fall back to magic bytes only
            try (TikaInputStream in = TikaInputStream.get(file)) {
                type = TikaConfig.getDefaultConfig().getMimeRepository().detect(in, new Metadata());
            }
        }
        String base = type.getBaseType().toString();
        if (base.equals("application/zip") && isOfd(file)) {
            return OFD;
        }
        return base;
    }

    private static boolean isOfd(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry e = zip.getEntry("OFD.xml");
            return e != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
