package com.example.service.migration.startup;

import java.time.Instant;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import com.example.service.config.DatabaseConfig;
import com.example.service.config.RunMode;
import com.example.service.database.DatabaseUnavailableException;
import com.example.service.migration.AppliedMigration;
import com.example.service.migration.Migration;
import com.example.service.migration.MigrationConfig;
import com.example.service.migration.MigrationListener;
import com.example.service.migration.apply.UpgradeResult;
import com.example.service.migration.change.Actors;
import com.example.service.migration.change.InFlightMigration;
import com.example.service.migration.change.SchemaChanges;
import com.example.service.migration.db.DatabaseProbe;
import com.example.service.migration.lock.LockUnavailableException;
import com.example.service.migration.state.SchemaActivity;
import com.example.service.migration.state.SchemaDriftException;
import com.example.service.migration.state.SchemaStateCache;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The serving instance's migration at start. It runs on a thread of its own, so the HTTP server
 * (liveness, status) answers meanwhile; readiness and the sample API wait for it.
 */
@ApplicationScoped
public class StartupMigration {

    /** Where the startup migration is. */
    public enum Phase {
        /** The process has not reached startup yet. */
        NOT_STARTED,
        /** MIGRATE_AT_START=false: another process migrates. */
        DISABLED,
        WAITING_FOR_DATABASE,
        /** Another instance holds the migration lock. */
        WAITING_FOR_LOCK,
        MIGRATING,
        COMPLETED,
        /** The lock wait ran out: this instance serves once someone else made the schema current. */
        LOCK_TIMED_OUT,
        /**
         * Drift refused the upgrade (READINESS_MODE=strict, or migrations pending): this instance
         * stays up, unready, until the drift is accepted and the schema is current.
         */
        DRIFT,
        /** The process is exiting with {@link #exitCode()}. */
        FAILED;

        /** Startup has nothing left to do (the startup probe's answer). */
        public boolean finished() {
            return this == DISABLED || this == COMPLETED || this == LOCK_TIMED_OUT || this == DRIFT;
        }
    }

    /**
     * The startup migration's progress, as status and health report it.
     *
     * @param phase   where it is
     * @param done    migrations finished so far
     * @param total   migrations to apply; 0 until known
     * @param current the migration running now, if any
     * @param error   why it failed, when it failed
     */
    public record Progress(Phase phase, int done, int total, String current, String error) {

        Progress in(Phase next) {
            return new Progress(next, done, total, current, error);
        }
    }

    /** Exit codes of design.md section 4, shared with command mode. */
    static final int EXIT_ERROR = 1;
    static final int EXIT_TIMEOUT = 5;

    private static final Logger LOG = Logger.getLogger(StartupMigration.class);

    private final RunMode runMode;
    private final MigrationConfig config;
    private final DatabaseConfig databaseConfig;
    private final DatabaseProbe probe;
    private final SchemaChanges changes;
    private final SchemaStateCache cache;
    private final Actors actors;
    private final InFlightMigration inFlight;
    private final Event<SchemaActivity> activity;
    private volatile Progress progress = new Progress(Phase.NOT_STARTED, 0, 0, null, null);
    private volatile int exitCode;
    /**
     * Set at shutdown, before the container's beans are gone: a startup migration still waiting for
     * the database then ends quietly instead of dying on a bean that no longer exists.
     */
    private volatile boolean stopped;

    StartupMigration(RunMode runMode, MigrationConfig config, DatabaseConfig databaseConfig, DatabaseProbe probe,
            SchemaChanges changes, SchemaStateCache cache, Actors actors, InFlightMigration inFlight,
            Event<SchemaActivity> activity) {
        this.runMode = runMode;
        this.config = config;
        this.databaseConfig = databaseConfig;
        this.probe = probe;
        this.changes = changes;
        this.cache = cache;
        this.actors = actors;
        this.inFlight = inFlight;
        this.activity = activity;
    }

    /**
     * Static, so that a db command, which never migrates at start, does not create this bean and all it
     * needs only to start.
     */
    static void onStart(@Observes StartupEvent event, RunMode runMode, Instance<StartupMigration> startup) {
        if (runMode.serving()) {
            startup.get().start();
        }
    }

