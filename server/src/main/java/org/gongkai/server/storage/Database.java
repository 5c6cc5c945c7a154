package org.gongkai.server.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The database: a connection pool, the schema migrated by Flyway ({@code db/migration}, the same scripts
 * on H2 and PostgreSQL), and jdbi on top. Owned by the server; close it at shutdown.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    public Database(String url, String user, String password) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        if (user != null) {
            hc.setUsername(user);
        }
        if (password != null) {
            hc.setPassword(password);
        }
        hc.setMaximumPoolSize(10);
        hc.setPoolName("gongkai-db");
        hc.setConnectionTimeout(10_000);
        this.dataSource = new HikariDataSource(hc);
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Forces what has been committed to the disk. PostgreSQL does so at each commit already (unless the
     * transaction said otherwise); H2 writes each commit to its file without forcing it, which survives a
     * killed process but not a power cut, so the intake asks for {@code CHECKPOINT SYNC} here: only uploads,
     * which must be durable before their 202, pay for it, not results.
     */
    public void syncCommitted() {
        if (!isPostgres()) {
            jdbi.useHandle(h -> h.execute("CHECKPOINT SYNC"));
        }
    }

    /** Whether the database answers a trivial query within {@code seconds} (readiness). */
    public boolean ping(int seconds) {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.setQueryTimeout(seconds);
            s.execute("SELECT 1");
            return true;
        } catch (java.sql.SQLException | RuntimeException e) {
            return false;
        }
    }

    public boolean isPostgres() {
        return dataSource.getJdbcUrl().startsWith("jdbc:postgresql:");
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
