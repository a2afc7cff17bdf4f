package com.example.service.migration.undo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.flywaydb.core.api.MigrationInfo;

import com.example.service.database.DatabaseUnavailableException;
import com.example.service.migration.AppliedMigration;
import com.example.service.migration.InvalidArgumentException;
import com.example.service.migration.Migration;
import com.example.service.migration.MigrationConfig;
import com.example.service.migration.MigrationFailedException;
import com.example.service.migration.MigrationListener;
import com.example.service.migration.SchemaChange;
import com.example.service.migration.db.FlywayFactory;
import com.example.service.migration.db.FlywayTypes;
import com.example.service.migration.db.MigrationDataSource;
import com.example.service.migration.db.MigrationPhases;
import com.example.service.migration.db.ScriptSource;
import com.example.service.migration.db.SqlErrors;
import com.example.service.migration.state.DriftItem;
import com.example.service.migration.state.SchemaInspector;
import com.example.service.migration.state.ValidationFailedException;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;

/**
 * Undoes the last applied versioned migrations with our own undo scripts ({@code U<version>__….sql}
 * in UNDO_LOCATIONS), which Flyway Community lacks. Each undo script runs in one transaction with
 * the deletion of its history row, so a failing one leaves both the schema and the history as they
 * were; afterwards the undone versions are pending again.
 */
@ApplicationScoped
public class Downgrader {

    /**
     * The undo Flyway reads its history from a table that never exists, so that every undo script
     * shows as resolved-only and Flyway reports its own script name rather than the applied one.
     */
    private static final String NO_HISTORY = "example_service_undo_scripts";

    private static final String DELETE_ROW = "DELETE FROM " + FlywayFactory.HISTORY_TABLE + " WHERE installed_rank = ?";

    private final FlywayFactory flywayFactory;
    private final SchemaInspector inspector;
    private final AgroalDataSource dataSource;
    private final MigrationConfig config;
    private final MigrationPhases phases;

    Downgrader(FlywayFactory flywayFactory, SchemaInspector inspector,
            @DataSource(MigrationDataSource.NAME) AgroalDataSource dataSource, MigrationConfig config,
            MigrationPhases phases) {
        this.flywayFactory = flywayFactory;
        this.inspector = inspector;
        this.dataSource = dataSource;
        this.config = config;
        this.phases = phases;
    }

    /**
     * Undoing the last {@code steps} applied versioned migrations, newest first. Refused when steps is
     * below 1 or above the number of applied migrations ({@link InvalidArgumentException}), when one of
     * them has no undo script ({@link MissingUndoException}; nothing runs), or when applied migrations
     * drifted or one failed ({@link ValidationFailedException}); an undo script that fails throws
     * {@link MigrationFailedException} (that step rolled back, earlier ones kept).
     */
    public SchemaChange<DowngradeResult> downgrade(int steps) {
        return new SchemaChange<>() {

            @Override
            public Optional<DowngradeResult> withoutLock() {
                if (steps < 1) {
                    throw new InvalidArgumentException("steps must be at least 1, not " + steps);
                }
                return Optional.empty();
            }

            @Override
            public DowngradeResult run(MigrationListener listener, Tracker tracker) {
                return downgradeHoldingLock(steps, listener, tracker);
            }
        };
    }

    private DowngradeResult downgradeHoldingLock(int steps, MigrationListener listener, SchemaChange.Tracker tracker) {
        List<DriftItem> drift = inspector.validate();
        if (!drift.isEmpty()) {
            throw new ValidationFailedException(drift);
        }
        List<MigrationInfo> applied = appliedNewestFirst();
        if (steps > applied.size()) {
            throw new InvalidArgumentException("cannot undo " + steps + " migration(s): only " + applied.size()
                    + " versioned migration(s) are applied");
        }
        List<MigrationInfo> toUndo = applied.subList(0, steps);
        Map<MigrationInfo, UndoScript> scripts = undoScripts(toUndo);
        List<AppliedMigration> undone = new ArrayList<>();
        long start = System.nanoTime();
        for (MigrationInfo migration : toUndo) {
            tracker.changed();
            undone.add(undo(migration, scripts.get(migration), undone.size() + 1, steps, listener));
        }
        String to = steps < applied.size() ? applied.get(steps).getVersion().getVersion() : null;
        return new DowngradeResult(applied.get(0).getVersion().getVersion(), to, List.copyOf(undone),
                Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    private List<MigrationInfo> appliedNewestFirst() {
        return Arrays.stream(flywayFactory.flyway().info().applied())
                .filter(i -> i.getVersion() != null && !i.getType().isSynthetic() && !i.getState().isFailed())
                .sorted(Comparator.comparing(MigrationInfo::getInstalledRank).reversed())
                .toList();
    }

    /**
     * Finds and reads every undo script before anything runs, so a missing one, or one that holds no
     * statement, stops the whole downgrade.
     */
    private Map<MigrationInfo, UndoScript> undoScripts(List<MigrationInfo> toUndo) {
        Map<String, MigrationInfo> resolved = new LinkedHashMap<>();
        for (MigrationInfo info : flywayFactory.configure()
                .locations(config.undoLocations().toArray(String[]::new))
                .sqlMigrationPrefix("U")
                .table(NO_HISTORY)
                .load().info().all()) {
            if (info.getVersion() != null) {
                resolved.put(info.getVersion().getVersion(), info);
            }
        }
        List<String> missing = new ArrayList<>();
        List<MissingUndoException.Unwritten> unwritten = new ArrayList<>();
        Map<MigrationInfo, UndoScript> scripts = new LinkedHashMap<>();
        for (MigrationInfo migration : toUndo) {
            String version = migration.getVersion().getVersion();
            MigrationInfo undo = resolved.get(version);
            Optional<String> sql = undo == null ? Optional.empty() : ScriptSource.read(config.undoLocations(), undo.getScript());
            if (sql.isEmpty()) {
                missing.add(version);
            } else if (!SqlStatements.present(sql.get())) {
                unwritten.add(new MissingUndoException.Unwritten(version, undo.getScript()));
            } else {
                scripts.put(migration, new UndoScript(undo.getScript(), sql.get()));
            }
        }
        if (!missing.isEmpty() || !unwritten.isEmpty()) {
            throw new MissingUndoException(missing, unwritten, config.undoLocations());
        }
        return scripts;
    }

    private AppliedMigration undo(MigrationInfo migration, UndoScript undo, int index, int total,
            MigrationListener listener) {
        Migration target = FlywayTypes.migration(migration, phases.of(migration.getVersion().getVersion()));
        listener.starting(index, total, target);
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement script = c.createStatement(); PreparedStatement delete = c.prepareStatement(DELETE_ROW)) {
                script.execute(flywayFactory.lockTimeoutSql(true));
                script.execute(undo.sql());
                delete.setInt(1, migration.getInstalledRank());
                delete.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw new MigrationFailedException(target.version(), undo.script(), e.getSQLState(), e.getMessage(), e);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
        AppliedMigration done = new AppliedMigration(target.version(), target.description(), undo.script(),
                Duration.ofNanos(System.nanoTime() - start).toMillis());
        listener.finished(index, total, done);
        return done;
    }

    private record UndoScript(String script, String sql) {
    }
}
