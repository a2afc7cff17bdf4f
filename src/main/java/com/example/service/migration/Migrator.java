package com.example.service.migration;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

import static org.flywaydb.core.api.callback.Event.AFTER_EACH_MIGRATE;
import static org.flywaydb.core.api.callback.Event.AFTER_EACH_MIGRATE_ERROR;
import static org.flywaydb.core.api.callback.Event.BEFORE_EACH_MIGRATE;

/** Applies pending migrations under the migration lock; the only writer of the schema history. */
@ApplicationScoped
public class Migrator {

    static final Pattern VERSION = Pattern.compile("[0-9]+([._][0-9]+)*");

    private final FlywayFactory flywayFactory;
    private final MigrationLock lock;
    private final SchemaInspector inspector;
    private final Event<SchemaChanged> changed;
    private final InFlightMigration inFlight;
    private final LockTimeoutExplainer lockTimeouts;
    private final UpgradeProgress upgrades;

    Migrator(FlywayFactory flywayFactory, MigrationLock lock, SchemaInspector inspector, Event<SchemaChanged> changed,
            InFlightMigration inFlight, LockTimeoutExplainer lockTimeouts, UpgradeProgress upgrades) {
        this.flywayFactory = flywayFactory;
        this.lock = lock;
        this.inspector = inspector;
        this.changed = changed;
        this.inFlight = inFlight;
        this.lockTimeouts = lockTimeouts;
        this.upgrades = upgrades;
    }

    /**
     * Applies this code's pending migrations, up to {@code target} when given.
     *
     * @param target   a version to stop at, or null for all
     * @param lockWait how long to wait for another session's migration; {@link Duration#ZERO} fails at once
     * @param listener told about each migration as it runs
     * @throws InvalidTargetException    when target is not a version of this code at or above current
     * @throws LockUnavailableException  when another session holds the lock past {@code lockWait}
     * @throws ValidationFailedException when applied migrations drifted from this code
     * @throws MigrationFailedException  when a migration's SQL fails (its transaction rolled back)
     */
    public UpgradeResult upgrade(String target, Duration lockWait, MigrationListener listener) {
        MigrationVersion targetVersion = parseTarget(target);
        if (targetVersion == null) {
            SchemaState state = inspector.read();
            if (state.currentForThisCode() && state.drift().isEmpty()) {
                // Nothing to do: skip the lock, so replicas that start while another release migrates
                // (or after it did) do not queue behind it.
                return new UpgradeResult(state.currentVersion(), state.currentVersion(), List.of(), 0);
            }
        }
        Progress progress = new Progress(listener, inFlight, upgrades);
        try {
            try (MigrationLock.Held held = lock.acquire(lockWait)) {
                return upgradeHoldingLock(targetVersion, progress);
            }
        } finally {
            // Once the lock is released, so that the refreshed state does not show it still held.
            if (progress.started > 0) {
                changed.fire(new SchemaChanged("upgrade"));
            }
            // Only an upgrade that got the lock and began ends anything: one refused with 409 meanwhile
            // must not wipe the running upgrade's progress, nor what shutdown waits for.
            if (progress.begun) {
                // After that refresh: status goes from "N of N applied" straight to the new state.
                upgrades.end();
            }
            if (progress.started > 0) {
                // Last: a shutdown waiting for this upgrade lets the process exit only once it has unwound.
                inFlight.ended(progress.committed);
            }
        }
    }

    /**
     * {@link #upgrade} for a caller that already holds the migration lock (reset: clean, then
     * migrate); that caller announces the change once it has released the lock.
     */
    UpgradeResult upgradeHoldingLock(MigrationVersion target, MigrationListener listener) {
        Progress progress = new Progress(listener, inFlight, upgrades);
        try {
            return upgradeHoldingLock(target, progress);
        } finally {
            if (progress.begun) {
                upgrades.end();
            }
            inFlight.ended(progress.committed);
        }
    }

