package org.gongkai.server.document.pages;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rendered page images on disk, under {@code <data>/pages/<document id>/p<page>-<dpi>dpi.png}, so a page is rendered
 * once per resolution. Files are written to a temporary name and moved into place, so a reader never sees half an
 * image; a document id that is not a plain id is never turned into a path.
 */
final class PageImageCache {
    private static final Pattern ID = Pattern.compile("[0-9A-Za-z-]{1,36}");
    private final Path root;

    PageImageCache(Path root) {
        this.root = root;
    }

    Optional<byte[]> get(String documentId, int page, int dpi) {
        Path f = file(documentId, page, dpi);
        try {
            return f != null && Files.isRegularFile(f) ? Optional.of(Files.readAllBytes(f)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // a cache that cannot be read is only slower
        }
    }

    void put(String documentId, int page, int dpi, byte[] png) {
        Path f = file(documentId, page, dpi);
        if (f == null) {
            return;
        }
        try {
            Files.createDirectories(f.getParent());
            Path tmp = Files.createTempFile(f.getParent(), "render-", ".part");
            try {
                Files.write(tmp, png);
                try {
                    Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            // a cache that cannot be written is only slower
        }
    }

    private Path file(String documentId, int page, int dpi) {
        return documentId != null && ID.matcher(documentId).matches() ? root.resolve(documentId).resolve("p" + page + "-" + dpi + "dpi.png") : null;
    }
}
