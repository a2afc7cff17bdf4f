package com.example.service.health;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import com.example.service.config.RunMode;
import com.example.service.migration.Migration;
import com.example.service.migration.MigrationConfig;
import com.example.service.migration.ReadinessMode;
import com.example.service.migration.change.InFlightMigration;
import com.example.service.migration.startup.StartupMigration;
import com.example.service.migration.state.Drift;
import com.example.service.migration.state.SchemaActivity;
import com.example.service.migration.state.SchemaState;
import com.example.service.migration.state.SchemaStateCache;
import com.example.service.migration.state.SchemaStatus;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Decides readiness from cached state only (no query, no Flyway), and keeps the verdict: probes and
 * the API gate read it, they never work it out. It is worked out again at each step of the startup
 * migration and each refresh of the schema state (the {@link SchemaActivity} events), and on a short
 * timer for what changes without an event: time (a stale refresh counts as an outage), the
 * application pool's answer, which lands a moment after the refresh, and the shutdown signal.
 */
@ApplicationScoped
public class ReadinessGate {

    private static final Logger LOG = Logger.getLogger(ReadinessGate.class);

    /** How late a change without an event (staleness, the pool's answer, SIGTERM) shows. */
    static final Duration REEVALUATE_EVERY = Duration.ofMillis(250);

    /**
     * How far past its period a refresh may run before the state counts as stale. A refresh takes
     * well under a second, and fails within the JDBC pool's 5 s wait when the database is down; one
     * that runs longer hangs on a connection the network froze (no reset), which TCP alone would
     * only give up on after about 15 minutes.
     */
    private static final Duration REFRESH_GRACE = Duration.ofSeconds(10);

    private final StartupMigration startup;
    private final SchemaStateCache cache;
    private final InFlightMigration shutdown;
    private final ApplicationPoolCheck applicationPool;
    private final ReadinessMode mode;
    private final Duration staleAfter;
    private final Vertx vertx;
    /** The verdict in force; replaced only when it or its data changes. */
    private volatile ReadinessVerdict current;
    /** How many times the verdict was worked out: neither probes nor API requests may add to it. */
    private final LongAdder evaluations = new LongAdder();
    /** The periodic re-evaluation; -1 (no timer, cancelling it does nothing) until the start. */
    private long timer = -1;

    ReadinessGate(StartupMigration startup, SchemaStateCache cache, MigrationConfig config, InFlightMigration shutdown,
            ApplicationPoolCheck applicationPool, Vertx vertx) {
        this.startup = startup;
        this.cache = cache;
        this.shutdown = shutdown;
        this.applicationPool = applicationPool;
        this.mode = config.readinessMode();
        this.staleAfter = config.stateRefresh().plus(REFRESH_GRACE);
        this.vertx = vertx;
    }

    /** The verdict in force: the same instance until the state changes. Never evaluates once known. */
    public ReadinessVerdict current() {
        ReadinessVerdict known = current;
        return known != null ? known : reevaluate();
    }

    /** Whether this instance takes traffic: a volatile read. */
    public boolean ready() {
        return current().ready();
    }

    /*
     * Static observers: only a serving instance creates the gate. A db command changes the schema
     * too, but has no readiness to work out, nor to log.
     */

    static void onActivity(@Observes SchemaActivity activity, RunMode runMode, Instance<ReadinessGate> gate) {
        if (runMode.serving()) {
            gate.get().reevaluate();
        }
    }

    static void onStart(@Observes StartupEvent event, RunMode runMode, Instance<ReadinessGate> gate) {
        if (runMode.serving()) {
            gate.get().startTimer();
        }
    }

    static void onShutdown(@Observes ShutdownEvent event, RunMode runMode, Instance<ReadinessGate> gate) {
        if (runMode.serving()) {
            gate.get().stopTimer();
        }
    }

