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
 * Applies pending migrations on one connection, each through Flyway's own executor (its parser,
 * placeholders and statement rules) but in this loop instead of Flyway's: all in one transaction
 * (all-or-nothing), or each in its own with its history row, as Flyway's default does. Flyway's
 * loop re-plans before each migration it applies in its own transaction (re-reading the history,
 * re-resolving every script), so its time grows with the square of the count, and it sends nine
 * statements of bookkeeping per migration besides its SQL (three {@code SET ROLE}, two existence
 * checks, a re-read of the history, the row, the search path, a database type probe): here the plan
 * is read once, the role and search path are put back with one statement between migrations, as
 * Flyway puts them back, and only the type probe, inside Flyway's executor, stays. Flyway still
 * prepares the history table ({@link FlywayFactory#prepareHistory}).
 */
@ApplicationScoped
class DirectApply {

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

    DirectApply(@DataSource(MigrationDataSource.NAME) AgroalDataSource dataSource, FlywayFactory flywayFactory) {
        this.dataSource = dataSource;
        this.flywayFactory = flywayFactory;
    }

    /**
     * Applies {@code pending}, the pending migrations of {@code plan}, in order, telling
     * {@code progress}, in one transaction or, unless {@code oneTransaction}, each in its own; false,
     * having done nothing, when the history has changed since the plan was read (Flyway baselined a
     * schema that had no history), so that the caller lets Flyway plan again.
     *
     * @throws FlywayException when a migration or the history fails; its transaction is rolled
     *         back, and with it the whole group in one transaction
     */
    boolean apply(Configuration configuration, MigrationInfoService plan, List<MigrationInfo> pending, boolean oneTransaction,
            MigrationProgress progress) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                boolean applied = applyIn(connection, configuration, plan, pending, oneTransaction, progress);
                if (applied) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
                return applied;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e instanceof SQLException sql
                        ? new FlywayException((oneTransaction ? "the all-or-nothing group failed: " : "the upgrade failed: ") + sql.getMessage(), sql)
                        : (RuntimeException) e;
            }
        } catch (SQLException e) {
            // Getting or handing back the connection: nothing ran, or the database went away.
            throw SqlErrors.translate(e);
        }
    }

    private boolean applyIn(Connection connection, Configuration configuration, MigrationInfoService plan,
            List<MigrationInfo> pending, boolean oneTransaction, MigrationProgress progress) throws SQLException {
        try (Statement statement = connection.createStatement();
                PreparedStatement restore = connection.prepareStatement(RESTORE);
                PreparedStatement insert = connection.prepareStatement(ROW)) {
            statement.execute(flywayFactory.lockTimeoutSql(true));
            Session session;
            try (ResultSet row = statement.executeQuery(SESSION)) {
                row.next();
                String installedBy = Objects.requireNonNullElse(configuration.getInstalledBy(), row.getString(1));
                session = new Session(installedBy, row.getString(2), row.getString(3), row.getInt(4));
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
            for (MigrationInfo migration : pending) {
                if (!oneTransaction && !done.isEmpty()) {
                    // The last one committed, and its SET LOCAL with it.
                    statement.execute(flywayFactory.lockTimeoutSql(true));
                }
                progress.starting(migration, connection);
                try {
                    FlywayTypes.executor(migration).execute(context);
                } catch (SQLException | FlywayException e) {
                    progress.failed(migration);
                    throw e;
                }
                done.add(progress.finished(migration));
                // Before the history row too: the migration may have moved the search path away from it.
                session.restore(restore);
                if (!oneTransaction) {
                    row(insert, session, done.size() - 1, migration, done.get(done.size() - 1));
                    insert.executeUpdate();
                    connection.commit();
                }
            }
            if (oneTransaction) {
                for (int i = 0; i < pending.size(); i++) {
                    row(insert, session, i, pending.get(i), done.get(i));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return true;
        }
    }

    /** Sets {@code insert}'s parameters to the history row of {@code migration}, the {@code index}th applied. */
    private static void row(PreparedStatement insert, Session session, int index, MigrationInfo migration, AppliedMigration done)
            throws SQLException {
        insert.setInt(1, session.lastRank() + 1 + index);
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
        insert.setInt(8, (int) done.executionTimeMs());
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

    /** Who applies the migrations, the session settings before them, and the history's last rank. */
    private record Session(String installedBy, String role, String searchPath, int lastRank) {

        void restore(PreparedStatement restore) throws SQLException {
            restore.setString(1, role);
            restore.setString(2, searchPath);
            restore.executeQuery().close();
        }
    }
}
