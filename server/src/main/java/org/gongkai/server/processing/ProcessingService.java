package org.gongkai.server.processing;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gongkai.server.document.DocumentService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks received documents on a fixed pool of worker threads, never on request threads, so a slow document
 * cannot block uploads. The database is the durable queue: at start-up, and every {@code sweepSeconds}
 * after, documents left RECEIVED or PROCESSING with an expired lease (a crash, another server that died)
 * are picked up again. The in-memory queue only makes new uploads start at once.
 */
public final class ProcessingService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessingService.class);

    private final DocumentService documents;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService sweeper;
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final String workerPrefix = "w-" + UUID.randomUUID().toString().substring(0, 8);
    private final int sweepSeconds;

    public ProcessingService(DocumentService documents, int threads, int sweepSeconds) {
        this.documents = documents;
        this.sweepSeconds = sweepSeconds;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "gongkai-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gongkai-sweeper");
            t.setDaemon(true);
            return t;
        });
    }

    /** Picks up unfinished documents now and then periodically. */
    public void start() {
        sweeper.scheduleWithFixedDelay(this::sweep, 0, sweepSeconds, TimeUnit.SECONDS);
    }

    /** Queues a document for checking (no-op when already queued). */
    public void submit(String documentId) {
        if (!queued.add(documentId)) {
            return;
        }
        workers.execute(() -> {
            try {
                documents.process(documentId, workerPrefix + "-" + Thread.currentThread().getName());
            } catch (RuntimeException e) {
                // the lease expires and the sweep retries; attempts are counted, so this cannot loop forever
                LOG.error("processing {} failed; it will be retried after its lease expires", documentId, e);
            } finally {
                queued.remove(documentId);
            }
        });
    }

    void sweep() {
        try {
            for (String id : documents.pending()) {
                submit(id);
            }
        } catch (RuntimeException e) {
            LOG.warn("sweep for unfinished documents failed", e);
        }
    }

    /** Documents queued or being checked by this server. */
    public int backlog() {
        return queued.size();
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
