package org.gongkai.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.gongkai.spi.ExtractionGap;

/** Checks on zip containers (DOCX, OFD) whose readers fall back to reading the entries one by one. */
final class Zips {
    private Zips() {
    }

    /**
     * Whether the zip's central directory can be read. It stands at the end of the file, so a truncated file has
     * none; POI and ofdrw then read the entries one by one from the start and silently miss what was cut off.
     */
    static boolean directoryReadable(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.size() > 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Adds a gap when the zip's central directory is damaged: whatever could be read is read, the rest may be missing. */
    static void gapIfDamaged(Path file, BlockSink sink) {
        if (!directoryReadable(file)) {
            sink.gap(ExtractionGap.Reason.PART_UNREADABLE, "文件的 ZIP 目录已损坏（文件可能被截断），已尽量读取，部分内容可能缺失 / the file's zip directory"
                    + " is damaged (it may be truncated); what could be read was read, some text may be missing", null);
        }
    }
}
