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
 * Original files on this server's disk, stored once by the SHA-256 of their bytes under
 * {@code files/ab/cd/<sha256>} (the embedded default). Writes go to a temporary file, are forced to disk,
 * then moved into place, so a crash never leaves a partial file under a content address; two uploads of the
 * same bytes racing each other both end with the one file.
 */
public final class FileBlobStore implements BlobStore {
    private final Path root;
    private final Path tmp;

    public FileBlobStore(Path dataDir) throws IOException {
        this(dataDir.resolve("files"), dataDir.resolve("tmp"));
    }

    FileBlobStore(Path root, Path tmp) throws IOException {
        this.root = root;
        this.tmp = tmp;
        Files.createDirectories(root);
        Files.createDirectories(tmp);
    }

    @Override
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

    /** Moves a staged file to its content address, forced to disk first (or drops it when those bytes are already stored). */
    @Override
    public void commit(Staged s, String mediaType) throws IOException {
        place(s, true);
    }

    /**
     * Moves a staged file under its content address; with {@code durable}, forces it and the folder to disk
     * first. Content addressing makes a race harmless: whoever moves last replaces identical bytes.
     */
    void place(Staged s, boolean durable) throws IOException {
        Path target = path(s.sha256());
        if (Files.exists(target)) {
            Files.deleteIfExists(s.file());
            return;
        }
        Files.createDirectories(target.getParent());
        if (durable) {
            try (FileChannel ch = FileChannel.open(s.file(), StandardOpenOption.WRITE)) {
                ch.force(true);
            }
        }
        try {
            Files.move(s.file(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(s.file(), target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void discard(Staged s) {
        try {
            Files.deleteIfExists(s.file());
        } catch (IOException ignored) {
            // a leftover temp file is harmless; tmp/ is cleaned at start-up
        }
    }

    @Override
    public Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a sha256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    @Override
    public boolean exists(String sha256) {
        return Files.exists(path(sha256));
    }

    Path tmpDir() {
        return tmp;
    }

    @Override
    public String kind() {
        return "files";
    }

    @Override
    public void probe() throws IOException {
        Path p = Files.createTempFile(tmp, "probe-", ".tmp");
        Files.delete(p);
    }

    /** Removes leftovers of uploads interrupted by a crash. */
    @Override
    public void cleanTemporary() throws IOException {
        try (var files = Files.list(tmp)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
