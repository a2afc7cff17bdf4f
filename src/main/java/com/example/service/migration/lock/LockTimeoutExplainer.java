package com.example.service.migration.lock;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.example.service.migration.MigrationConfig;
import com.example.service.migration.MigrationFailedException;
import com.example.service.migration.db.MigrationDataSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;

/**
 * Turns a migration that gave up waiting for a table lock (MIGRATION_STATEMENT_LOCK_TIMEOUT, SQL
 * state 55P03) into a message an operator can act on: that another session held the lock, which
 * sessions probably did, and that retrying is safe.
 */
@ApplicationScoped
public class LockTimeoutExplainer {

    static final String LOCK_NOT_AVAILABLE = "55P03";

    private static final Logger LOG = Logger.getLogger(LockTimeoutExplainer.class);
    private static final int MAX_NAMED = 3;

    /**
     * By the time the error arrives the migration's wait is over, so pg_blocking_pids cannot name the
     * holder any more. The sessions with the oldest open transactions that hold table locks are
     * where such a lock comes from; naming them is a cheap, honest guess.
     */
    private static final String SUSPECTS_SQL = """
            SELECT a.pid, a.application_name, a.state, a.xact_start
              FROM pg_stat_activity a
             WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND a.xact_start IS NOT NULL
               AND EXISTS (SELECT 1 FROM pg_locks l
                            WHERE l.pid = a.pid AND l.locktype = 'relation' AND l.granted
                              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()))
             ORDER BY a.xact_start
             LIMIT %d
            """.formatted(MAX_NAMED);

    private final AgroalDataSource dataSource;
    private final MigrationConfig config;

    LockTimeoutExplainer(@DataSource(MigrationDataSource.NAME) AgroalDataSource dataSource, MigrationConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** {@code failure} itself, or, when it is a lock timeout, the same failure explained. */
    public RuntimeException explain(RuntimeException failure) {
        if (!(failure instanceof MigrationFailedException failed) || !LOCK_NOT_AVAILABLE.equals(failed.sqlState())) {
            return failure;
        }
        String explained = failed.sqlMessage() + ": blocked by a lock held by another session"
                + suspects() + " for longer than MIGRATION_STATEMENT_LOCK_TIMEOUT (" + config.statementLockTimeout()
                + "); it was rolled back, and no other query queued behind it. Retry when that transaction has"
                + " ended (or at a quieter time), or raise MIGRATION_STATEMENT_LOCK_TIMEOUT";
        return new MigrationFailedException(failed.version(), failed.script(), failed.sqlState(), explained, failed.getCause());
    }

    private String suspects() {
        List<String> sessions = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(SUSPECTS_SQL)) {
            while (rs.next()) {
                Timestamp since = rs.getTimestamp("xact_start");
                sessions.add("pid " + rs.getInt("pid") + " (" + nameOf(rs.getString("application_name")) + ", "
                        + rs.getString("state") + ", transaction open since " + since.toInstant() + ")");
            }
        } catch (SQLException e) {
            // The explanation is a courtesy: the failure itself must still be reported.
            LOG.debug("could not list the sessions holding table locks", e);
        }
        return sessions.isEmpty() ? "" : " (probably " + String.join(" or ", sessions) + ")";
    }

    private static String nameOf(String applicationName) {
        return applicationName == null || applicationName.isBlank() ? "no application_name" : applicationName;
    }
}
