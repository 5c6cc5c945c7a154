package org.gongkai.server.storage;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Originals in the shared database ({@code blob_chunk}, 1 MiB chunks of bytea), so that every server on one
 * PostgreSQL database reads every original; chosen automatically with PostgreSQL. The bytes are written in
 * the transaction that sets {@code blob.chunk_count}, and only by the transaction that moved it from NULL:
 * however many servers race, a blob is written once, and a reader never sees a partial one. Each server
 * keeps a local cache of what it received or read ({@code data/files}, the file store's layout), and
 * checks a fetched copy against its hash before using it.
 */
public final class DatabaseBlobStore implements BlobStore {
    static final int CHUNK = 1024 * 1024;
    private final Database db;
    private final FileBlobStore cache;

    public DatabaseBlobStore(Database db, Path dataDir) throws IOException {
        this.db = db;
        this.cache = new FileBlobStore(dataDir);
    }

    @Override
    public Staged stage(InputStream in, long maxBytes) throws IOException {
        return cache.stage(in, maxBytes);
    }

    @Override
    public void commit(Staged s, String mediaType) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                db.jdbi().useTransaction(h -> store(h, s, mediaType));
                break;
            } catch (UnableToExecuteStatementException e) {
                if (!BlobRows.isDuplicateKey(e) || attempt >= 3) {
                    throw e;
                }
            }
        }
        cache.place(s, false); // the database holds the durable copy; the cache can always be fetched again
    }

    private void store(Handle h, Staged s, String mediaType) throws IOException {
        BlobRows.insertIfAbsent(h, db.isPostgres(), s.sha256(), s.size(), mediaType, OffsetDateTime.now(ZoneOffset.UTC));
        int chunks = (int) Math.max(1, (s.size() + CHUNK - 1) / CHUNK);
        int mine = h.createUpdate("UPDATE blob SET chunk_count = :n WHERE sha256 = :sha AND chunk_count IS NULL")
                .bind("n", chunks).bind("sha", s.sha256()).execute();
        if (mine == 0) {
            return; // stored already (or being stored by a transaction we waited for)
        }
        try (InputStream in = Files.newInputStream(s.file())) {
            for (int i = 0; i < chunks; i++) {
                byte[] data = in.readNBytes(CHUNK);
                h.createUpdate("INSERT INTO blob_chunk (sha256, chunk_no, data) VALUES (:sha, :no, :data)")
                        .bind("sha", s.sha256()).bind("no", i).bind("data", data).execute();
            }
        }
    }

    @Override
    public boolean recordsRows() {
        return true;
    }

    @Override
    public void discard(Staged s) {
        cache.discard(s);
    }

    @Override
    public Path path(String sha256) throws IOException {
        Path local = cache.path(sha256);
        if (Files.exists(local)) {
            return local;
        }
        int chunks = chunkCount(sha256).orElseThrow(() -> new FileNotFoundException("no stored bytes for " + sha256));
        Path t = Files.createTempFile(cache.tmpDir(), "fetch-", ".part");
        MessageDigest md = FileBlobStore.sha256();
        long size = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(t), md)) {
            for (int i = 0; i < chunks; i++) {
                int no = i;
                byte[] data = db.jdbi().withHandle(h -> h.createQuery("SELECT data FROM blob_chunk WHERE sha256 = :sha AND chunk_no = :no")
                        .bind("sha", sha256).bind("no", no).mapTo(byte[].class).findOne())
                        .orElseThrow(() -> new IOException("chunk " + no + " of " + sha256 + " is missing"));
                out.write(data);
                size += data.length;
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(t);
            throw e;
        }
        if (!HexFormat.of().formatHex(md.digest()).equals(sha256)) {
            Files.deleteIfExists(t);
            throw new IOException("stored bytes of " + sha256 + " do not match their hash");
        }
        cache.place(new Staged(t, sha256, size), false);
        return local;
    }

    private Optional<Integer> chunkCount(String sha256) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT chunk_count FROM blob WHERE sha256 = :sha AND chunk_count IS NOT NULL")
                .bind("sha", sha256).mapTo(Integer.class).findOne());
    }

    @Override
    public boolean exists(String sha256) {
        return Files.exists(cache.path(sha256)) || chunkCount(sha256).isPresent();
    }

    @Override
    public String kind() {
        return "database";
    }

    @Override
    public void probe() throws IOException {
        cache.probe();
        db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM blob_chunk WHERE chunk_no < 0").mapTo(Integer.class).one());
    }

    @Override
    public void cleanTemporary() throws IOException {
        cache.cleanTemporary();
    }
}
