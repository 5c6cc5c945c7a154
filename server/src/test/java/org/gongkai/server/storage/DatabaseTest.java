package org.gongkai.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.gongkai.server.TestEnv;
import org.gongkai.server.config.ServerConfig;
import org.gongkai.server.document.DocumentDao;
import org.gongkai.server.document.DocumentRecord;
import org.gongkai.server.document.EventDao;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schema and DAOs on the embedded H2 database and, when CI provides one ({@code GONGKAI_TEST_PG_URL}),
 * on a real PostgreSQL: the same Flyway migrations must run on both.
 */
class DatabaseTest {
    @TempDir
    Path dir;

    static Stream<String> databases() {
        return Stream.of("h2", "postgresql");
    }

    private Database open(String kind) throws Exception {
        if (kind.equals("h2")) {
            return new Database(ServerConfig.h2Url(dir), "sa", "");
        }
        String url = TestEnv.postgresUrl();
        Assumptions.assumeTrue(url != null, "GONGKAI_TEST_PG_URL not set: PostgreSQL tests skipped (CI sets it)");
        resetPostgres(url);
        return new Database(url, null, null);
    }

    static void resetPostgres(String url) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS public CASCADE"); // a run killed between the two statements leaves none
            s.execute("CREATE SCHEMA public");
        }
    }

    private static DocumentRecord doc(String id, String sha) {
        return new DocumentRecord(id, "通知.docx", sha, "application/pdf", 10, "RECEIVED", "PUBLIC", null, "办公室", null, null, null, null,
                "anonymous", OffsetDateTime.now(ZoneOffset.UTC), null, null, null, 0, null, null, null, null, null, null, null, null, null, 0);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void migrations_create_the_schema_and_documents_round_trip(String kind) throws Exception {
        try (Database db = open(kind)) {
            String sha = "a".repeat(64);
            db.jdbi().useExtension(DocumentDao.class, d -> {
                d.insertBlobIfAbsent(sha, 10, "application/pdf", OffsetDateTime.now(ZoneOffset.UTC));
                d.insertBlobIfAbsent(sha, 10, "application/pdf", OffsetDateTime.now(ZoneOffset.UTC));
                d.insert(doc("d1", sha));
            });
            DocumentRecord back = db.jdbi().withExtension(DocumentDao.class, d -> d.find("d1")).orElseThrow();
            assertEquals("通知.docx", back.fileName());
            assertEquals("办公室", back.department());
            assertEquals(List.of("d1"), db.jdbi().withExtension(DocumentDao.class, d -> d.pending(OffsetDateTime.now(ZoneOffset.UTC))));
            assertEquals("d1", db.jdbi().withExtension(DocumentDao.class, d -> d.firstWithContent(sha)).orElseThrow());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void only_one_of_many_concurrent_workers_gets_the_processing_lease(String kind) throws Exception {
        try (Database db = open(kind)) {
            String sha = "b".repeat(64);
            db.jdbi().useExtension(DocumentDao.class, d -> {
                d.insertBlobIfAbsent(sha, 10, "application/pdf", OffsetDateTime.now(ZoneOffset.UTC));
                d.insert(doc("d2", sha));
            });
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Callable<Integer>> tries = new ArrayList<>();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            for (int i = 0; i < 8; i++) {
                String owner = "w" + i;
                tries.add(() -> db.jdbi().withExtension(DocumentDao.class, d -> d.lease("d2", owner, now, now.plusMinutes(5))));
            }
            int won = 0;
            for (Future<Integer> f : pool.invokeAll(tries)) {
                won += f.get();
            }
            pool.shutdown();
            assertEquals(1, won);
            assertTrue(db.jdbi().withExtension(DocumentDao.class, d -> d.pending(now)).isEmpty(), "a held lease is not pending");
            assertEquals(List.of("d2"), db.jdbi().withExtension(DocumentDao.class, d -> d.pending(now.plusMinutes(6))), "an expired lease is pending again");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void events_are_appended_in_order(String kind) throws Exception {
        try (Database db = open(kind)) {
            String sha = "c".repeat(64);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            db.jdbi().useExtension(DocumentDao.class, d -> {
                d.insertBlobIfAbsent(sha, 10, "application/pdf", now);
                d.insert(doc("d3", sha));
            });
            db.jdbi().useExtension(EventDao.class, e -> {
                e.append("d3", now, "anonymous", "DRAFTER", "RECEIVED", null, "RECEIVED", "上传");
                e.append("d3", now, "system", "SYSTEM", "CHECKED", "PROCESSING", "CHECKED", "分流");
            });
            var events = db.jdbi().withExtension(EventDao.class, e -> e.forDocument("d3"));
            assertEquals(List.of("RECEIVED", "CHECKED"), events.stream().map(org.gongkai.server.document.Event::action).toList());
            assertEquals("上传", events.get(0).detail());
        }
    }
}
