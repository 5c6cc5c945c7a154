package org.gongkai.server.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Original files, stored once by the SHA-256 of their bytes under {@code files/ab/cd/<sha256>}. Writes go
 * to a temporary file, are forced to disk, then moved into place, so a crash never leaves a partial file
 * under a content address.
 */
public final class BlobStore {
    private final Path root;
    private final Path tmp;

    public BlobStore(Path dataDir) throws IOException {
        this.root = dataDir.resolve("files");
        this.tmp = dataDir.resolve("tmp");
        Files.createDirectories(root);
        Files.createDirectories(tmp);
    }

    /** A file being received: streamed to disk while hashed, never held whole in memory. */
    public record Staged(Path file, String sha256, long size) {
    }

    /**
     * Streams {@code in} to a temporary file, at most {@code maxBytes} bytes.
     *
     * @throws TooLargeException when the stream is longer than {@code maxBytes}; nothing is kept
     */
    public Staged stage(InputStream in, long maxBytes) throws IOException {
        Path t = Files.createTempFile(tmp, "upload-", ".part");
        MessageDigest md = sha256();
        long n = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(t, StandardOpenOption.WRITE), md)) {
            byte[] buf = new byte[64 * 1024];
            int r;
            while ((r = in.read(buf)) >= 0) {
                n += r;
                if (n > maxBytes) {
                    throw new TooLargeException(maxBytes);
                }
                out.write(buf, 0, r);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(t);
            throw e;
        }
        return new Staged(t, HexFormat.of().formatHex(md.digest()), n);
    }

    /** Moves a staged file to its content address (or drops it when those bytes are already stored). */
    public Path commit(Staged s) throws IOException {
        Path target = path(s.sha256());
        if (Files.exists(target)) {
            Files.deleteIfExists(s.file());
            return target;
        }
        Files.createDirectories(target.getParent());
        try (FileChannel ch = FileChannel.open(s.file(), StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(s.file(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(s.file(), target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    public void discard(Staged s) {
        try {
            Files.deleteIfExists(s.file());
        } catch (IOException ignored) {
            // a leftover temp file is harmless; tmp/ is cleaned at start-up
        }
    }

    public Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a sha256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    public boolean exists(String sha256) {
        return Files.exists(path(sha256));
    }

    /** Removes leftovers of uploads interrupted by a crash. */
    public void cleanTemporary() throws IOException {
        try (var files = Files.list(tmp)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The upload is larger than allowed. */
    public static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long limit;

        public TooLargeException(long limit) {
            super("upload larger than " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }
}
