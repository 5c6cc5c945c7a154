package org.gongkai.server.search;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** What the search index is rebuilt from. */
@RegisterConstructorMapper(SearchDao.Row.class)
public interface SearchDao {

    /** A checked document with its text. */
    record Row(String id, String fileName, String elementsJson, String department, String route, String blocksJson) {
    }

    @SqlQuery("SELECT d.id, d.file_name, d.elements_json, d.department, d.route, t.blocks_json FROM document d "
            + "LEFT JOIN document_text t ON t.document_id = d.id WHERE d.status = 'CHECKED' ORDER BY d.received_at")
    List<Row> checked();

    @SqlQuery("SELECT COUNT(*) FROM document WHERE status = 'CHECKED'")
    int countChecked();
}
