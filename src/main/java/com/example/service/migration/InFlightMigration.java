package com.example.service.migration;

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

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The migration this process is running now, and what becomes of it when the process is asked to
 * stop: it may finish within {@code quarkus.shutdown.timeout} (SHUTDOWN_TIMEOUT); after that its
 * statement is cancelled, so PostgreSQL rolls its transaction back. Either way the log says which,
 * and no further migration starts.
 */
@ApplicationScoped
public class InFlightMigration {

    private static final Logger LOG = Logger.getLogger(InFlightMigration.class);
    /** How long a cancelled migration gets to roll back and report it, re-cancelling meanwhile. */
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(10);
    private static final Duration CANCEL_EVERY = Duration.ofMillis(500);

    private final Duration finishWait;
    /** The migration running now, or the last one of the upgrade still unwinding; null between upgrades. */
    private Running running;
    /** Completes when the upgrade that ran {@link #running} has returned, its lock released. */
    private CompletableFuture<Void> upgrade;
    private volatile boolean stopping;

    InFlightMigration(@ConfigProperty(name = "quarkus.shutdown.timeout") Optional<Duration> shutdownTimeout) {
        this.finishWait = shutdownTimeout.orElse(Duration.ZERO);
    }

    /**
     * True from the moment the process is asked to stop (SIGTERM): readiness goes down, no new
     * migration starts, and a migration that fails now was stopped, not broken.
     */
    public boolean shuttingDown() {
        return stopping;
    }

    /**
     * Quarkus fires its ShutdownEvent only after HTTP requests have drained; a JVM shutdown hook of
     * our own runs at once, beside Quarkus' own, so that nothing new is taken on meanwhile.
     */
    void onStart(@Observes StartupEvent event) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopping = true, "shutdown-signal"));
    }

    /**
     * {@code migration} starts on {@code connection}; the one before it in this upgrade, if any, has
     * committed (Flyway commits each before it starts the next).
     *
     * @throws IllegalStateException when the process is shutting down: nothing new starts then
     */
    synchronized void started(Migration migration, Connection connection) {
        if (running != null) {
            running.committed = true;
            running = null;
        }
        if (stopping) {
            throw new IllegalStateException("the process is shutting down: " + migration.label() + " was not started");
        }
        if (upgrade == null) {
            upgrade = new CompletableFuture<>();
        }
        running = new Running(migration, connection);
    }

    /**
     * The upgrade has returned: its last migration committed ({@code lastCommitted}) or was rolled
     * back. A no-op for an upgrade that started no migration.
     */
    synchronized void ended(boolean lastCommitted) {
        if (running != null) {
            running.committed = lastCommitted;
            running = null;
        }
        if (upgrade != null) {
            upgrade.complete(null);
            upgrade = null;
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        Running current;
        CompletableFuture<Void> ending;
        synchronized (this) {
            stopping = true;
            current = running;
            ending = upgrade;
        }
        if (current == null) {
            return;
        }
        String label = current.migration.label();
        LOG.infof("Shutting down: waiting up to %s (quarkus.shutdown.timeout) for migration %s to finish", finishWait, label);
        boolean ended = await(ending, finishWait) || cancel(current.connection, ending);
        if (!ended) {
            LOG.warnf("Shutting down: migration %s still running after it was cancelled; exiting closes its connection,"
                    + " and PostgreSQL rolls back its open transaction", label);
        } else if (current.committed) {
            LOG.infof("Shutting down: migration %s finished", label);
        } else {
            LOG.warnf("Shutting down: migration %s rolled back (cancelled); it is pending again", label);
        }
    }

    /** Cancels the running statement until the upgrade has ended, at most {@link #CANCEL_WAIT}. */
    private static boolean cancel(Connection connection, CompletableFuture<Void> ending) {
        long deadline = System.nanoTime() + CANCEL_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                // A cancel that lands between two statements is ignored by the server: hence the loop.
                connection.unwrap(PGConnection.class).cancelQuery();
            } catch (SQLException e) {
                LOG.debug("cancelling the migration's statement failed", e);
            }
            if (await(ending, CANCEL_EVERY)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the upgrade ended within {@code wait}. */
    private static boolean await(CompletableFuture<Void> ending, Duration wait) {
        try {
            ending.get(wait.toMillis(), TimeUnit.MILLISECONDS);
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

    /** Fields guarded by the {@link InFlightMigration}'s monitor, read by the shutdown once the upgrade ended. */
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