    // Not private: gate.get() is the client proxy, which forwards only non-private methods.
    void startTimer() {
        timer = vertx.setPeriodic(REEVALUATE_EVERY.toMillis(), id -> reevaluate());
    }

    /** The shutdown signal shows at once, not up to one period later. */
    void stopTimer() {
        vertx.cancelTimer(timer);
        reevaluate();
    }

    long evaluations() {
        return evaluations.sum();
    }

    /** Works the verdict out and keeps it if it changed; logs each change of verdict once. */
    synchronized ReadinessVerdict reevaluate() {
        ReadinessVerdict now = evaluate();
        ReadinessVerdict before = current;
        if (now.equals(before)) {
            return before;
        }
        current = now;
        if (before == null || before.ready() != now.ready() || !before.reason().equals(now.reason())) {
            LOG.infof("Readiness %s", now.ready() ? "UP" : "DOWN: " + now.reason());
        }
        return now;
    }

    private ReadinessVerdict evaluate() {
        evaluations.increment();
        StartupMigration.Progress progress = startup.progress();
        SchemaStateCache.Snapshot snapshot = cache.current();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("mode", mode.name().toLowerCase());
        data.put("startup", progress.phase().name());
        snapshot.state().ifPresent(state -> {
            data.put("status", state.status().name());
            putIfNotNull(data, "currentVersion", state.currentVersion());
            putIfNotNull(data, "latestKnownVersion", state.latestKnownVersion());
            data.put("pending", state.pending().size());
        });
        if (snapshot.checkedAt() != null) {
            data.put("checkedAt", snapshot.checkedAt().toString());
        }

        String reason = notReadyReason(progress, snapshot);
        data.put("reason", reason == null ? "schema acceptable for this code" : reason);
        return new ReadinessVerdict(reason == null, (String) data.get("reason"), data);
    }

    private String notReadyReason(StartupMigration.Progress progress, SchemaStateCache.Snapshot snapshot) {
        if (shutdown.shuttingDown()) {
            // In-flight requests finish; new ones are refused so that the load balancer sends them elsewhere.
            return "shutting down";
        }
        if (!progress.phase().finished()) {
            return progress.phase() == StartupMigration.Phase.FAILED
                    ? "startup migration failed: " + progress.error()
                    : "startup migration not finished: " + progress.phase();
        }
        if (snapshot.checkedAt() != null) {
            Duration age = Duration.between(snapshot.checkedAt(), Instant.now());
            if (age.compareTo(staleAfter) > 0) {
                // The same words for the whole outage, so that the change of state is logged once.
                return "database not answering: the schema state was last read at " + snapshot.checkedAt();
            }
        }
        if (!snapshot.reachable()) {
            return snapshot.checkedAt() == null ? "schema state not read yet" : snapshot.problem();
        }
        SchemaState state = snapshot.state().orElseThrow();
        if (!state.failed().isEmpty()) {
            return "failed migration(s): " + labels(state.failed());
        }
        Drift drift = Drift.of(state.drift());
        if (drift.blocksUpgrade(mode, state.pending().size())) {
            return SchemaStatus.DRIFT + ": " + drift.explain(mode, state.pending().size());
        }
        if (!state.pending().isEmpty()) {
            return "pending migration(s): " + labels(state.pending());
        }
        if (!state.acceptableUnder(mode)) {
            return "strict mode: the schema has " + state.futureCount() + " migration(s) newer than this code";
        }
        // After the schema's verdict, which is known at once: the pool's first check lands a moment later.
        if (applicationPool.problem() != null) {
            return "the application's database connection (DB_USER) fails: " + applicationPool.problem();
        }
        return null;
    }

    private static String labels(List<Migration> migrations) {
        return migrations.stream().map(Migration::label).collect(Collectors.joining(", "));
    }

    private static void putIfNotNull(Map<String, Object> data, String key, Object value) {
        if (value != null) {
            data.put(key, value);
        }
    }
}
