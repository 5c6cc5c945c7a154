package org.gongkai.server.search;

import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** What the search index is built from. */
@RegisterConstructorMapper(SearchDao.Row.class)
public interface SearchDao {
    String COLUMNS = "SELECT d.id, d.file_name, d.elements_json, d.department, d.route, t.blocks_json FROM document d "
            + "LEFT JOIN document_text t ON t.document_id = d.id WHERE d.status = 'CHECKED'";

    /** A checked document with its structured text (blocks with their parts). */
    record Row(String id, String fileName, String elementsJson, String department, String route, String blocksJson) {
    }

    /** Every checked document, streamed (close the stream). */
    @SqlQuery(COLUMNS + " ORDER BY d.received_at")
    Stream<Row> checked();

    /** The passages withheld from a partially disclosed document (区分处理). */
    @SqlQuery("SELECT matched_text FROM redaction WHERE document_id = :id")
    java.util.List<String> redactedTexts(@Bind("id") String documentId);

    /** The document when it is checked; empty when it is not (any more) or does not exist. */
    @SqlQuery(COLUMNS + " AND d.id = :id")
    Optional<Row> checkedOne(@Bind("id") String id);
}
