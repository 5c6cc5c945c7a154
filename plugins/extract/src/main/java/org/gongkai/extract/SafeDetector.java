package org.gongkai.extract;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

/**
 * Tika's default detector, falling back to magic bytes when a container detector fails. Tika 3.2's zip
 * container detector is built against commons-compress 1.28, where {@code ArchiveException} is an
 * {@code IOException}; with the 1.27 that POI brings it throws that exception, undeclared, for every stream
 * that is not an archive, and every embedded document would fail to parse.
 */
final class SafeDetector implements Detector {
    private static final long serialVersionUID = 1L;
    private final transient Detector full;
    private final transient Detector magic;

    SafeDetector() {
        TikaConfig c = TikaConfig.getDefaultConfig();
        full = c.getDetector();
        magic = c.getMimeRepository();
    }

    @Override
    public MediaType detect(InputStream input, Metadata metadata) throws IOException {
        if (input == null) {
            return full.detect(null, metadata);
        }
        if (TikaInputStream.isTikaInputStream(input)) {
            TikaInputStream tis = TikaInputStream.cast(input);
            tis.getPath(); // spooled to a file first, so that a detector failing half-way cannot leave the stream half read
            try {
                return full.detect(tis, metadata);
            } catch (Exception | StackOverflowError e) {
                try (TikaInputStream again = TikaInputStream.get(tis.getPath())) {
                    return magic.detect(again, metadata);
                }
            }
        }
        input.mark(1 << 16);
        try {
            return full.detect(input, metadata);
        } catch (Exception | StackOverflowError e) {
            input.reset();
            return magic.detect(input, metadata);
        }
    }
}
