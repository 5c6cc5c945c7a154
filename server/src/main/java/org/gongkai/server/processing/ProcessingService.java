package org.gongkai.server.processing;

import java.time.Duration;
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
 * cannot block uploads. An upload is handed straight to a worker ({@link #submit}). The database is the
 * durable queue: at start-up, and every {@code sweepSeconds} after, documents left RECEIVED or PROCESSING
 * with an expired lease (a crash, another server that died) are picked up again. Leases are short and
 * renewed every {@code renewEvery} while this server works on them, so a server killed mid-document hands
 * its work to the others within one lease, not after the longest possible parse.
 */
public final class ProcessingService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessingService.class);

    private final DocumentService documents;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService sweeper;
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final String workerPrefix = "w-" + UUID.randomUUID().toString().substring(0, 8);
    private final int sweepSeconds;
    private final Duration renewEvery;
    private final Duration maxProcessing;

    public ProcessingService(DocumentService documents, int threads, int sweepSeconds) {
        this(documents, threads, sweepSeconds, Duration.ZERO, Duration.ZERO);
    }

    /**
     * @param renewEvery    how often the leases of documents in progress here are renewed (zero: never)
     * @param maxProcessing a document in progress longer than this is no longer renewed (its lease runs out)
     */
    public ProcessingService(DocumentService documents, int threads, int sweepSeconds, Duration renewEvery, Duration maxProcessing) {
        this.documents = documents;
        this.sweepSeconds = sweepSeconds;
        this.renewEvery = renewEvery;
        this.maxProcessing = maxProcessing;
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
        if (!renewEvery.isZero()) {
            sweeper.scheduleWithFixedDelay(this::renew, renewEvery.toMillis(), renewEvery.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void renew() {
        try {
            if (!queued.isEmpty()) {
                documents.renewLeases(workerPrefix + "-", maxProcessing);
            }
        } catch (RuntimeException e) {
            LOG.warn("renewing processing leases failed", e);
        }
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

    /** Documents being checked by this server's workers right now. */
    public int active() {
        return workers.getActiveCount();
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