    static void onShutdown(@Observes ShutdownEvent event, RunMode runMode, Instance<StartupMigration> startup) {
        if (runMode.serving()) {
            startup.get().stopped = true;
        }
    }

    void start() {
        cache.startRefreshing(!config.atStart());
        if (!config.atStart()) {
            LOG.info("MIGRATE_AT_START=false: the schema is left as it is; readiness waits until it is current");
            moveTo(progress.in(Phase.DISABLED));
            return;
        }
        Thread thread = new Thread(this::run, "startup-migration");
        thread.setDaemon(true);
        thread.start();
    }

    public Progress progress() {
        return progress;
    }

    /** 0 unless the startup migration failed; the serve command exits with it. */
    public int exitCode() {
        return exitCode;
    }

    void run() {
        // Until the upgrade says it applied nothing, the cached state must be read again at the end.
        boolean changed = true;
        Instant began = Instant.now();
        try {
            moveTo(progress.in(Phase.WAITING_FOR_DATABASE));
            probe.awaitReachable(databaseConfig.waitTimeout());
            moveTo(progress.in(Phase.WAITING_FOR_LOCK));
            MigrationListener progressListener = new MigrationListener() {
                @Override
                public void starting(int index, int total, Migration migration) {
                    moveTo(new Progress(Phase.MIGRATING, index - 1, total, migration.label(), null));
                    LOG.infof("[%d/%d] %s …", index, total, migration.label());
                }

                @Override
                public void finished(int index, int total, AppliedMigration migration) {
                    moveTo(new Progress(Phase.MIGRATING, index, total, null, null));
                    LOG.info(migration.progressLine(index, total));
                }
            };
            UpgradeResult result = changes.upgrade(actors.startup(), null, progressListener);
            changed = !result.applied().isEmpty();
            moveTo(progress.in(Phase.COMPLETED));
            LOG.infof("Schema migrated from %s to %s: %d migration(s) in %d ms",
                    Objects.requireNonNullElse(result.fromVersion(), "none"), Objects.requireNonNullElse(result.toVersion(), "none"),
                    result.applied().size(), result.totalTimeMs());
        } catch (LockUnavailableException e) {
            // Design section 7: never exit for this; stay unready and serve once the schema is current.
            moveTo(progress.in(Phase.LOCK_TIMED_OUT));
            LOG.warnf("Startup migration skipped: %s (MIGRATION_LOCK_TIMEOUT %s); this instance becomes ready when the schema is current",
                    e.getMessage(), config.lockTimeout());
        } catch (SchemaDriftException e) {
            // Design section 7: drift never makes an instance exit; readiness says why it is not ready.
            progress = progress.in(Phase.DRIFT);
            LOG.warnf("Startup migration refused: %s; this instance stays unready until the schema is current", e.getMessage());
        } catch (DatabaseUnavailableException e) {
            fail(e.timedOut() ? EXIT_TIMEOUT : EXIT_ERROR, e.getMessage());
        } catch (RuntimeException e) {
            if (stopped) {
                LOG.info("Startup migration stopped by shutdown");
                return;
            }
            if (inFlight.shuttingDown()) {
                // Not a broken migration: shutdown stopped it, and InFlightMigration logs how it ended.
                moveTo(new Progress(Phase.FAILED, progress.done(), progress.total(), progress.current(), "stopped by shutdown"));
                LOG.infof("Startup migration stopped by shutdown: %s", e.getMessage());
                return;
            }
            fail(EXIT_ERROR, e.getMessage());
        } finally {
            // During shutdown the datasource is closing: there is no state left to serve. An upgrade
            // that found nothing to do without the lock handed the cache the state it read
            // (SchemaStateRead); one that found nothing left once it held the lock (another instance
            // migrated meanwhile) read nothing the cache has.
            if (!stopped && !inFlight.shuttingDown() && (changed || !cache.adoptedSince(began))) {
                cache.refresh();
            }
        }
    }

    private void moveTo(Progress next) {
        progress = next;
        activity.fire(new SchemaActivity("startup"));
    }

    private void fail(int code, String message) {
        exitCode = code;
        moveTo(new Progress(Phase.FAILED, progress.done(), progress.total(), progress.current(), message));
        LOG.errorf("Startup migration failed, exiting with %d: %s", code, message);
        Quarkus.asyncExit(code);
    }
}
