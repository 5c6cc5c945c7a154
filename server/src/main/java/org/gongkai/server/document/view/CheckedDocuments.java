package org.gongkai.server.document.view;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gongkai.server.document.FindingDao;
import org.gongkai.server.pipeline.ReportedFinding;
import org.gongkai.server.queue.DecisionDao;
import org.gongkai.server.queue.Redaction;
import org.gongkai.server.storage.Database;
import org.gongkai.spi.Block;
import org.gongkai.spi.DocumentText;

/**
 * Reads what checking a document stored — its structured text and findings — and what reviewers decided about
 * the findings so far. No access checks here: callers check {@code DocumentAccess.requireRead} first.
 */
public final class CheckedDocuments {
    private final Database db;
    private final ObjectMapper json;

    public CheckedDocuments(Database db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /**
     * The stored text: blocks joined by one newline exactly as {@link DocumentText} (finding offsets refer to it),
     * whether extraction was complete, the page count and which extractor read it.
     */
    public record Text(DocumentText text, boolean complete, int pageCount, String extractor) {
    }

    /** The stored text, or empty when the document is not checked or no text could be extracted. */
    public Optional<Text> text(String documentId) {
        return db.jdbi().withExtension(StoredTextDao.class, d -> d.find(documentId)).map(r -> {
            try {
                List<Block> blocks = json.readValue(r.blocksJson(), new TypeReference<List<Block>>() { });
                return new Text(DocumentText.of(blocks), r.complete(), r.pageCount(), r.extractor());
            } catch (IOException e) {
                throw new UncheckedIOException("stored blocks of " + documentId + " unreadable", e);
            }
        });
    }

    /** Findings in report order. */
    public List<ReportedFinding> findings(String documentId) {
        return db.jdbi().withExtension(FindingDao.class, f -> f.forDocument(documentId));
    }

    /** The latest verdict on each finding that has one, by finding id. */
    public Map<String, DecisionDao.VerdictRow> verdicts(String documentId) {
        return db.jdbi().withExtension(DecisionDao.class, d -> d.latestVerdicts(documentId)).stream()
                .collect(Collectors.toMap(DecisionDao.VerdictRow::findingId, Function.identity(), (a, b) -> b));
    }

    /** Redactions recorded by REDACT decisions. */
    public List<Redaction> redactions(String documentId) {
        return db.jdbi().withExtension(DecisionDao.class, d -> d.redactions(documentId));
    }
}
