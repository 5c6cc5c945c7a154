package org.gongkai.server.document;

import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The append-only audit trail: there is no update or delete here, by design. */
@RegisterConstructorMapper(Event.class)
public interface EventDao {

    @SqlUpdate("INSERT INTO event (document_id, occurred_at, actor, actor_role, action, from_state, to_state, detail) "
            + "VALUES (:doc, :at, :actor, :role, :action, :from, :to, :detail)")
    void append(@Bind("doc") String documentId, @Bind("at") OffsetDateTime at, @Bind("actor") String actor, @Bind("role") String role,
                @Bind("action") String action, @Bind("from") String from, @Bind("to") String to, @Bind("detail") String detail);

    @SqlQuery("SELECT id, document_id, occurred_at, actor, actor_role, action, from_state, to_state, detail FROM event "
            + "WHERE document_id = :doc ORDER BY id")
    List<Event> forDocument(@Bind("doc") String documentId);
}
