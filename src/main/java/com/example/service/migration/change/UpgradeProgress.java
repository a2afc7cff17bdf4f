package com.example.service.migration.change;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import com.example.service.migration.AppliedMigration;
import com.example.service.migration.Migration;
import com.example.service.migration.MigrationListener;
import com.example.service.migration.state.SchemaActivity;
import com.example.service.migration.state.UpgradeEnded;
import com.example.service.migration.state.UpgradeStarted;

/**
 * The change this process is running now, migration by migration, whichever entry point asked
 * (startup, REST, a command): status shows {@code MIGRATING} with k of N from its first migration,
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
    private final Event<UpgradeEnded> ended;
    /** Null between upgrades. */
    private volatile Step step;

    UpgradeProgress(Event<SchemaActivity> activity, Event<UpgradeStarted> started, Event<UpgradeEnded> ended) {
        this.activity = activity;
        this.started = started;
        this.ended = ended;
    }

    /** The running upgrade's step; empty when this process runs none. */
    public Optional<Step> current() {
        return Optional.ofNullable(step);
    }

    /**
     * {@code next}, with each migration's start and end also shown as this process's progress from
     * the first one on; {@link Tracking#end()} clears it only if this change began it, so a change
     * refused meanwhile never clears the running one's.
     */
    Tracking track(MigrationListener next) {
        return new Tracking(next);
    }

    /** One change's migrations, passed on to its listener and shown as this process's progress. */
    final class Tracking implements MigrationListener {

        private final MigrationListener next;
        private boolean begun;

        private Tracking(MigrationListener next) {
            this.next = next;
        }

        @Override
        public void starting(int index, int total, Migration migration) {
            if (!begun) {
                begun = true;
                move(new Step(0, total, null, Instant.now()));
                started.fireAsync(new UpgradeStarted());
            }
            move(new Step(index - 1, total, migration.label(), since()));
            next.starting(index, total, migration);
        }

        @Override
        public void finished(int index, int total, AppliedMigration migration) {
            move(new Step(index, total, null, since()));
            next.finished(index, total, migration);
        }

        /**
         * The change has returned (applied, failed or stopped) and released the lock. One that
         * {@code changed} the schema has been announced already, and the refresh that followed read
         * the holder; one that did not is followed by nothing else that would.
         */
        void end(boolean changed) {
            if (begun) {
                move(null);
            }
            if (!changed) {
                ended.fire(new UpgradeEnded());
            }
        }
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
