package org.gongkai.server.queue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongkai.server.TestEnv;
import org.gongkai.server.access.DocumentAccess;
import org.gongkai.server.audit.SecurityAudit;
import org.gongkai.server.config.ServerConfig;
import org.gongkai.server.document.DocumentDao;
import org.gongkai.server.document.DocumentRecord;
import org.gongkai.server.document.FindingDao;
import org.gongkai.server.pipeline.CheckResult;
import org.gongkai.server.pipeline.ReportedFinding;
import org.gongkai.server.storage.Database;
import org.gongkai.spi.Attribute;
import org.gongkai.spi.Category;
import org.gongkai.spi.Part;
import org.gongkai.spi.Route;
import org.gongkai.spi.Severity;
import org.junit.jupiter.api.Assumptions;

/**
 * A real database (H2 in a temporary folder, or the PostgreSQL CI provides) with the repository's queue
 * configuration and holiday calendar, a hand-moved clock, and checked documents stored the way
 * DocumentService stores them: document, findings, completion, then the queue's CheckListener in the same
 * transaction.
 */
final class QueueFixture implements AutoCloseable {
    /** Monday 2025-01-20, 10:00 in Beijing. */
    static final Instant START = OffsetDateTime.parse("2025-01-20T10:00:00+08:00").toInstant();

    final Database db;
    final MutableClock clock;
    final ReviewQueues review;

    QueueFixture(Database db, MutableClock clock) {
        this.db = db;
        this.clock = clock;
        QueueConfig config = config();
        this.review = ReviewQueues.create(db, config, calendar(), clock, new DocumentAccess(db, config, new SecurityAudit(db, clock)));
    }

    static QueueConfig config() {
        return QueueConfig.load(TestEnv.root().resolve("config").resolve("queues.properties"));
    }

    static HolidayCalendar calendar() {
        return HolidayCalendar.load(TestEnv.root().resolve("config").resolve("holidays-cn.txt"));
    }

    static QueueFixture open(String kind, Path dir) throws Exception {
        return new QueueFixture(database(kind, dir, true), new MutableClock(START));
    }

    static Database database(String kind, Path dir, boolean reset) throws Exception {
        if (kind.equals("h2")) {
            return new Database(ServerConfig.h2Url(dir), "sa", "");
        }
        String url = postgresUrl();
        Assumptions.assumeTrue(url != null, "GONGKAI_TEST_PG_URL not set: PostgreSQL tests skipped (CI sets it)");
        if (reset) {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS public CASCADE"); // a run killed between the two statements leaves none
                s.execute("CREATE SCHEMA public");
            }
        }
        return new Database(url, null, null);
    }

    /** A database of its own when given (GONGKAI_QUEUE_TEST_PG_URL), else the one CI provides. */
    static String postgresUrl() {
        String own = System.getenv("GONGKAI_QUEUE_TEST_PG_URL");
        return own != null && !own.isBlank() ? own : TestEnv.postgresUrl();
    }

    QueueService queues() {
        return review.queues();
    }

    DecisionService decisions() {
        return review.decisions();
    }

    /** A finding to store with a document. */
    static ReportedFinding finding(Category c, Severity s, String text) {
        return new ReportedFinding(UUID.randomUUID().toString(), c, c.chinese(), s, text, Part.BODY, 10, 10 + text.length(), 1, "",
                "test-detector", 0.9, c.basis(), "测试发现：" + text, "1");
    }

    /** Stores a checked document routed to {@code route} and returns its id. */
    String document(String title, String department, Attribute attribute, Route route, List<ReportedFinding> findings) {
        return document(title, department, attribute, route, findings, null);
    }

    String document(String title, String department, Attribute attribute, Route route, List<ReportedFinding> findings, String writtenDate) {
        String id = UUID.randomUUID().toString();
        String sha = (id.replace("-", "") + "0".repeat(64)).substring(0, 64);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<String, String> elements = writtenDate == null ? Map.of("title", title) : Map.of("title", title, "date", writtenDate);
        CheckResult r = new CheckResult(null, "通知", elements, attribute, attribute, attribute, null, route, "test rule", findings, Map.of());
        db.jdbi().useTransaction(h -> {
            DocumentDao dao = h.attach(DocumentDao.class);
            dao.insertBlobIfAbsent(sha, 10, "text/plain", now);
            dao.insert(new DocumentRecord(id, title + ".docx", sha, "text/plain", 10, "RECEIVED", attribute.name(), null, department, null, null,
                    null, null, "anonymous", now, null, null, null, 0, null, null, null, null, null, null, null, null, null, 0));
            dao.lease(id, "test", now, now.plusMinutes(5));
            int seq = 0;
            for (ReportedFinding f : findings) {
                h.attach(FindingDao.class).insert(id, seq++, f, f.text(), f.basis(), f.explanation());
            }
            dao.complete(id, "test", now, "通知", "{}", attribute.name(), attribute.name(), null, route.name(), "test rule", "{}");
            DocumentRecord d = dao.find(id).orElseThrow();
            review.checkListener().onChecked(h, d, r);
        });
        return id;
    }

    String clean(String title) {
        return document(title, "办公室", Attribute.PUBLIC, Route.PUBLICATION_REVIEW, new ArrayList<>());
    }

    @Override
    public void close() {
        db.close();
    }
}
