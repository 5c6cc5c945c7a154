package org.gongkai.server.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.gongkai.server.App;
import org.gongkai.server.TestEnv;
import org.gongkai.server.access.DocumentAccess;
import org.gongkai.server.audit.SecurityAudit;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.config.ServerConfig;
import org.gongkai.server.document.DocumentService;
import org.gongkai.server.document.Intake;
import org.gongkai.server.pipeline.TypeDetector;
import org.gongkai.server.plugin.PluginRegistry;
import org.gongkai.server.storage.Database;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole way in: a real upload checked by the real plugins through {@link DocumentService}, whose
 * {@link org.gongkai.server.document.CheckListener} puts it into the queue its route feeds, in the same
 * transaction, with the queueing in the document's history.
 */
class CheckedDocumentEntersQueueTest {
    @TempDir
    Path dir;

    @Test
    void a_routed_upload_appears_in_its_queue_with_its_history() throws Exception {
        ServerConfig cfg = TestEnv.config(dir);
        ExecutorService threads = App.extractionThreads();
        try (Database db = new Database(ServerConfig.h2Url(dir), "sa", "")) {
            MutableClock clock = new MutableClock(QueueFixture.START);
            QueueConfig qc = QueueFixture.config();
            DocumentAccess access = new DocumentAccess(db, qc, new SecurityAudit(db, clock));
            ReviewQueues review = ReviewQueues.create(db, qc, QueueFixture.calendar(), clock, access);
            PluginRegistry plugins;
            try {
                plugins = PluginRegistry.load(App.environment(cfg));
            } catch (IllegalStateException e) {
                // building only the server module (-pl server) takes the plugin jars from ~/.m2, which may be empty
                Assumptions.abort("plugins not on the class path (build from the reactor root): " + e.getMessage());
                return;
            }
            DocumentService documents = new DocumentService(db, new org.gongkai.server.storage.FileBlobStore(dir.resolve("blobs")), new TypeDetector(),
                    App.pipeline(plugins, threads, cfg), App.objectMapper(), clock, 10_000_000, Duration.ofMinutes(5), review.checkListener(), access,
                    new org.gongkai.server.document.CheckedSignals());
            String text = "关于开展安全检查的通知\n\n各科室：\n请于本月底前完成检查。联系人：张三，电话13912345678。\n\n"
                    + "区应急管理局\n2025年1月15日\n（此件主动公开）\n";
            Actor drafter = new Actor("li.ming", Actor.Role.DRAFTER, "应急管理局");
            Actor office = new Actor("wang.fang", Actor.Role.DOCUMENT_OFFICE, "办公室");
            DocumentService.Receipt r = documents.receive(drafter, new Intake("通知.txt",
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "PUBLIC", null, "应急管理局", null, null));
            documents.process(r.id(), "w1");

            String route = documents.report(drafter, r.id()).route();
            ItemView item = review.queues().item(office, r.id());
            assertEquals(route, item.queue(), "the queue is the one the route feeds");
            assertEquals("应急管理局", item.department());
            assertEquals(java.time.LocalDate.parse("2025-01-15"), item.formedOn(), "the 成文日期 starts the publication clock");
            assertTrue(review.queues().items(office, route).stream().anyMatch(i -> i.documentId().equals(r.id())));
            List<String> actions = documents.history(drafter, r.id()).stream().map(org.gongkai.server.document.Event::action).toList();
            assertEquals("QUEUED", actions.get(actions.size() - 1), actions.toString());
        } finally {
            threads.shutdownNow();
        }
    }
}
