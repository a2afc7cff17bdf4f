package com.example.service.migration.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.executor.Context;

import com.example.service.migration.AppliedMigration;
import com.example.service.migration.db.FlywayFactory;
import com.example.service.migration.db.FlywayTypes;
import com.example.service.migration.db.MigrationDataSource;
import com.example.service.migration.db.SqlErrors;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;

/**
 * Applies an all-or-nothing group on one connection in one transaction: each migration through
 * Flyway's own executor (its parser, placeholders and statement rules), then the group's history
 * rows, as Flyway writes them, in one batch, then one commit. Flyway's own group does the same work
 * but sends nine statements of bookkeeping per migration besides its SQL (three {@code SET ROLE},
 * two existence checks, a re-read of the history, the row, the search path, a database type probe):
 * a third of a 1000-migration upgrade's main thread (bench/README.md). Here the role and search
 * path are put back with one statement between migrations, as Flyway puts them back, the history is
 * read and written once for the group, and only the type probe, inside Flyway's executor, stays.
 * Flyway still prepares the history table ({@link FlywayFactory#prepareHistory}).
 */
@ApplicationScoped
class GroupTransaction {

    private static final String SESSION = "SELECT current_user, current_setting('role'), current_setting('search_path'),"
            + " (SELECT coalesce(max(installed_rank), 0) FROM " + FlywayFactory.HISTORY_TABLE + ")";
    // What a migration may have changed for the session, put back as Flyway does before the next one.
    private static final String RESTORE = "SELECT set_config('role', ?, false), set_config('search_path', ?, false)";
    // Flyway's own insert: the columns it names, installed_on left to its default, now().
    private static final String ROW = "INSERT INTO " + FlywayFactory.HISTORY_TABLE
            + " (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, true)";

    private final AgroalDataSource dataSource;
    private final FlywayFactory flywayFactory;

    GroupTransaction(@DataSource(MigrationDataSource.NAME) AgroalDataSource dataSource, FlywayFactory flywayFactory) {
        this.dataSource = dataSource;
        this.flywayFactory = flywayFactory;
    }

    /**
     * Applies {@code group}, the pending migrations of {@code plan}, in order, telling
     * {@code progress}; false, having done nothing, when the history has changed since the plan was
     * read (Flyway baselined a schema that had no history), so that the caller lets Flyway plan again.
     *
     * @throws FlywayException when a migration or the history fails; the transaction is rolled back
     */
    boolean apply(Configuration configuration, MigrationInfoService plan, List<MigrationInfo> group, MigrationProgress progress) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                boolean applied = applyIn(connection, configuration, plan, group, progress);
                if (applied) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
                return applied;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e instanceof SQLException sql ? new FlywayException("the all-or-nothing group failed: " + sql.getMessage(), sql)
                        : (RuntimeException) e;
            }
        } catch (SQLException e) {
            // Getting or handing back the connection: nothing ran, or the database went away.
            throw SqlErrors.translate(e);
        }
    }

    private boolean applyIn(Connection connection, Configuration configuration, MigrationInfoService plan,
            List<MigrationInfo> group, MigrationProgress progress) throws SQLException {
        Session session;
        try (Statement statement = connection.createStatement()) {
            statement.execute(flywayFactory.lockTimeoutSql(true));
            try (ResultSet row = statement.executeQuery(SESSION)) {
                row.next();
                String installedBy = Objects.requireNonNullElse(configuration.getInstalledBy(), row.getString(1));
                session = new Session(installedBy, row.getString(2), row.getString(3), row.getInt(4));
            }
        }
        if (session.lastRank() != lastRank(plan)) {
            return false;
        }
        Context context = new Context() {

            @Override
            public Configuration getConfiguration() {
                return configuration;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        };
        List<AppliedMigration> done = new ArrayList<>();
        try (PreparedStatement restore = connection.prepareStatement(RESTORE)) {
            for (MigrationInfo migration : group) {
                if (!done.isEmpty()) {
                    session.restore(restore);
                }
                progress.starting(migration, connection);
                try {
                    FlywayTypes.executor(migration).execute(context);
                } catch (SQLException | FlywayException e) {
                    progress.failed(migration);
                    throw e;
                }
                done.add(progress.finished(migration));
            }
            session.restore(restore);
        }
        try (PreparedStatement insert = connection.prepareStatement(ROW)) {
            for (int i = 0; i < group.size(); i++) {
                MigrationInfo migration = group.get(i);
                insert.setInt(1, session.lastRank() + 1 + i);
                insert.setString(2, migration.getVersion() == null ? null : migration.getVersion().toString());
                insert.setString(3, migration.getDescription());
                insert.setString(4, migration.getType().name());
                insert.setString(5, migration.getScript());
                if (migration.getChecksum() == null) {
                    insert.setNull(6, Types.INTEGER);
                } else {
                    insert.setInt(6, migration.getChecksum());
                }
                insert.setString(7, session.installedBy());
                insert.setInt(8, (int) done.get(i).executionTimeMs());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return true;
    }

    /** The highest installed rank the plan read: the history's, unless it changed since. */
    private static int lastRank(MigrationInfoService plan) {
        return Arrays.stream(plan.applied()).map(MigrationInfo::getInstalledRank).filter(Objects::nonNull)
                .mapToInt(Integer::intValue).max().orElse(0);
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The connection is gone, and the transaction with it: the first failure is the one to report.
            cause.addSuppressed(e);
        }
    }

    /** Who applies the group, the session settings before it, and the history's last rank. */
    private record Session(String installedBy, String role, String searchPath, int lastRank) {

        void restore(PreparedStatement restore) throws SQLException {
            restore.setString(1, role);
            restore.setString(2, searchPath);
            restore.executeQuery().close();
        }
    }
}
