package org.gongkai.server.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.gongkai.server.storage.BlobStore;
import org.gongkai.server.storage.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this server can take uploads: the database answers and original storage can be written. Probed
 * on a thread of its own about every second, so a health request never waits for an unreachable database;
 * a probe older than {@link #STALE_MILLIS} (stuck) counts as down.
 */
public final class Readiness implements AutoCloseable {
    static final long PERIOD_MILLIS = 1000;
    static final long STALE_MILLIS = 5000;
    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);
    private final Database db;
    private final BlobStore blobs;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gongkai-readiness");
        t.setDaemon(true);
        return t;
    });
    private volatile Probe last = new Probe(false, false, 0);

    /** One probe's outcome and when it finished. */
    private record Probe(boolean database, boolean storage, long atMillis) {
    }

    public Readiness(Database db, BlobStore blobs) {
        this.db = db;
        this.blobs = blobs;
    }

    /** Probes once now, then every second. */
    public void start() {
        probe();
        timer.scheduleWithFixedDelay(this::probe, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void probe() {
        boolean database = db.ping(2);
        boolean storage;
        try {
            blobs.probe();
            storage = true;
        } catch (Exception e) {
            storage = false;
        }
        if (last.database() != database || last.storage() != storage) {
            LOG.info("readiness: database {}, storage {}", database ? "UP" : "DOWN", storage ? "UP" : "DOWN");
        }
        last = new Probe(database, storage, System.currentTimeMillis());
    }

    public boolean ready() {
        Probe p = last;
        return p.database() && p.storage() && System.currentTimeMillis() - p.atMillis() < STALE_MILLIS;
    }

    /** {@code {"status": "UP"|"DOWN", "database": …, "storage": …, "storageKind": …}}. */
    public Map<String, Object> describe() {
        Probe p = last;
        boolean fresh = System.currentTimeMillis() - p.atMillis() < STALE_MILLIS;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", ready() ? "UP" : "DOWN");
        m.put("database", p.database() && fresh ? "UP" : "DOWN");
        m.put("storage", p.storage() && fresh ? "UP" : "DOWN");
        m.put("storageKind", blobs.kind());
        return m;
    }

    /** Stops probing and waits for a probe under way (it writes a file in the store, which may be removed next). */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
