package org.gongkai.server.document;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for documents and their stored files. */
@RegisterConstructorMapper(DocumentRecord.class)
public interface DocumentDao {

    @SqlUpdate("INSERT INTO blob (sha256, size_bytes, media_type, stored_at) SELECT :sha256, :size, :mediaType, :at "
            + "WHERE NOT EXISTS (SELECT 1 FROM blob WHERE sha256 = :sha256)")
    void insertBlobIfAbsent(@Bind("sha256") String sha256, @Bind("size") long size, @Bind("mediaType") String mediaType, @Bind("at") OffsetDateTime at);

    @SqlUpdate("INSERT INTO document (id, file_name, sha256, media_type, size_bytes, status, declared_attribute, declared_reason, "
            + "department, supersedes, duplicate_of, interpretation_sha256, interpretation_name, uploaded_by, received_at, attempts, row_version) "
            + "VALUES (:id, :fileName, :sha256, :mediaType, :sizeBytes, :status, :declaredAttribute, :declaredReason, :department, "
            + ":supersedes, :duplicateOf, :interpretationSha256, :interpretationName, :uploadedBy, :receivedAt, 0, 0)")
    void insert(@BindMethods DocumentRecord d);

    @SqlQuery("SELECT * FROM document WHERE id = :id")
    Optional<DocumentRecord> find(@Bind("id") String id);

    @SqlQuery("SELECT id FROM document WHERE sha256 = :sha256 ORDER BY received_at, id FETCH FIRST 1 ROWS ONLY")
    Optional<String> firstWithContent(@Bind("sha256") String sha256);

    /** Documents not yet checked whose lease (if any) has run out: new, or left behind by a crash. */
    @SqlQuery("SELECT id FROM document WHERE status = 'RECEIVED' OR (status = 'PROCESSING' AND (lease_until IS NULL OR lease_until < :now)) "
            + "ORDER BY received_at")
    List<String> pending(@Bind("now") OffsetDateTime now);

    /**
     * Takes the processing lease of a document when it is free; returns 1 when this caller now holds it.
     * The conditional update makes two servers on one database never process the same document at once.
     */
    @SqlUpdate("UPDATE document SET status = 'PROCESSING', lease_owner = :owner, lease_until = :until, processing_started_at = :now, "
            + "attempts = attempts + 1, row_version = row_version + 1 WHERE id = :id AND (status = 'RECEIVED' "
            + "OR (status = 'PROCESSING' AND (lease_until IS NULL OR lease_until < :now)))")
    int lease(@Bind("id") String id, @Bind("owner") String owner, @Bind("now") OffsetDateTime now, @Bind("until") OffsetDateTime until);

    @SqlUpdate("UPDATE document SET status = 'CHECKED', checked_at = :at, doc_type = :docType, elements_json = :elements, "
            + "detected_attribute = :detected, effective_attribute = :effective, effective_reason = :reason, route = :route, "
            + "route_rule = :rule, timings_json = :timings, lease_owner = NULL, lease_until = NULL, row_version = row_version + 1 "
            + "WHERE id = :id AND status = 'PROCESSING' AND lease_owner = :owner")
    int complete(@Bind("id") String id, @Bind("owner") String owner, @Bind("at") OffsetDateTime at, @Bind("docType") String docType,
                 @Bind("elements") String elementsJson, @Bind("detected") String detected, @Bind("effective") String effective,
                 @Bind("reason") String reason, @Bind("route") String route, @Bind("rule") String rule, @Bind("timings") String timings);

    @SqlUpdate("INSERT INTO route_decision (document_id, route, rule, decided_at) VALUES (:id, :route, :rule, :at)")
    void insertRouteDecision(@Bind("id") String id, @Bind("route") String route, @Bind("rule") String rule, @Bind("at") OffsetDateTime at);

    @SqlUpdate("DELETE FROM document_text WHERE document_id = :id")
    void deleteText(@Bind("id") String id);

    @SqlUpdate("INSERT INTO document_text (document_id, page_count, complete, extractor, text_body, blocks_json) "
            + "VALUES (:id, :pages, :complete, :extractor, :text, :blocks)")
    void insertText(@Bind("id") String id, @Bind("pages") int pages, @Bind("complete") boolean complete,
                    @Bind("extractor") String extractor, @Bind("text") String text, @Bind("blocks") String blocksJson);

    /** Records what became of the document's pictures (JSON array), after {@link #insertText}. */
    @SqlUpdate("UPDATE document_text SET images_json = :images WHERE document_id = :id")
    void setImages(@Bind("id") String id, @Bind("images") String imagesJson);

    @SqlQuery("SELECT images_json FROM document_text WHERE document_id = :id AND images_json IS NOT NULL")
    Optional<String> images(@Bind("id") String id);

    /** The stored blocks (JSON) and whether extraction was complete. */
    @SqlQuery("SELECT blocks_json, complete FROM document_text WHERE document_id = :id")
    @RegisterConstructorMapper(StoredBlocks.class)
    Optional<StoredBlocks> blocks(@Bind("id") String id);

    record StoredBlocks(@org.jdbi.v3.core.mapper.reflect.ColumnName("blocks_json") String blocksJson, boolean complete) {
    }

    @SqlQuery("SELECT text_body FROM document_text WHERE document_id = :id")
    Optional<String> text(@Bind("id") String id);

    /** Frees every processing lease; only safe when no other server can be using the database. */
    @SqlUpdate("UPDATE document SET status = 'RECEIVED', lease_owner = NULL, lease_until = NULL WHERE status = 'PROCESSING'")
    int releaseAllLeases();

    @SqlQuery("SELECT COUNT(*) FROM document WHERE status <> 'CHECKED'")
    int countUnchecked();
}
