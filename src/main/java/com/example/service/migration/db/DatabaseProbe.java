package com.example.service.migration.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.example.service.database.DatabaseUnavailableException;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;

/** Answers whether the database answers, once or within a bounded wait. */
@ApplicationScoped
public class DatabaseProbe {

    private static final Logger LOG = Logger.getLogger(DatabaseProbe.class);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(1);

    private final AgroalDataSource dataSource;

    DatabaseProbe(@DataSource(MigrationDataSource.NAME) AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One attempt: connects and runs a trivial query. */
    public void ping() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    /**
     * Opens a connection on a thread of its own and hands it to the pool, where the first query of
     * this process finds it: a command's first query would otherwise wait for the driver's first
     * connection (its classes, TCP, authentication) after Quarkus and picocli have started, when the
     * two can overlap. A failure is left for that first query to report.
     */
    public void warmUp() {
        Thread thread = new Thread(() -> {
            try (Connection connection = dataSource.getConnection()) {
                LOG.debugf("Connection warmed up: %s", connection.getMetaData().getURL());
            } catch (SQLException | RuntimeException e) {
                LOG.debugf("Connection warm-up failed: %s", e.getMessage());
            }
        }, "connection-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** {@link #awaitReachable(Duration, String)} for startup, whose wait is DB_WAIT_TIMEOUT. */
    public void awaitReachable(Duration timeout) {
        awaitReachable(timeout, "DB_WAIT_TIMEOUT");
    }

    /**
     * Retries {@link #ping()} until it succeeds or {@code timeout} runs out, logging each failed
     * attempt so that an operator sees why a pod is not starting. Only an unreachable database is
     * waited for: a refused login (wrong password, unknown role or database) fails at once with
     * {@link DatabaseErrorException}, since no wait fixes it.
     *
     * @param timeoutSetting where the timeout came from, named in the error so the operator knows what to raise
     */
    public void awaitReachable(Duration timeout, String timeoutSetting) {
        Deadline deadline = Deadline.after(timeout);
        for (int attempt = 1;; attempt++) {
            try {
                ping();
                if (attempt > 1) {
                    LOG.infof("Database reachable after %d attempts", attempt);
                }
                return;
            } catch (DatabaseUnavailableException e) {
                if (deadline.passed()) {
                    throw new DatabaseUnavailableException("database still not reachable after " + timeout.toSeconds()
                            + " s (" + timeoutSetting + "): " + e.getCause().getMessage(), e.getCause(), true);
                }
                LOG.warnf("Database not reachable (attempt %d, %d s of %d s): %s", attempt,
                        deadline.elapsed().toSeconds(), timeout.toSeconds(), e.getCause().getMessage());
                deadline.pause(RETRY_EVERY,
                        () -> new DatabaseUnavailableException("interrupted while waiting for the database", null, true));
            }
        }
    }
}
