package com.example.service.migration;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

/**
 * The upgrade this process is running now, step by step, whichever entry point asked (startup,
 * REST, a command): status shows {@code MIGRATING} with k of N from the moment the lock is taken,
 * not only once a refresh of the cached state sees the lock held.
 */
@ApplicationScoped
public class UpgradeProgress {

    /**
     * Where the upgrade is.
     *
     * @param done    migrations applied so far
     * @param total   migrations this upgrade applies
     * @param current the migration running now; null between two
     * @param since   when the upgrade took the migration lock
     */
    public record Step(int done, int total, String current, Instant since) {
    }

    private final Event<SchemaActivity> activity;
    private final Event<UpgradeStarted> started;
    /** Null between upgrades. */
    private volatile Step step;

    UpgradeProgress(Event<SchemaActivity> activity, Event<UpgradeStarted> started) {
        this.activity = activity;
        this.started = started;
    }

    /** The running upgrade's step; empty when this process runs none. */
    public Optional<Step> current() {
        return Optional.ofNullable(step);
    }

    /** The upgrade holds the lock and will apply {@code total} migrations. */
    void begin(int total) {
        move(new Step(0, total, null, Instant.now()));
        started.fireAsync(new UpgradeStarted());
    }

    /** Migration {@code index} of {@code total} (1-based) starts. */
    void starting(int index, int total, Migration migration) {
        move(new Step(index - 1, total, migration.label(), since()));
    }

    /** Migration {@code index} of {@code total} committed. */
    void finished(int index, int total) {
        move(new Step(index, total, null, since()));
    }

    /** The upgrade that began has returned (applied, failed or stopped) and released the lock. */
    void end() {
        move(null);
    }

    private Instant since() {
        Step now = step;
        return now == null ? Instant.now() : now.since();
    }

    private void move(Step next) {
        step = next;
        activity.fire(new SchemaActivity("upgrade"));
    }
}
