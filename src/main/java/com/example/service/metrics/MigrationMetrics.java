package com.example.service.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import com.example.service.config.RunMode;
import com.example.service.migration.audit.MigrationExecuted;
import com.example.service.migration.audit.SchemaChangeRecorded;
import com.example.service.migration.lock.LockWaited;
import com.example.service.migration.state.SchemaState;
import com.example.service.migration.state.SchemaStateCache;
import com.example.service.migration.state.SchemaStatus;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;

/**
 * Schema migration metrics for Prometheus ({@code /q/metrics}), from the events migration/ fires and
 * its cached state: the gauges read the cache, so a scrape never queries the database. Migrations are
 * not tagged by version: every release would add series that never go away.
 */
@Singleton
public class MigrationMetrics {

    private final MeterRegistry registry;
    private final List<Meter> gauges = new ArrayList<>();

    MigrationMetrics(MeterRegistry registry, SchemaStateCache cache) {
        this.registry = registry;
        gauges.add(Gauge.builder("schema.migrations.pending", cache, c -> state(c).map(s -> (double) s.pending().size()).orElse(Double.NaN))
                .description("Migrations of this code not yet applied, at the last schema state refresh; NaN while unknown")
                .strongReference(true)
                .register(registry));
        for (SchemaStatus status : SchemaStatus.values()) {
            gauges.add(Gauge.builder("schema.state", cache, c -> status(c) == status ? 1 : 0)
                    .description("1 for the schema's current state (as GET /admin/db/status names it), 0 for the others")
                    .tag("state", status.name())
                    .strongReference(true)
                    .register(registry));
        }
    }

    /**
     * A serving instance has its gauges from the start; a db command, never scraped, does not create
     * them at start. A singleton, so that {@code get()} creates it (a client proxy would not).
     */
    static void onStart(@Observes StartupEvent event, RunMode runMode, Instance<MigrationMetrics> metrics) {
        if (runMode.serving()) {
            metrics.get();
        }
    }

    /**
     * The gauges read this application's cache: a registry that outlives it (tests restart the
     * application in one JVM) would otherwise keep reading a stopped one, and ignore the next
     * application's gauges of the same name.
     */
    @PreDestroy
    void removeGauges() {
        gauges.forEach(registry::remove);
    }

    void onMigration(@Observes MigrationExecuted event) {
        String outcome = event.success() ? "success" : "failure";
        Counter.builder("schema.migrations")
                .description("Migrations run (applied, or undone by a downgrade), by outcome and entry point")
                .tags("outcome", outcome, "entry_point", event.entryPoint().label(), "action", event.action().label())
                .register(registry)
                .increment();
        Timer.builder("schema.migration.duration")
                .description("Time each migration ran, by outcome and entry point")
                .tags("outcome", outcome, "entry_point", event.entryPoint().label(), "action", event.action().label())
                .register(registry)
                .record(event.duration());
    }

    void onChange(@Observes SchemaChangeRecorded event) {
        Counter.builder("schema.changes")
                .description("Audited schema changes (upgrade, downgrade, reset, repair, baseline), by result and entry point")
                .tags("result", event.entry().result(), "entry_point", event.entry().entryPoint(), "action", event.entry().action())
                .register(registry)
                .increment();
    }

    void onLockWait(@Observes LockWaited event) {
        Timer.builder("schema.migration.lock.wait")
                .description("Waits for the migration lock held by another session: acquired, timed_out, or busy "
                        + "(refused at once, the admin API does not wait)")
                .tag("outcome", event.outcome().label())
                .register(registry)
                .record(event.waited());
    }

    private static Optional<SchemaState> state(SchemaStateCache cache) {
        SchemaStateCache.Snapshot snapshot = cache.current();
        return snapshot.reachable() ? snapshot.state() : Optional.empty();
    }

    private static SchemaStatus status(SchemaStateCache cache) {
        return state(cache).map(SchemaState::status).orElse(SchemaStatus.UNKNOWN);
    }
}
