package org.gongkai.server.search;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.server.access.DocumentAccess;
import org.gongkai.server.auth.Actor;
import org.gongkai.spi.Block;
import org.gongkai.server.document.CheckListener;
import org.gongkai.server.document.DocumentRecord;
import org.gongkai.server.pipeline.CheckResult;
import org.gongkai.server.storage.Database;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the full-text index in step with checked documents and answers searches. */
public final class SearchService implements CheckListener {
    private static final Logger LOG = LoggerFactory.getLogger(SearchService.class);
    private final SearchIndex index;
    private final Database db;
    private final ObjectMapper json;
    private final DocumentAccess access;

    public SearchService(SearchIndex index, Database db, ObjectMapper json, DocumentAccess access) {
        this.index = index;
        this.db = db;
        this.json = json;
        this.access = access;
    }

    @Override
    public void onChecked(Handle handle, DocumentRecord d, CheckResult r) {
        String title = r.elements() == null ? null : r.elements().get("title");
        List<Block> blocks = r.text() == null ? List.of() : r.text().blocks();
        index.index(new SearchIndex.Entry(d.id(), d.fileName(), title, d.department(), r.route().name(), text(blocks, true), text(blocks, false)));
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

    /** Rebuilds the index from the database when they disagree (a new server, a lost index, another server's work). */
    public void catchUp() {
        int checked = db.jdbi().withExtension(SearchDao.class, SearchDao::countChecked);
        if (checked == index.size()) {
            return;
        }
        LOG.info("search index has {} documents, database {}: re-indexing", index.size(), checked);
        for (SearchDao.Row row : db.jdbi().withExtension(SearchDao.class, SearchDao::checked)) {
            List<Block> blocks = blocks(row.blocksJson());
            index.index(new SearchIndex.Entry(row.id(), row.fileName(), title(row.elementsJson()), row.department(), row.route(),
                    text(blocks, true), text(blocks, false)));
        }
    }

    /**
     * Searches what the actor may open, and only that: candidates are filtered by {@link DocumentAccess} before any
     * snippet is built. Hidden text (comments, deletions, hidden runs, metadata) is searched and shown only to
     * reviewers; for everyone else redacted passages are masked in snippets.
     */
    public List<SearchIndex.Hit> search(Actor actor, String q, int limit) {
        return search(actor, q, limit, ids -> Set.copyOf(ids));
    }

    /**
     * As {@link #search(Actor, String, int)}, keeping only hits that {@code narrow} also admits (filters such as department,
     * state or date, applied to each batch of candidates the actor may open, before snippets are built).
     */
    public List<SearchIndex.Hit> search(Actor actor, String q, int limit, java.util.function.Function<List<String>, Set<String>> narrow) {
        boolean reviewer = DocumentAccess.reviewer(actor);
        return index.search(q, limit, reviewer, ids -> {
            Set<String> readable = access.readable(actor, ids);
            return readable.isEmpty() ? readable : narrow.apply(ids.stream().filter(readable::contains).toList());
        }, (id, text) -> reviewer ? text : maskRedactions(id, text));
    }

    private String maskRedactions(String documentId, String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<String> removed = db.jdbi().withHandle(h -> h.createQuery("SELECT DISTINCT matched_text FROM redaction WHERE document_id = :id")
                .bind("id", documentId).mapTo(String.class).list());
        String out = text;
        for (String r : removed) {
            if (r != null && !r.isBlank()) {
                out = out.replace(r, "〔已删除〕");
            }
        }
        return out;
    }

    private List<Block> blocks(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return this.json.readValue(json, new TypeReference<List<Block>>() { });
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
}
