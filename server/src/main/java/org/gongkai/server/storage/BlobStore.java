package org.gongkai.server.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where originals are kept, addressed by the SHA-256 of their bytes, each stored once however many uploads
 * (or servers) bring the same bytes at the same moment. {@link FileBlobStore} keeps them on this server's
 * disk (the embedded default); {@link DatabaseBlobStore} keeps them in the shared database, so that every
 * server on one PostgreSQL database can read every original.
 */
public interface BlobStore {

    /** A file being received: streamed to a local temporary file while hashed, never held whole in memory. */
    record Staged(Path file, String sha256, long size) {
    }

    /**
     * Streams {@code in} to a temporary file, at most {@code maxBytes} bytes.
     *
     * @throws TooLargeException when the stream is longer than {@code maxBytes}; nothing is kept
     */
    Staged stage(InputStream in, long maxBytes) throws IOException;

    /**
     * Stores a staged file durably under its content address before returning; idempotent, also when other
     * threads or servers commit the same bytes at the same time. The staged file is consumed.
     */
    void commit(Staged s, String mediaType) throws IOException;

    /** Whether {@link #commit} also records the {@code blob} row (in the transaction that stores the bytes). */
    default boolean recordsRows() {
        return false;
    }

    /** Drops a staged file that will not be committed. */
    void discard(Staged s);

    /**
     * A local, readable file holding the bytes of {@code sha256} (fetched into this server's cache first when
     * another server stored them).
     *
     * @throws java.io.FileNotFoundException when no such bytes are stored
     */
    Path path(String sha256) throws IOException;

    /** Whether bytes with this hash are stored. */
    boolean exists(String sha256) throws IOException;

    /** "files" or "database", for health and metrics. */
    String kind();

    /** Throws when the store cannot be written right now (readiness). */
    void probe() throws IOException;

    /** Removes leftovers of uploads interrupted by a crash. */
    void cleanTemporary() throws IOException;

    /** The upload is larger than allowed. */
    final class TooLargeException extends IOException {
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
