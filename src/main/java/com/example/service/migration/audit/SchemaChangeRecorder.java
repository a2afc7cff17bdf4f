package com.example.service.migration.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.jboss.logging.Logger;

import com.example.service.migration.Actor;
import com.example.service.migration.AppliedMigration;
import com.example.service.migration.ChangeAction;
import com.example.service.migration.Migration;
import com.example.service.migration.MigrationFailedException;
import com.example.service.migration.MigrationListener;
import com.example.service.migration.history.SchemaHistory;

/**
 * The audit around every schema change, whichever entry point asked: one structured log line in the
 * {@value #CATEGORY} category and one row in the {@link AuditLog}, with who, when, from and to
 * version and the result; and the events that metrics count. Entry points wrap each change in
 * {@link #record}; the change itself knows nothing of it.
 */
@ApplicationScoped
public class SchemaChangeRecorder {

    /** The log category of the audit lines, so that they can be routed or kept apart. */
    public static final String CATEGORY = "com.example.service.audit";

    private static final Logger AUDIT = Logger.getLogger(CATEGORY);
    private static final Logger LOG = Logger.getLogger(SchemaChangeRecorder.class);

    private final AuditLog auditLog;
    private final SchemaHistory history;
    private final Event<MigrationExecuted> executed;
    private final Event<SchemaChangeRecorded> recorded;

    SchemaChangeRecorder(AuditLog auditLog, SchemaHistory history, Event<MigrationExecuted> executed,
            Event<SchemaChangeRecorded> recorded) {
        this.auditLog = auditLog;
        this.history = history;
        this.executed = executed;
        this.recorded = recorded;
    }

    /**
     * Runs {@code change}, handing it a listener that passes everything on to {@code listener}, and
     * audits how it ended; its failure is rethrown unchanged. An upgrade that found nothing to apply
     * changed nothing and is not audited: every replica's start would add a row otherwise.
     */
    public <T> T record(Actor actor, ChangeAction action, MigrationListener listener, Function<MigrationListener, T> change) {
        // The table keeps microseconds: the log line says the same instant.
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long start = System.nanoTime();
        Observer observer = new Observer(actor, action, listener);
        try {
            T result = change.apply(observer);
            if (!action.applies() || observer.ran > 0) {
                finish(observer, at, start, ChangeResult.SUCCESS, null);
            }
            return result;
        } catch (RuntimeException e) {
            if (e instanceof MigrationFailedException) {
                observer.failed();
            }
            finish(observer, at, start, ChangeResult.of(e), e.getMessage());
            throw e;
        }
    }

    private void finish(Observer observer, Instant at, long start, ChangeResult result, String error) {
        String to = currentVersion();
        AuditEntry entry = new AuditEntry(0, at, observer.actor.entryPoint().label(), observer.action.label(),
                observer.actor.name(), observer.actor.host(), observer.from(to), to, result.label(),
                observer.ran, Duration.ofNanos(System.nanoTime() - start).toMillis(), error);
        String line = AuditLine.of(entry);
        if (result == ChangeResult.SUCCESS) {
            AUDIT.info(line);
        } else {
            AUDIT.warn(line);
        }
        try {
            entry = auditLog.append(entry);
        } catch (RuntimeException e) {
            // The change happened (or failed) either way; the log line above still tells it.
            LOG.warnf("Audit row not written: %s", e.getMessage());
        }
        recorded.fire(new SchemaChangeRecorded(entry));
    }

    /** Null when the database does not answer: the change itself will say so. */
    private String currentVersion() {
        try {
            return history.currentVersion();
        } catch (RuntimeException e) {
            LOG.debugf("current version not read for the audit: %s", e.getMessage());
            return null;
        }
    }

    /** Passes progress on, counts and times each migration, and re-reads "from" under the lock. */
    private final class Observer implements MigrationListener {

        private final Actor actor;
        private final ChangeAction action;
        private final MigrationListener next;
        private String from;
        private boolean fromRead;
        private int ran;
        private Migration running;
        private long runningSince;

        /**
         * An upgrade reads "from" as its first migration starts, under the lock; one that ended before
         * any started changed nothing, so it went from where it ended, and reading it first would only
         * delay every replica's start. Other changes (a reset's clean, a baseline) change the schema
         * without a first migration: their "from" is read before they run.
         */
        Observer(Actor actor, ChangeAction action, MigrationListener next) {
            this.actor = actor;
            this.action = action;
            this.next = next;
            if (!action.applies()) {
                readFrom();
            }
        }

        private void readFrom() {
            from = currentVersion();
            fromRead = true;
        }

        String from(String to) {
            return fromRead ? from : to;
        }

        @Override
        public void starting(int index, int total, Migration migration) {
            // The first migration starts under the lock: the version read before may be stale if this
            // change waited for another one. A reset has cleaned by now; its "from" is the one before.
            if (index == 1 && action != ChangeAction.RESET) {
                readFrom();
            }
            running = migration;
            runningSince = System.nanoTime();
            next.starting(index, total, migration);
        }

        @Override
        public void finished(int index, int total, AppliedMigration migration) {
            ran++;
            running = null;
            SchemaChangeRecorder.this.executed.fire(new MigrationExecuted(actor.entryPoint(), action, migration.script(),
                    Duration.ofMillis(migration.executionTimeMs()), true));
            next.finished(index, total, migration);
        }

        void failed() {
            if (running != null) {
                ran++;
                SchemaChangeRecorder.this.executed.fire(new MigrationExecuted(actor.entryPoint(), action, running.script(),
                        Duration.ofNanos(System.nanoTime() - runningSince), false));
                running = null;
            }
        }
    }
}
