package org.gongkai.server.account;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for accounts, their roles and stages, and departments. */
public interface AccountDao {

    /** An account row without its roles and stages. */
    record Row(String usernameKey, String username, String displayName, String department, String passwordHash, boolean mustChangePassword,
               boolean enabled, String oidcIssuer, String oidcSubject, OffsetDateTime createdAt,
               String createdBy) {
    }

    /** One role or stage of an account. */
    record Grant(String usernameKey, String grantValue) {
    }

    @SqlUpdate("INSERT INTO account (username_key, username, display_name, department, password_hash, must_change_password, enabled, "
            + "oidc_issuer, oidc_subject, created_at, created_by, password_changed_at) VALUES (:key, :username, :displayName, "
            + ":department, :hash, :mustChange, TRUE, :issuer, :subject, :at, :by, :at)")
    void insert(@Bind("key") String key, @Bind("username") String username, @Bind("displayName") String displayName,
                @Bind("department") String department, @Bind("hash") String hash, @Bind("mustChange") boolean mustChange,
                @Bind("issuer") String issuer, @Bind("subject") String subject, @Bind("at") OffsetDateTime at, @Bind("by") String by);

    @SqlQuery("SELECT username_key, username, display_name, department, password_hash, must_change_password, enabled, "
            + "oidc_issuer, oidc_subject, created_at, created_by FROM account WHERE username_key = :key")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(Row.class)
    Optional<Row> find(@Bind("key") String key);

    @SqlQuery("SELECT username_key, username, display_name, department, password_hash, must_change_password, enabled, "
            + "oidc_issuer, oidc_subject, created_at, created_by FROM account WHERE oidc_issuer = :issuer AND oidc_subject = :subject")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(Row.class)
    Optional<Row> findByOidc(@Bind("issuer") String issuer, @Bind("subject") String subject);

    @SqlQuery("SELECT username_key, username, display_name, department, password_hash, must_change_password, enabled, "
            + "oidc_issuer, oidc_subject, created_at, created_by FROM account ORDER BY username_key "
            + "OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(Row.class)
    List<Row> page(@Bind("offset") int offset, @Bind("limit") int limit);

    @SqlQuery("SELECT COUNT(*) FROM account")
    int count();

    @SqlQuery("SELECT username_key, role AS grant_value FROM account_role WHERE username_key = :key")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(Grant.class)
    List<Grant> roles(@Bind("key") String key);

    @SqlQuery("SELECT username_key, stage AS grant_value FROM account_stage WHERE username_key = :key")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(Grant.class)
    List<Grant> stages(@Bind("key") String key);

    @SqlUpdate("INSERT INTO account_role (username_key, role) VALUES (:key, :role)")
    void addRole(@Bind("key") String key, @Bind("role") String role);

    @SqlUpdate("DELETE FROM account_role WHERE username_key = :key")
    void clearRoles(@Bind("key") String key);

    @SqlUpdate("INSERT INTO account_stage (username_key, stage) VALUES (:key, :stage)")
    void addStage(@Bind("key") String key, @Bind("stage") String stage);

    @SqlUpdate("DELETE FROM account_stage WHERE username_key = :key")
    void clearStages(@Bind("key") String key);

    @SqlUpdate("UPDATE account SET display_name = :displayName, department = :department, enabled = :enabled, version = version + 1 "
            + "WHERE username_key = :key")
    int update(@Bind("key") String key, @Bind("displayName") String displayName, @Bind("department") String department,
               @Bind("enabled") boolean enabled);

    @SqlUpdate("UPDATE account SET password_hash = :hash, must_change_password = :mustChange, password_changed_at = :at, "
            + "version = version + 1 WHERE username_key = :key")
    int setPassword(@Bind("key") String key, @Bind("hash") String hash, @Bind("mustChange") boolean mustChange, @Bind("at") OffsetDateTime at);

    @SqlUpdate("UPDATE account SET display_name = :displayName, department = :department, version = version + 1 WHERE username_key = :key")
    int updateFromIdentityProvider(@Bind("key") String key, @Bind("displayName") String displayName, @Bind("department") String department);

    @SqlUpdate("INSERT INTO department (name, created_at, created_by) SELECT :name, :at, :by WHERE NOT EXISTS "
            + "(SELECT 1 FROM department WHERE name = :name)")
    int insertDepartmentIfAbsent(@Bind("name") String name, @Bind("at") OffsetDateTime at, @Bind("by") String by);

    @SqlQuery("SELECT name FROM department ORDER BY name")
    List<String> departments();

    @SqlQuery("SELECT COUNT(*) FROM department WHERE name = :name")
    int departmentExists(@Bind("name") String name);
}