    private UpgradeResult upgradeHoldingLock(MigrationVersion target, Progress progress) {
        List<DriftItem> drift = inspector.validate();
        if (!drift.isEmpty()) {
            throw new ValidationFailedException(drift);
        }
        FluentConfiguration configuration = flywayFactory.configure();
        MigrationInfoService plan;
        try {
            plan = configuration.load().info();
        } catch (FlywayException e) {
            throw SchemaInspector.translate(e);
        }
        if (target != null) {
            checkTarget(target, plan);
            configuration.target(target);
        }
        progress.total = (int) Arrays.stream(plan.all()).filter(SchemaInspector::pendingForThisCode)
                .filter(i -> target == null || i.getVersion() == null || i.getVersion().compareTo(target) <= 0).count();
        if (progress.total > 0) {
            upgrades.begin(progress.total);
            progress.begun = true;
        }
        long start = System.nanoTime();
        try {
            MigrateResult result = configuration.callbacks(progress).load().migrate();
            progress.committed = true;
            // Flyway names no target when it applied nothing (another instance migrated while we waited).
            String reached = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
            return new UpgradeResult(result.initialSchemaVersion, reached, progress.applied,
                    Duration.ofNanos(System.nanoTime() - start).toMillis());
        } catch (FlywayException e) {
            throw lockTimeouts.explain(progress.failure(e));
        }
    }

    static MigrationVersion parseTarget(String target) {
        if (target == null) {
            return null;
        }
        if (!VERSION.matcher(target).matches()) {
            throw new InvalidTargetException("target '" + target + "' is not a version (digits separated by dots, e.g. 3 or 1.2)");
        }
        return MigrationVersion.fromVersion(target);
    }

    private static void checkTarget(MigrationVersion target, MigrationInfoService plan) {
        boolean known = Arrays.stream(plan.all()).anyMatch(i -> i.getState().isResolved() && target.equals(i.getVersion()));
        if (!known) {
            throw new InvalidTargetException("no migration of this code has version " + target.getVersion());
        }
        MigrationInfo current = plan.current();
        if (current != null && current.getVersion() != null && target.compareTo(current.getVersion()) < 0) {
            throw new InvalidTargetException("target " + target.getVersion() + " is below the current version "
                    + current.getVersion().getVersion() + "; upgrade never goes back (downgrade does)");
        }
    }

    /** Counts and times each migration through Flyway's callbacks, and remembers the one that failed. */
    private static final class Progress implements Callback {

        private final MigrationListener listener;
        private final InFlightMigration inFlight;
        private final UpgradeProgress upgrades;
        private final List<AppliedMigration> applied = new ArrayList<>();
        /** Known once the lock is held and the plan read. */
        private int total;
        private int started;
        /** This upgrade holds the lock and told {@link UpgradeProgress} so. */
        private boolean begun;
        /** Flyway has returned with every migration committed. */
        private boolean committed;
        private long startedAt;
        private MigrationInfo failed;

        Progress(MigrationListener listener, InFlightMigration inFlight, UpgradeProgress upgrades) {
            this.listener = listener;
            this.inFlight = inFlight;
            this.upgrades = upgrades;
        }

        @Override
        public boolean supports(org.flywaydb.core.api.callback.Event event, Context context) {
            return event == BEFORE_EACH_MIGRATE || event == AFTER_EACH_MIGRATE || event == AFTER_EACH_MIGRATE_ERROR;
        }

        @Override
        public boolean canHandleInTransaction(org.flywaydb.core.api.callback.Event event, Context context) {
            return true;
        }

        @Override
        public void handle(org.flywaydb.core.api.callback.Event event, Context context) {
            MigrationInfo info = context.getMigrationInfo();
            if (event == BEFORE_EACH_MIGRATE) {
                inFlight.started(Migration.of(info), context.getConnection());
                started++;
                startedAt = System.nanoTime();
                listener.starting(started, Math.max(total, started), Migration.of(info));
                upgrades.starting(started, Math.max(total, started), Migration.of(info));
            } else if (event == AFTER_EACH_MIGRATE) {
                AppliedMigration done = new AppliedMigration(
                        info.getVersion() == null ? null : info.getVersion().getVersion(), info.getDescription(),
                        info.getScript(), Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
                applied.add(done);
                listener.finished(started, Math.max(total, started), done);
                upgrades.finished(started, Math.max(total, started));
            } else {
                failed = info;
            }
        }

        @Override
        public String getCallbackName() {
            return "example-service-progress";
        }

        RuntimeException failure(FlywayException e) {
            RuntimeException translated = SchemaInspector.translate(e);
            if (translated != e || failed == null) {
                return translated;
            }
            SQLException sql = rootSqlException(e);
            String message = sql != null ? sql.getMessage() : e.getMessage();
            return new MigrationFailedException(failed.getVersion() == null ? null : failed.getVersion().getVersion(),
                    failed.getScript(), sql == null ? null : sql.getSQLState(), message, e);
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
}
