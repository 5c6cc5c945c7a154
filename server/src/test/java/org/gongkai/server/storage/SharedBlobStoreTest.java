package org.gongkai.server.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.gongkai.server.App;
import org.gongkai.server.TestEnv;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.config.ServerConfig;
import org.gongkai.server.document.CheckListener;
import org.gongkai.server.document.DocumentService;
import org.gongkai.server.document.Intake;
import org.gongkai.server.pipeline.TypeDetector;
import org.gongkai.server.plugin.PluginRegistry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Originals stored once by content, however many uploads race: the local file store on H2 and the shared
 * database store on H2 and, when CI provides it, PostgreSQL. Two servers on one database read each other's
 * originals, and a stored original whose bytes no longer match their hash is refused.
 */
class SharedBlobStoreTest {
    @TempDir
    Path dir;
    /** Loaded once: intake only asks it whether a type can be checked. */
    private static PluginRegistry plugins;

    @org.junit.jupiter.api.BeforeAll
    static void plugins() {
        plugins = PluginRegistry.load(App.environment(TestEnv.config(Path.of(System.getProperty("java.io.tmpdir")))));
    }

    static Stream<String> stores() {
        return Stream.of("h2/files", "h2/database", "postgresql/database");
    }

    /** The stores several servers share (the file store is one server's own). */
    static Stream<String> sharedStores() {
        return Stream.of("h2/database", "postgresql/database");
    }

    private Database open(String kind) throws Exception {
        if (kind.startsWith("h2")) {
            return new Database(ServerConfig.h2Url(dir.resolve("db")), "sa", "");
        }
        String url = TestEnv.postgresUrl();
        Assumptions.assumeTrue(url != null, "GONGKAI_TEST_PG_URL not set: PostgreSQL tests skipped (CI sets it)");
        DatabaseTest.resetPostgres(url);
        return new Database(url, null, null);
    }

    private BlobStore store(String kind, Database db, Path data) throws IOException {
        return kind.endsWith("files") ? new FileBlobStore(data) : new DatabaseBlobStore(db, data);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void fifty_pairs_of_identical_uploads_racing_each_other_are_all_accepted(String kind) throws Exception {
        ServerConfig cfg = TestEnv.config(dir.resolve("server"));
        ExecutorService extraction = App.extractionThreads();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try (Database db = open(kind)) {
            org.gongkai.server.queue.QueueConfig qc = org.gongkai.server.queue.QueueConfig.load(TestEnv.root().resolve("config").resolve("queues.properties"));
            DocumentService documents = new DocumentService(db, store(kind, db, dir.resolve("data")), new TypeDetector(),
                    App.pipeline(plugins, extraction, cfg), App.objectMapper(), Clock.systemUTC(), 10_000_000, Duration.ofMinutes(1), CheckListener.NONE,
                    new org.gongkai.server.access.DocumentAccess(db, qc, new org.gongkai.server.audit.SecurityAudit(db, Clock.systemUTC())),
                    new org.gongkai.server.document.CheckedSignals());
            Actor drafter = new Actor("race.drafter", Actor.Role.DRAFTER, "办公室");
            List<String> errors = new ArrayList<>();
            for (int pair = 0; pair < 50; pair++) {
                byte[] same = ("关于第" + pair + "批资金安排的通知\n（此件主动公开）\n").getBytes(StandardCharsets.UTF_8);
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<DocumentService.Receipt>> both = new ArrayList<>();
                for (int k = 0; k < 2; k++) {
                    both.add(clients.submit(() -> {
                        start.await();
                        return documents.receive(drafter, new Intake("通知.txt", new ByteArrayInputStream(same), null, null, null, null, null));
                    }));
                }
                for (Future<DocumentService.Receipt> f : both) {
                    try {
                        f.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        errors.add("pair " + pair + ": " + e.getCause());
                    }
                }
            }
            assertEquals(List.of(), errors, "every upload of identical bytes is accepted");
            int blobs = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM blob").mapTo(Integer.class).one());
            int docs = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM document").mapTo(Integer.class).one());
            assertEquals(50, blobs, "one blob per distinct content");
            assertEquals(100, docs, "one document per upload");
        } finally {
            clients.shutdownNow();
            extraction.shutdownNow();
        }
    }

    @ParameterizedTest
    @MethodSource("sharedStores")
    void an_original_stored_through_one_server_is_read_by_another(String kind) throws Exception {
        try (Database db = open(kind)) {
            BlobStore first = store(kind, db, dir.resolve("server-a"));
            BlobStore second = store(kind, db, dir.resolve("server-b"));
            byte[] bytes = new byte[DatabaseBlobStore.CHUNK * 2 + 12345]; // three chunks
            new Random(12).nextBytes(bytes);
            BlobStore.Staged s = first.stage(new ByteArrayInputStream(bytes), bytes.length);
            first.commit(s, "application/pdf");
            new BlobRows(db).insertIfAbsent(s.sha256(), s.size(), "application/pdf", java.time.OffsetDateTime.now());
            assertTrue(second.exists(s.sha256()));
            assertArrayEquals(bytes, Files.readAllBytes(second.path(s.sha256())), "fetched whole, in order");
            assertThrows(FileNotFoundException.class, () -> second.path("0".repeat(64)));
        }
    }

    @ParameterizedTest
    @MethodSource("sharedStores")
    void a_stored_original_whose_bytes_changed_is_refused(String kind) throws Exception {
        try (Database db = open(kind)) {
            BlobStore first = store(kind, db, dir.resolve("server-a"));
            byte[] bytes = "原件内容".getBytes(StandardCharsets.UTF_8);
            BlobStore.Staged s = first.stage(new ByteArrayInputStream(bytes), bytes.length);
            first.commit(s, "text/plain");
            db.jdbi().useHandle(h -> h.createUpdate("UPDATE blob_chunk SET data = :d WHERE sha256 = :s").bind("d", "篡改".getBytes(StandardCharsets.UTF_8))
                    .bind("s", s.sha256()).execute());
            BlobStore other = store(kind, db, dir.resolve("server-c"));
            IOException e = assertThrows(IOException.class, () -> other.path(s.sha256()));
            assertTrue(e.getMessage().contains("do not match"), e.getMessage());
            assertFalse(Files.exists(dir.resolve("server-c").resolve("files").resolve(s.sha256().substring(0, 2))
                    .resolve(s.sha256().substring(2, 4)).resolve(s.sha256())), "nothing unverified is cached");
        }
    }

    @Test
    void the_default_store_follows_the_database() {
        assertEquals("database", ServerConfig.fromEnvironment(java.util.Map.of("GONGKAI_DB_URL", "jdbc:postgresql://db/gongkai"), 0, dir).blobStore());
        assertEquals("files", ServerConfig.fromEnvironment(java.util.Map.of(), 0, dir).blobStore());
        assertEquals("files", ServerConfig.fromEnvironment(java.util.Map.of("GONGKAI_DB_URL", "jdbc:postgresql://db/gongkai",
                "GONGKAI_BLOB_STORE", "files"), 0, dir).blobStore());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.fromEnvironment(java.util.Map.of("GONGKAI_BLOB_STORE", "s3"), 0, dir));
    }
}
