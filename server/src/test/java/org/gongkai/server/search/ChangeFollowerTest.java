package org.gongkai.server.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.server.config.ServerConfig;
import org.gongkai.server.storage.ChangeLog;
import org.gongkai.server.storage.Database;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Following the change log on a real database: sequence numbers are handed out before commit, so a change
 * that commits late must still be applied, and a number whose transaction rolled back must not hold the
 * index's recorded position back for ever.
 */
class ChangeFollowerTest {
    @TempDir
    Path dir;

    @Test
    void a_change_that_commits_after_a_later_one_is_still_applied_once_and_the_position_waits_for_it() throws Exception {
        try (Database db = new Database(ServerConfig.h2Url(dir), "sa", "")) {
            List<String> applied = new ArrayList<>();
            ChangeFollower f = new ChangeFollower(new ChangeLog(db), 0, 60_000, c -> applied.add(c.documentId()));
            try (Handle slow = db.jdbi().open()) {
                slow.begin();
                ChangeLog.append(slow, "slow", ChangeLog.Kind.CHECKED, OffsetDateTime.now());
                db.jdbi().useTransaction(h -> ChangeLog.append(h, "fast", ChangeLog.Kind.CHECKED, OffsetDateTime.now()));
                assertEquals(1, f.poll(0));
                assertEquals(List.of("fast"), applied);
                assertEquals(0, f.floor(), "the position stays below the change not yet committed");
                assertEquals(1, f.openGaps());
                slow.commit();
            }
            assertEquals(1, f.poll(1000));
            assertEquals(List.of("fast", "slow"), applied);
            assertEquals(2, f.floor());
            assertEquals(0, f.poll(2000), "nothing is applied twice");
        }
    }

    @Test
    void a_rolled_back_change_is_given_up_after_the_patience_and_the_position_moves_on() throws Exception {
        try (Database db = new Database(ServerConfig.h2Url(dir), "sa", "")) {
            List<String> applied = new ArrayList<>();
            ChangeFollower f = new ChangeFollower(new ChangeLog(db), 0, 5_000, c -> applied.add(c.documentId()));
            try (Handle lost = db.jdbi().open()) {
                lost.begin();
                ChangeLog.append(lost, "lost", ChangeLog.Kind.CHECKED, OffsetDateTime.now());
                db.jdbi().useTransaction(h -> ChangeLog.append(h, "kept", ChangeLog.Kind.CHECKED, OffsetDateTime.now()));
                lost.rollback();
            }
            f.poll(0);
            assertEquals(0, f.floor());
            f.poll(4_000);
            assertEquals(0, f.floor(), "still patient");
            f.poll(6_000);
            assertEquals(2, f.floor(), "the gap is given up and the position moves past it");
            assertEquals(List.of("kept"), applied);
        }
    }

    @Test
    void a_change_applied_locally_is_not_applied_again_by_the_poll() throws Exception {
        try (Database db = new Database(ServerConfig.h2Url(dir), "sa", "")) {
            List<String> applied = new ArrayList<>();
            ChangeFollower f = new ChangeFollower(new ChangeLog(db), 0, 60_000, c -> applied.add(c.documentId()));
            long seq = db.jdbi().inTransaction(h -> ChangeLog.append(h, "mine", ChangeLog.Kind.CHECKED, OffsetDateTime.now()));
            f.markApplied(seq, 0);
            assertEquals(0, f.poll(0));
            assertEquals(List.of(), applied);
            assertEquals(seq, f.floor());
        }
    }
}
