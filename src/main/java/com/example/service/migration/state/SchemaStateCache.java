package com.example.service.migration.state;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;

import org.jboss.logging.Logger;

import com.example.service.migration.MigrationConfig;
import com.example.service.migration.history.HistoryFingerprint;
import com.example.service.migration.history.SchemaHistory;
import com.example.service.migration.lock.LockHolder;
import com.example.service.migration.lock.MigrationLock;

/**
 * The schema state that probes and status reads use, so that none of them runs Flyway or a query.
 * Re-read every SCHEMA_STATE_REFRESH (a cheap fingerprint query; the full Flyway read only when the
 * history or the lock changed) and at once after every change this process makes; each refresh's
 * {@link Snapshot} is fired as an event for checks that share its cadence.
 */
@ApplicationScoped
public class SchemaStateCache {

    /**
     * The last refresh's outcome.
     *
     * @param state     the last state read successfully, if any
     * @param reachable whether the database answered at the last refresh
     * @param problem   why it did not, when it did not
     * @param checkedAt when the last refresh ran; null before the first
     */
    public record Snapshot(Optional<SchemaState> state, boolean reachable, String problem, Instant checkedAt) {

        static final Snapshot NONE = new Snapshot(Optional.empty(), false, "not checked yet", null);
    }

    private static final Logger LOG = Logger.getLogger(SchemaStateCache.class);

    private final SchemaInspector inspector;
    private final MigrationLock lock;
    private final SchemaHistory history;
    private final MigrationConfig config;
    private final Event<SchemaActivity> activity;
    private final Event<Snapshot> refreshed;
    private volatile Snapshot snapshot = Snapshot.NONE;
    private HistoryFingerprint fingerprint;
    /** When the snapshot was last taken from an upgrade's own read ({@link SchemaStateRead}). */
    private volatile Instant adoptedAt;
    private ScheduledExecutorService refresher;

    SchemaStateCache(SchemaInspector inspector, MigrationLock lock, SchemaHistory history, MigrationConfig config,
            Event<SchemaActivity> activity, Event<Snapshot> refreshed) {
        this.inspector = inspector;
        this.lock = lock;
        this.history = history;
        this.config = config;
        this.activity = activity;
        this.refreshed = refreshed;
    }

    /** The last refresh's outcome; never blocks. */
    public Snapshot current() {
        return snapshot;
    }

    /** Re-reads the state now (blocking: call it from a worker thread). */
    public synchronized Snapshot refresh() {
        Snapshot previous = snapshot;
        try {
            // The lock (and who blocks the contract phase) is read on every refresh and laid over the
            // state: a view kept in the fingerprint could pair a holder that came or went mid-read
            // with a stale state.
            Optional<LockHolder> holder = lock.holder();
            HistoryFingerprint now = history.fingerprint();
            SchemaState state;
            if (now.equals(fingerprint) && previous.state().isPresent()) {
                SchemaState known = previous.state().get();
                state = known.withSessions(holder, inspector.contractBlockers(known.pendingContract()));
            } else {
                state = inspector.read();
            }
            fingerprint = now;
            snapshot = new Snapshot(Optional.of(state), true, null, Instant.now());
            if (!previous.reachable() && previous.checkedAt() != null) {
                LOG.info("Database reachable again");
            }
        } catch (RuntimeException e) {
            snapshot = new Snapshot(previous.state(), false, e.getMessage(), Instant.now());
            if (previous.reachable() || previous.checkedAt() == null) {
                LOG.warnf("Schema state could not be read: %s", e.getMessage());
            }
        }
        return announce();
    }

    /**
     * A serving instance's upgrade found nothing to do and read the whole state to say so (its
     * startup migration, typically): that read is as fresh as a refresh, so it is kept instead of
     * being made again. Without a history fingerprint, the next refresh reads everything anew.
     */
    synchronized void onStateRead(@Observes SchemaStateRead read) {
        if (refresher == null) {
            return;
        }
        fingerprint = null;
        adoptedAt = Instant.now();
        snapshot = new Snapshot(Optional.of(read.state()), true, null, adoptedAt);
        announce();
    }

    /** Whether an upgrade's own read became the snapshot at or after {@code since}. */
    public boolean adoptedSince(Instant since) {
        Instant adopted = adoptedAt;
        return adopted != null && !adopted.isBefore(since);
    }

    private Snapshot announce() {
        // Checks that belong to the same cadence (the application's own pool) ride on it.
        refreshed.fire(snapshot);
        activity.fire(new SchemaActivity("refresh"));
        return snapshot;
    }

    synchronized void onSchemaChanged(@Observes SchemaChanged event) {
        fingerprint = null;
        // Command mode reads on demand and exits: a full re-read there would only slow every command down.
        if (refresher != null) {
            refresh();
        }
    }

    /** This process took the migration lock: the state shows it as the holder now, not at the next refresh. */
    synchronized void onUpgradeStarted(@ObservesAsync UpgradeStarted event) {
        rereadLockHolder();
    }

    /**
     * This process released the lock: the state stops naming it now. Without this, a change that
     * failed and changed nothing (so no refresh follows) left the holder read while it held the lock
     * (by its first migration's start, or by a periodic refresh) in the state until the next refresh.
     */
    synchronized void onUpgradeEnded(@Observes UpgradeEnded event) {
        rereadLockHolder();
    }

    private void rereadLockHolder() {
        Snapshot previous = snapshot;
        if (refresher == null || previous.state().isEmpty()) {
            return;
        }
        // One query, not a full re-read: the history moves with every migration, and the change
        // announces itself when it ends.
        try {
            SchemaState known = previous.state().get();
            snapshot = new Snapshot(Optional.of(known.withSessions(lock.holder(), known.contractBlockers())),
                    previous.reachable(), previous.problem(), previous.checkedAt());
            activity.fire(new SchemaActivity("lock"));
        } catch (RuntimeException e) {
            LOG.debugf("lock holder not read: %s", e.getMessage());
        }
    }

    /**
     * Starts the periodic refresh; serving instances only, command mode reads on demand. With
     * {@code readNow} false the first read waits one period: a startup migration reads the state
     * itself and refreshes when it ends, and the same first, slowest read of a cold JVM twice at
     * once only delays readiness.
     */
    public synchronized void startRefreshing(boolean readNow) {
        if (refresher != null) {
            return;
        }
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "schema-state-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long period = config.stateRefresh().toMillis();
        refresher.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (Throwable t) {
                // A scheduled task that throws is never run again: readiness and status would
                // freeze on their last answer for the life of the process.
                LOG.error("Schema state refresh failed; retrying at the next period", t);
            }
        }, readNow ? 0 : period, period, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    synchronized void stop() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }
}
