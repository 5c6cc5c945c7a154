package org.gongkai.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gongkai.spi.ExtractionException;

/**
 * Temporary folders for one document's extraction, below {@code java.io.tmpdir}. The server runs extraction in
 * child processes whose {@code java.io.tmpdir} is a folder of the data folder that the server empties after every
 * document and removes when the child ends; the extractor removes its own folder as well, whatever happens.
 */
final class WorkFolder {
    private WorkFolder() {
    }

    static Path create(String prefix) throws ExtractionException {
        try {
            Path root = Path.of(System.getProperty("java.io.tmpdir"));
            Files.createDirectories(root);
            return Files.createTempDirectory(root, prefix);
        } catch (IOException | RuntimeException e) {
            throw new ExtractionException(ExtractionException.Reason.LIMIT_EXCEEDED, "临时文件夹无法创建，文件未读取 / no temporary folder could be created;"
                    + " the file was not read", e);
        }
    }
}
