package org.gongkai.server.document.view;

import java.util.Optional;
import org.jdbi.v3.core.mapper.reflect.ColumnName;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL for the text stored when a document was checked, with the facts of its extraction. */
@RegisterConstructorMapper(StoredTextDao.Row.class)
public interface StoredTextDao {

    /** One {@code document_text} row. */
    record Row(@ColumnName("page_count") int pageCount, boolean complete, String extractor, @ColumnName("blocks_json") String blocksJson) {
    }

    @SqlQuery("SELECT page_count, complete, extractor, blocks_json FROM document_text WHERE document_id = :id")
    Optional<Row> find(@Bind("id") String documentId);
}
