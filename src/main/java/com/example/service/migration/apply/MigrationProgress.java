package com.example.service.migration.apply;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import com.example.service.migration.AppliedMigration;
import com.example.service.migration.Migration;
import com.example.service.migration.MigrationFailedException;
import com.example.service.migration.MigrationListener;
import com.example.service.migration.Phase;
import com.example.service.migration.SchemaChange;
import com.example.service.migration.db.FlywayErrors;
import com.example.service.migration.db.FlywayTypes;

import static org.flywaydb.core.api.callback.Event.AFTER_EACH_MIGRATE;
import static org.flywaydb.core.api.callback.Event.AFTER_EACH_MIGRATE_ERROR;
import static org.flywaydb.core.api.callback.Event.BEFORE_EACH_MIGRATE;

/**
 * Counts and times each migration through Flyway's callbacks (or, for a group applied by
 * {@link DirectApply}, its calls), and remembers the one that failed.
 * In a group (all-or-nothing) Flyway calls back after each migration before anything is committed:
 * those migrations are told to the listener (progress lines, audit count, metrics) only once
 * {@link #committed()} says the group's transaction is, and never when it rolled back.
 */
final class MigrationProgress implements Callback {

    private final MigrationListener listener;
    private final SchemaChange.Tracker tracker;
    private final int total;
    private final Phase phase;
    private final boolean grouped;
    private final List<AppliedMigration> applied = new ArrayList<>();
    private int started;
    private long startedAt;
    private MigrationInfo failed;

    MigrationProgress(MigrationListener listener, SchemaChange.Tracker tracker, int total, Phase phase, boolean grouped) {
        this.listener = listener;
        this.tracker = tracker;
        this.total = total;
        this.phase = phase;
        this.grouped = grouped;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == BEFORE_EACH_MIGRATE || event == AFTER_EACH_MIGRATE || event == AFTER_EACH_MIGRATE_ERROR;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        MigrationInfo info = context.getMigrationInfo();
        if (event == BEFORE_EACH_MIGRATE) {
            starting(info, context.getConnection());
        } else if (event == AFTER_EACH_MIGRATE) {
            finished(info);
        } else {
            failed(info);
        }
    }

    /** {@code info} starts on {@code connection}. */
    void starting(MigrationInfo info, Connection connection) {
        Migration migration = FlywayTypes.migration(info, phase);
        tracker.started(migration, connection);
        started++;
        startedAt = System.nanoTime();
        listener.starting(started, of(started), migration);
    }

    /** {@code info}, the last one started, ran to its end (its transaction may still be open). */
    AppliedMigration finished(MigrationInfo info) {
        AppliedMigration done = new AppliedMigration(
                info.getVersion() == null ? null : info.getVersion().getVersion(), info.getDescription(),
                info.getScript(), Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
        applied.add(done);
        if (!grouped) {
            listener.finished(started, of(started), done);
        }
        return done;
    }

    /** {@code info} failed: {@link #failure} names it. */
    void failed(MigrationInfo info) {
        failed = info;
    }

    @Override
    public String getCallbackName() {
        return "example-service-progress";
    }

    /** The upgrade has returned: every migration applied is committed. */
    List<AppliedMigration> committed() {
        tracker.committed();
        if (grouped) {
            for (int i = 0; i < applied.size(); i++) {
                listener.finished(i + 1, of(applied.size()), applied.get(i));
            }
        }
        return applied;
    }

    private int of(int index) {
        return Math.max(total, index);
    }

    RuntimeException failure(FlywayException e) {
        RuntimeException translated = FlywayErrors.translate(e);
        if (translated != e || failed == null) {
            return translated;
        }
        SQLException sql = rootSqlException(e);
        String message = sql != null ? sql.getMessage() : e.getMessage();
        return new MigrationFailedException(failed.getVersion() == null ? null : failed.getVersion().getVersion(),
                failed.getScript(), sql == null ? null : sql.getSQLState(), message,
                grouped ? " (all-or-nothing: the whole group rolled back, none of its migrations is applied)" : "", e);
    }

    private static SQLException rootSqlException(Throwable e) {
        SQLException found = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                found = sql;
            }
        }
        return found;
    }
}
