package com.example.service.migration.change;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import com.example.service.config.RunMode;
import com.example.service.migration.Migration;
import com.example.service.migration.SchemaChange;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The schema change this process is running now, and what becomes of it when the process is asked
 * to stop: its migration may finish within {@code quarkus.shutdown.timeout} (SHUTDOWN_TIMEOUT);
 * after that its statement is cancelled, so PostgreSQL rolls its transaction back. Either way the
 * log says which, and no further migration starts.
 */
@ApplicationScoped
public class InFlightMigration {

    private static final Logger LOG = Logger.getLogger(InFlightMigration.class);
    /** How long a cancelled migration gets to roll back and report it, re-cancelling meanwhile. */
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(10);
    private static final Duration CANCEL_EVERY = Duration.ofMillis(500);

    private final Duration finishWait;
    private final RunMode runMode;
    /** The change holding the migration lock in this process; null between changes. */
    private Run current;
    private Thread signalHook;
    private volatile boolean stopping;

    InFlightMigration(@ConfigProperty(name = "quarkus.shutdown.timeout") Optional<Duration> shutdownTimeout,
            RunMode runMode) {
        this.finishWait = shutdownTimeout.orElse(Duration.ZERO);
        this.runMode = runMode;
    }

    /**
     * True from the moment the process is asked to stop (SIGTERM): readiness goes down, no new
     * migration starts, and a migration that fails now was stopped, not broken.
     */
    public boolean shuttingDown() {
        return stopping;
    }

    /**
     * A serving instance must stop taking traffic at SIGTERM, but Quarkus fires its ShutdownEvent
     * only after HTTP requests have drained: a JVM hook of its own, beside Quarkus' one, flips the
     * flag at once. Command mode serves nothing, and its ShutdownEvent comes at once.
     */
    synchronized void onStart(@Observes StartupEvent event) {
        if (runMode.serving() && signalHook == null) {
            signalHook = new Thread(() -> stopping = true, "shutdown-signal");
            Runtime.getRuntime().addShutdownHook(signalHook);
        }
    }

    /**
     * A change has taken the migration lock.
     *
     * @throws IllegalStateException when the process is shutting down: nothing new starts then
     */
    synchronized Run begin() {
        if (stopping) {
            throw new IllegalStateException("the process is shutting down: no schema change starts now");
        }
        current = new Run();
        return current;
    }

    void onShutdown(@Observes ShutdownEvent event) {
        Run run;
        synchronized (this) {
            stopping = true;
            run = current;
            removeSignalHook();
        }
        Running migration = run == null ? null : run.running();
        if (migration == null) {
            return;
        }
        String label = migration.migration.label();
        LOG.infof("Shutting down: waiting up to %s (quarkus.shutdown.timeout) for migration %s to finish", finishWait, label);
        boolean ended = await(run.ended, finishWait) || cancel(migration.connection, run.ended);
        if (!ended) {
            LOG.warnf("Shutting down: migration %s still running after it was cancelled; exiting closes its connection,"
                    + " and PostgreSQL rolls back its open transaction", label);
        } else if (migration.committed) {
            LOG.infof("Shutting down: migration %s finished", label);
        } else {
            LOG.warnf("Shutting down: migration %s rolled back (cancelled); it is pending again", label);
        }
    }

    /** Outside a JVM shutdown (a test's Quarkus stopping), the hook must not outlive this application. */
    private void removeSignalHook() {
        if (signalHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(signalHook);
            } catch (IllegalStateException e) {
                // The JVM is exiting: the hook has run or is running.
            }
            signalHook = null;
        }
    }

    /** Cancels the running statement until the change has ended, at most {@link #CANCEL_WAIT}. */
    private static boolean cancel(Connection connection, CompletableFuture<Void> ended) {
        long deadline = System.nanoTime() + CANCEL_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                // A cancel that lands between two statements is ignored by the server: hence the loop.
                connection.unwrap(PGConnection.class).cancelQuery();
            } catch (SQLException e) {
                LOG.debug("cancelling the migration's statement failed", e);
            }
            if (await(ended, CANCEL_EVERY)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the change ended within {@code wait}. */
    private static boolean await(CompletableFuture<Void> ended, Duration wait) {
        try {
            ended.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One change, from taking the lock to its announcement: only its own {@link #end()} clears it,
     * so a change refused the lock can never make shutdown forget the one that holds it.
     */
    final class Run implements SchemaChange.Tracker {

        /** Completes once the change has released the lock and announced itself. */
        private final CompletableFuture<Void> ended = new CompletableFuture<>();
        /** Guarded by the {@link InFlightMigration}'s monitor. */
        private Running running;
        private boolean changed;

        @Override
        public void started(Migration migration, Connection connection) {
            synchronized (InFlightMigration.this) {
                if (running != null) {
                    running.committed = true;
                }
                changed = true;
                if (stopping) {
                    running = null;
                    throw new IllegalStateException("the process is shutting down: " + migration.label() + " was not started");
                }
                running = new Running(migration, connection);
            }
        }

        @Override
        public void committed() {
            synchronized (InFlightMigration.this) {
                if (running != null) {
                    running.committed = true;
                }
            }
        }

        @Override
        public void changed() {
            synchronized (InFlightMigration.this) {
                changed = true;
            }
        }

        /** Whether the change wrote anything (or may have: a migration that started). */
        boolean changedAnything() {
            synchronized (InFlightMigration.this) {
                return changed;
            }
        }

        private Running running() {
            synchronized (InFlightMigration.this) {
                return running;
            }
        }

        /** Last: a shutdown waiting for this change lets the process exit only once it has unwound. */
        void end() {
            synchronized (InFlightMigration.this) {
                if (current == this) {
                    current = null;
                }
            }
            ended.complete(null);
        }
    }

    /** Fields guarded by the {@link InFlightMigration}'s monitor, read by the shutdown once the change ended. */
    private static final class Running {

        private final Migration migration;
        private final Connection connection;
        private boolean committed;

        Running(Migration migration, Connection connection) {
            this.migration = migration;
            this.connection = connection;
        }
    }
}
