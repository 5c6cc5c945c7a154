package org.gongkai.server.search;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.gongkai.server.auth.Actor;
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

    public SearchService(SearchIndex index, Database db, ObjectMapper json) {
        this.index = index;
        this.db = db;
        this.json = json;
    }

    @Override
    public void onChecked(Handle handle, DocumentRecord d, CheckResult r) {
        String title = r.elements() == null ? null : r.elements().get("title");
        index.index(new SearchIndex.Entry(d.id(), d.fileName(), title, d.department(), r.route().name(),
                r.text() == null ? "" : r.text().text()));
    }

    /** Rebuilds the index from the database when they disagree (a new server, a lost index, another server's work). */
    public void catchUp() {
        int checked = db.jdbi().withExtension(SearchDao.class, SearchDao::countChecked);
        if (checked == index.size()) {
            return;
        }
        LOG.info("search index has {} documents, database {}: re-indexing", index.size(), checked);
        for (SearchDao.Row row : db.jdbi().withExtension(SearchDao.class, SearchDao::checked)) {
            index.index(new SearchIndex.Entry(row.id(), row.fileName(), title(row.elementsJson()), row.department(), row.route(), row.textBody()));
        }
    }

    public List<SearchIndex.Hit> search(Actor actor, String q, int limit) {
        return index.search(q, limit);
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
