package org.gongkai.server.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.gongkai.server.storage.Database;
import org.gongkai.spi.Attribute;
import org.gongkai.spi.Category;
import org.gongkai.spi.Route;
import org.gongkai.spi.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server instances on one PostgreSQL database (two connection pools, two services): however many
 * threads claim at once, no item is handed to two reviewers. Skipped without {@code GONGKAI_TEST_PG_URL}.
 */
class TwoInstancesPostgresTest {
    @TempDir
    Path dir;

    @Test
    void concurrent_claims_from_two_instances_never_share_an_item() throws Exception {
        try (QueueFixture first = QueueFixture.open("postgresql", dir);
             Database secondDb = QueueFixture.database("postgresql", dir, false)) {
            QueueFixture second = new QueueFixture(secondDb, first.clock);
            int items = 60;
            for (int i = 0; i < items; i++) {
                first.document("文件" + i, "财政局", Attribute.PUBLIC, Route.SECRECY_REVIEW,
                        List.of(QueueFixture.finding(Category.SECRET_CONTENT, i % 2 == 0 ? Severity.HIGH : Severity.MEDIUM, "敏感")));
            }
            assertEquals(items, QueueServiceTest.claimConcurrently(List.of(first.queues(), second.queues()), 16, 6, items));
        }
    }
}
