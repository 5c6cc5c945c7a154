package org.gongkai.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;
import org.gongkai.server.config.ServerConfig;
import org.gongkai.server.storage.Database;
import org.gongkai.server.storage.FileBlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Health says DOWN, and what is down, when the database or the original storage cannot be used. */
class ReadinessTest {
    @TempDir
    Path dir;

    @Test
    void storage_that_cannot_be_written_makes_the_server_not_ready() throws Exception {
        try (Database db = new Database(ServerConfig.h2Url(dir.resolve("db")), "sa", "");
             Readiness r = new Readiness(db, new FileBlobStore(dir.resolve("data")))) {
            r.start();
            assertTrue(r.ready(), r.describe().toString());
            try (var files = Files.walk(dir.resolve("data").resolve("tmp"))) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            Files.writeString(dir.resolve("data").resolve("tmp"), "a file where the folder was");
            Map<String, Object> down = await(r, m -> "DOWN".equals(m.get("status")));
            assertEquals("DOWN", down.get("storage"));
            assertEquals("UP", down.get("database"));
        }
    }

    @Test
    void a_database_that_does_not_answer_makes_the_server_not_ready() throws Exception {
        Database db = new Database(ServerConfig.h2Url(dir.resolve("db")), "sa", "");
        try (Readiness r = new Readiness(db, new FileBlobStore(dir.resolve("data")))) {
            r.start();
            assertTrue(r.ready());
            db.close();
            Map<String, Object> down = await(r, m -> "DOWN".equals(m.get("status")));
            assertEquals("DOWN", down.get("database"));
            assertEquals("UP", down.get("storage"));
        }
    }

    private static Map<String, Object> await(Readiness r, Predicate<Map<String, Object>> done) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Map<String, Object> m = r.describe();
            if (done.test(m)) {
                return m;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("readiness never changed: " + r.describe());
    }
}
