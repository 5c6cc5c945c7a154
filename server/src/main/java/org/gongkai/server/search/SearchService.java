package org.gongkai.server.search;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import org.gongkai.server.access.DocumentAccess;
import org.gongkai.server.auth.Actor;
import org.gongkai.spi.Block;
import org.gongkai.server.document.CheckListener;
import org.gongkai.server.document.CheckedSignals;
import org.gongkai.server.document.DocumentRecord;
import org.gongkai.server.pipeline.CheckResult;
import org.gongkai.server.storage.ChangeLog;
import org.gongkai.server.storage.Database;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this server's full-text index in step with the database and answers searches. A document checked
 * here is indexed right after its transaction commits and searchable within {@link #REFRESH_MILLIS} ms (one
 * near-real-time reopen covers every document indexed meanwhile); every server (this one too) also follows the shared
 * change log ({@code document_change}) every {@link #POLL_MILLIS} ms, so documents checked, re-checked,
 * redacted or deleted on another server are searchable here within about a second, and those waiting for
 * them ({@code ?wait=N}) are told. The index is committed to disk every {@link #COMMIT_SECONDS} s and at
 * shutdown with the change sequence it has reached; at start-up it catches up from there, or is rebuilt
 * from the database when it has none.
 *
 * <p>Why an index per server rather than search in PostgreSQL: the embedded H2 default needs Lucene anyway,
 * CJK bigram search is the same on both databases, and a second's lag is invisible to a reviewer.
 */
public final class SearchService implements CheckListener, AutoCloseable {
    static final long POLL_MILLIS = 1000;
    static final long COMMIT_SECONDS = 10;
    static final long REFRESH_MILLIS = 500;
    /** Changes re-applied below the recorded position at start-up, for transactions that committed late. */
    private static final long MARGIN = 1000;
    private static final long GAP_PATIENCE_MILLIS = 60_000;
    private static final String WITHHELD = "〔已删除〕";
    private static final Logger LOG = LoggerFactory.getLogger(SearchService.class);
    private final SearchIndex index;
    private final Database db;
    private final ObjectMapper json;
    private final CheckedSignals signals;
    private final DocumentAccess access;
    private final ChangeLog log;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gongkai-index-follower");
        t.setDaemon(true);
        return t;
    });
    private volatile ChangeFollower follower;
    /** Indexed but not yet searchable: refreshed within {@link #REFRESH_MILLIS}, one reopen for however many documents. */
    private volatile boolean dirty;

    public SearchService(SearchIndex index, Database db, ObjectMapper json, CheckedSignals signals, DocumentAccess access) {
        this.index = index;
        this.db = db;
        this.json = json;
        this.signals = signals;
        this.access = access;
        this.log = new ChangeLog(db);
    }

    @Override
    public void onChecked(Handle handle, DocumentRecord d, CheckResult r) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long seq = ChangeLog.append(handle, d.id(), ChangeLog.Kind.CHECKED, now);
        String title = r.elements() == null ? null : r.elements().get("title");
        List<Block> blocks = r.text() == null ? List.of() : r.text().blocks();
        SearchIndex.Entry e = new SearchIndex.Entry(d.id(), d.fileName(), title, d.department(), r.route().name(), text(blocks, true),
                text(blocks, false));
        handle.afterCommit(() -> {
            try {
                index.index(e);
                dirty = true;
                ChangeFollower f = follower;
                if (f != null) {
                    f.markApplied(seq, System.currentTimeMillis());
                }
            } catch (RuntimeException ex) {
                LOG.warn("indexing {} failed; the change log brings it in again", d.id(), ex);
            }
        });
    }

    /** Catches up with the database (rebuilding the index when it records no position), then follows it. */
    public void start() {
        long committed = index.committedSeq();
        long floor;
        if (committed < 0) {
            long latest = log.latest();
            LOG.info("search index records no change position: rebuilding it from the database (changes up to {})", latest);
            index.clear();
            db.jdbi().useHandle(h -> {
                try (java.util.stream.Stream<SearchDao.Row> rows = h.attach(SearchDao.class).checked()) {
                    rows.forEach(row -> index.index(withheld(entry(row))));
                }
            });
            floor = Math.max(0, latest - MARGIN);
        } else {
            floor = Math.max(0, committed - MARGIN);
        }
        follower = new ChangeFollower(log, floor, GAP_PATIENCE_MILLIS, this::apply);
        int n = follower.poll(System.currentTimeMillis());
        index.refresh();
        index.commit(follower.floor());
        LOG.info("search index: {} documents, at change {} ({} changes applied at start-up)", index.size(), follower.floor(), n);
        timer.scheduleWithFixedDelay(this::follow, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::commit, COMMIT_SECONDS, COMMIT_SECONDS, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(this::refreshIfDirty, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void refreshIfDirty() {
        if (dirty) {
            dirty = false;
            try {
                index.refresh();
            } catch (RuntimeException e) {
                dirty = true;
                LOG.warn("refreshing the search index failed; retrying", e);
            }
        }
    }

    private void follow() {
        try {
            if (follower.poll(System.currentTimeMillis()) > 0) {
                dirty = true;
            }
        } catch (RuntimeException e) {
            LOG.warn("following the change log failed (database unreachable?); retrying", e);
        }
    }

    private void commit() {
        try {
            index.commit(follower.floor());
        } catch (RuntimeException e) {
            LOG.warn("committing the search index failed; retrying", e);
        }
    }

    private void apply(ChangeLog.Change c) {
        Optional<SearchDao.Row> row = db.jdbi().withExtension(SearchDao.class, d -> d.checkedOne(c.documentId()));
        if (row.isPresent()) {
            index.index(withheld(entry(row.get())));
            signals.signal(c.documentId());
        } else {
            index.delete(c.documentId());
        }
    }

    /** The entry with every redacted passage (区分处理) replaced, so that neither a query nor a snippet finds it. */
    private SearchIndex.Entry withheld(SearchIndex.Entry e) {
        List<String> removed = db.jdbi().withExtension(SearchDao.class, d -> d.redactedTexts(e.id()));
        String text = e.text() == null ? "" : e.text();
        String hidden = e.hidden() == null ? "" : e.hidden();
        for (String r : removed) {
            if (r != null && !r.isEmpty()) {
                text = text.replace(r, WITHHELD);
                hidden = hidden.replace(r, WITHHELD);
            }
        }
        return new SearchIndex.Entry(e.id(), e.fileName(), e.title(), e.department(), e.route(), text, hidden);
    }

    /** The change sequence up to which this server's index has applied everything. */
    public long position() {
        ChangeFollower f = follower;
        return f == null ? -1 : f.floor();
    }

    /**
     * Searches what the actor may open, and only that: candidates are filtered by {@link DocumentAccess} before any
     * snippet is built. Hidden text (comments, deletions, hidden runs, metadata) is searched and shown only to
     * reviewers. Redacted passages are withheld from the index itself, for everyone.
     */
    public List<SearchIndex.Hit> search(Actor actor, String q, int limit) {
        return index.search(q, limit, DocumentAccess.reviewer(actor), ids -> access.readable(actor, ids));
    }

    private SearchIndex.Entry entry(SearchDao.Row row) {
        List<Block> blocks = blocks(row.blocksJson());
        return new SearchIndex.Entry(row.id(), row.fileName(), title(row.elementsJson()), row.department(), row.route(), text(blocks, true),
                text(blocks, false));
    }

    /** The text of the visible (or the hidden) parts, one block a line. */
    static String text(List<Block> blocks, boolean visible) {
        StringBuilder b = new StringBuilder();
        for (Block bl : blocks) {
            if (bl.part().hidden() != visible) {
                b.append(bl.text()).append('\n');
            }
        }
        return b.toString();
    }

    /**
     * As {@link #search(Actor, String, int)}, keeping only hits that {@code narrow} also admits (filters such as department,
     * state or date, applied to each batch of candidates the actor may open, before snippets are built).
     */
    public List<SearchIndex.Hit> search(Actor actor, String q, int limit, java.util.function.Function<List<String>, Set<String>> narrow) {
        return index.search(q, limit, DocumentAccess.reviewer(actor), ids -> {
            Set<String> readable = access.readable(actor, ids);
            return readable.isEmpty() ? readable : narrow.apply(ids.stream().filter(readable::contains).toList());
        });
    }

    private List<Block> blocks(String blocksJson) {
        if (blocksJson == null) {
            return List.of();
        }
        try {
            return json.readValue(blocksJson, new TypeReference<List<Block>>() { });
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    private String title(String elementsJson) {
        if (elementsJson == null) {
            return null;
        }
        try {
            return json.readValue(elementsJson, new TypeReference<Map<String, String>>() { }).get("title");
        } catch (java.io.IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (follower != null) {
            commit();
        }
    }
}
