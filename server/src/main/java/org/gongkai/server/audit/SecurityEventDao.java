package org.gongkai.server.audit;

import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The security audit table: insert and read only (there is no update or delete). */
@RegisterConstructorMapper(SecurityEvent.class)
public interface SecurityEventDao {

    @SqlUpdate("INSERT INTO security_event (occurred_at, actor, actor_roles, action, outcome, target, address, detail) "
            + "VALUES (:at, :actor, :roles, :action, :outcome, :target, :address, :detail)")
    void append(@Bind("at") OffsetDateTime at, @Bind("actor") String actor, @Bind("roles") String roles, @Bind("action") String action,
                @Bind("outcome") String outcome, @Bind("target") String target, @Bind("address") String address, @Bind("detail") String detail);

    @SqlQuery("SELECT id, occurred_at, actor, actor_roles, action, outcome, target, address, detail FROM security_event "
            + "WHERE occurred_at >= :from AND occurred_at < :to AND (:actor IS NULL OR actor = :actor) AND (:action IS NULL OR action = :action) "
            + "ORDER BY id DESC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
    List<SecurityEvent> find(@Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to, @Bind("actor") String actor,
                             @Bind("action") String action, @Bind("offset") int offset, @Bind("limit") int limit);

    /** Events of actors holding one of {@code roles} (the security administrator reads the auditor's trail). */
    @SqlQuery("SELECT e.id, e.occurred_at, e.actor, e.actor_roles, e.action, e.outcome, e.target, e.address, e.detail FROM security_event e "
            + "WHERE e.occurred_at >= :from AND e.occurred_at < :to AND (:action IS NULL OR e.action = :action) "
            + "AND e.actor IN (SELECT username_key FROM account_role WHERE role IN (<roles>)) "
            + "ORDER BY e.id DESC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
    List<SecurityEvent> byRoles(@Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to, @Bind("action") String action,
                                @BindList("roles") List<String> roles, @Bind("offset") int offset, @Bind("limit") int limit);
}
