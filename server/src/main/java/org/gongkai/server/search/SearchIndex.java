package org.gongkai.server.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;

/**
 * Full-text index of checked documents (embedded Lucene in {@code data/index}), with CJK bigram analysis so
 * that Chinese words match without a dictionary. Near-real-time: a document is searchable once the searcher
 * is refreshed (after each change, no fsync); {@link #commit(long)} makes the index durable on a schedule and
 * records in the commit how far along the database's change log it is, so a restarted server (or one that
 * lost its index) catches up from there. Each server keeps its own index and follows the shared log.
 *
 * <p>Every write goes through one thread of its own that nothing interrupts: a thread interrupted while Lucene
 * touches a file channel closes that channel, and when the channel is the write lock's the lock is gone for good
 * ("FileLock invalidated by an external force") and the index stops taking changes. Workers, request threads and
 * timers that may be interrupted (time-outs, shutdown) hand their writes over and wait for them.
 */
public final class SearchIndex implements AutoCloseable {
    private static final int SNIPPET = 60;
    /** Hits examined per access check, and how many batches at most (so a caller who may open little still gets an answer fast). */
    private static final int BATCH = 100;
    private static final int MAX_ROUNDS = 20;
    private static final String COMMIT_SEQ = "gongkai.changeSeq";
    /** Hits one search returns at most (the workbench pages through them). */
    public static final int MAX_HITS = 500;
    private final Analyzer analyzer = new CJKAnalyzer();
    private final FSDirectory dir;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ExecutorService writes = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gongkai-index-writer");
        t.setDaemon(true);
        return t;
    });

    @FunctionalInterface
    private interface Write<T> {
        T run() throws IOException;
    }

    /** Runs a write on the writer thread and waits for it, however often the waiting thread is interrupted. */
    private <T> T write(Write<T> w) {
        Future<T> f = writes.submit(w::run);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the write goes on; the caller hears of its interrupt afterwards
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof IOException io) {
                        throw new UncheckedIOException(io);
                    }
                    if (c instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(c);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public SearchIndex(Path indexDir) {
        try {
            this.dir = FSDirectory.open(indexDir);
            this.writer = new IndexWriter(dir, new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("全文索引无法打开 / cannot open search index " + indexDir, e);
        }
    }

    /** One document to index. */
    /**
     * One document to index.
     *
     * @param text   the visible text (body, tables, headers, footers, tracked insertions, attachments)
     * @param hidden what a reader of the published file would not see (comments, tracked deletions, hidden text, metadata):
     *               searched and shown only for reviewers
     */
    public record Entry(String id, String fileName, String title, String department, String route, String text, String hidden) {
    }

    /** One search hit (shared/CONTRACT.md). */
    public record Hit(String id, String fileName, String title, String snippet) {
    }

    /** Adds or replaces a document; searchable after the next {@link #refresh()}. */
    public void index(Entry e) {
        Document d = new Document();
        d.add(new StringField("id", e.id(), Field.Store.YES));
        d.add(new TextField("fileName", nz(e.fileName()), Field.Store.YES));
        d.add(new TextField("title", nz(e.title()), Field.Store.YES));
        d.add(new StringField("department", nz(e.department()), Field.Store.YES));
        d.add(new StringField("route", nz(e.route()), Field.Store.YES));
        d.add(new TextField("text", nz(e.text()), Field.Store.NO));
        d.add(new StoredField("body", nz(e.text())));
        d.add(new TextField("hidden", nz(e.hidden()), Field.Store.NO));
        d.add(new StoredField("hiddenBody", nz(e.hidden())));
        write(() -> writer.updateDocument(new Term("id", e.id()), d));
    }

    /** Removes a document (deleted, or no longer checked). */
    public void delete(String id) {
        write(() -> writer.deleteDocuments(new Term("id", id)));
    }

    /** Makes what was indexed so far searchable (near-real-time: no commit, no fsync). */
    public void refresh() {
        write(searchers::maybeRefresh); // a refresh flushes the writer's buffered documents to new files
    }

    /** Durably commits the index, recording that every change up to {@code changeSeq} is in it. */
    public void commit(long changeSeq) {
        write(() -> {
            if (writer.hasUncommittedChanges() || changeSeq != committedSeq()) {
                writer.setLiveCommitData(Map.of(COMMIT_SEQ, Long.toString(changeSeq)).entrySet());
                writer.commit();
            }
            return null;
        });
    }

    /** The change sequence recorded by the last commit, or -1 when none was (a new or pre-v4 index). */
    public long committedSeq() {
        for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
            if (e.getKey().equals(COMMIT_SEQ)) {
                return Long.parseLong(e.getValue());
            }
        }
        return -1;
    }

    /** Empties the index (before a rebuild from the database). */
    public void clear() {
        write(writer::deleteAll);
    }

    public int size() {
        return writer.getDocStats().numDocs;
    }

    /**
     * Searches title, file name and text (and hidden text when {@code includeHidden}), keeping only hits whose
     * ids {@code allowed} admits, and builds snippets only for those. The query is taken literally (no query
     * syntax), so it never fails to parse.
     *
     * @param allowed given a batch of candidate ids, returns those the caller may open
     */
    public List<Hit> search(String q, int limit, boolean includeHidden, Function<List<String>, Set<String>> allowed) {
        String query = q == null ? "" : q.strip();
        if (query.isEmpty()) {
            return List.of();
        }
        Query parsed;
        try {
            String[] fields = includeHidden ? new String[] {"title", "fileName", "text", "hidden"} : new String[] {"title", "fileName", "text"};
            MultiFieldQueryParser p = new MultiFieldQueryParser(fields, analyzer, Map.of("title", 3f, "fileName", 2f, "text", 1f, "hidden", 1f));
            p.setDefaultOperator(QueryParser.Operator.AND);
            parsed = p.parse(QueryParser.escape(query));
        } catch (ParseException e) {
            return List.of();
        }
        int want = Math.max(1, Math.min(limit, MAX_HITS));
        try {
            IndexSearcher s = searchers.acquire();
            try {
                List<Hit> hits = new ArrayList<>();
                ScoreDoc after = null;
                for (int round = 0; round < MAX_ROUNDS && hits.size() < want; round++) {
                    ScoreDoc[] page = (after == null ? s.search(parsed, BATCH) : s.searchAfter(after, parsed, BATCH)).scoreDocs;
                    if (page.length == 0) {
                        break;
                    }
                    after = page[page.length - 1];
                    List<String> ids = new ArrayList<>();
                    for (ScoreDoc sd : page) {
                        ids.add(s.storedFields().document(sd.doc, Set.of("id")).get("id"));
                    }
                    Set<String> ok = allowed.apply(ids);
                    for (int i = 0; i < page.length && hits.size() < want; i++) {
                        if (ok.contains(ids.get(i))) {
                            hits.add(hit(s.storedFields().document(page[i].doc), query, includeHidden));
                        }
                    }
                }
                return hits;
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A hit with its snippet: from the visible text, or (for reviewers) marked as hidden text when only that matched. */
    private static Hit hit(Document d, String query, boolean includeHidden) {
        String body = nz(d.get("body"));
        String snippet = snippet(body, query);
        if (includeHidden && !body.contains(query)) {
            String hidden = nz(d.get("hiddenBody"));
            if (hidden.contains(query)) {
                snippet = "〔隐藏内容〕" + snippet(hidden, query);
            }
        }
        return new Hit(d.get("id"), d.get("fileName"), d.get("title"), snippet);
    }

    static String snippet(String body, String query) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ");
        int at = flat.indexOf(query);
        if (at < 0) {
            String compact = query.replaceAll("\\s+", "");
            at = flat.indexOf(compact.isEmpty() ? query : compact.substring(0, Math.min(2, compact.length())));
        }
        int start = Math.max(0, at < 0 ? 0 : at - SNIPPET / 2);
        int end = Math.min(flat.length(), start + SNIPPET + query.length());
        return (start > 0 ? "…" : "") + flat.substring(start, end) + (end < flat.length() ? "…" : "");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void close() {
        try {
            write(() -> {
                searchers.close();
                writer.close();
                dir.close();
                return null;
            });
        } finally {
            writes.shutdown(); // never shutdownNow: an interrupted writer loses its lock
        }
    }
}
