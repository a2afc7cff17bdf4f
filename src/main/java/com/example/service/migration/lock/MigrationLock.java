package com.example.service.migration.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.jboss.logging.Logger;

import com.example.service.database.DatabaseUnavailableException;
import com.example.service.migration.db.Deadline;
import com.example.service.migration.db.MigrationDataSource;
import com.example.service.migration.db.SqlErrors;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;

/**
 * The one PostgreSQL advisory lock around every schema change, from every entry point. It is a
 * session lock on a connection of its own that is idle while held, and waiting polls with
 * {@code pg_try_advisory_lock} outside any transaction: neither side keeps a transaction open, so
 * a {@code CREATE INDEX CONCURRENTLY} migration never waits on a waiter.
 */
@ApplicationScoped
public class MigrationLock {

    /** Two-int form of the key, so pg_locks shows it as classid/objid with objsubid 2. */
    public static final int KEY_SPACE = 0x45534d47;
    public static final int KEY = 1;

    private static final Logger LOG = Logger.getLogger(MigrationLock.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

    private static final String HOLDER_SQL = """
            SELECT a.pid, a.application_name, host(a.client_addr) AS client, a.query_start
              FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
             WHERE l.locktype = 'advisory' AND l.granted
               AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
               AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 2
            """;

    private final AgroalDataSource dataSource;
    private final Event<LockWaited> waited;

    MigrationLock(@DataSource(MigrationDataSource.NAME) AgroalDataSource dataSource, Event<LockWaited> waited) {
        this.dataSource = dataSource;
        this.waited = waited;
    }

    /** Takes the lock if it is free; never waits. */
    public Optional<Held> tryAcquire() {
        Connection connection = open();
        try {
            if (tryLock(connection)) {
                return Optional.of(new Held(connection));
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw SqlErrors.translate(e);
        }
    }

    /** Takes the lock, waiting at most {@code timeout}; {@link Duration#ZERO} tries once. */
    public Held acquire(Duration timeout) {
        Deadline deadline = Deadline.after(timeout);
        Duration nextReport = REPORT_EVERY;
        boolean contended = false;
        while (true) {
            Optional<Held> held = tryAcquire();
            if (held.isPresent()) {
                if (contended) {
                    waited.fire(new LockWaited(deadline.elapsed(), LockWaited.Outcome.ACQUIRED));
                }
                return held.get();
            }
            contended = true;
            Optional<LockHolder> holder = holder();
            if (deadline.passed()) {
                waited.fire(new LockWaited(deadline.elapsed(),
                        timeout.isZero() ? LockWaited.Outcome.BUSY : LockWaited.Outcome.TIMED_OUT));
                throw new LockUnavailableException(holder, !timeout.isZero());
            }
            if (deadline.elapsed().compareTo(nextReport) >= 0) {
                LOG.infof("Waiting for the migration lock held by %s (timeout %s)",
                        holder.map(LockHolder::describe).orElse("another session"), timeout);
                nextReport = deadline.elapsed().plus(REPORT_EVERY);
            }
            deadline.pause(POLL, () -> new LockUnavailableException(holder, true));
        }
    }

    /** Who holds the lock now, if anyone. */
    public Optional<LockHolder> holder() {
        try (Connection connection = open(); PreparedStatement statement = connection.prepareStatement(HOLDER_SQL)) {
            statement.setLong(1, KEY_SPACE);
            statement.setLong(2, KEY);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                var since = rs.getTimestamp("query_start");
                return Optional.of(new LockHolder(rs.getInt("pid"), rs.getString("application_name"),
                        rs.getString("client"), since == null ? null : since.toInstant()));
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            statement.setInt(1, KEY_SPACE);
            statement.setInt(2, KEY);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private Connection open() {
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            return connection;
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }


    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing a lock connection failed", e);
        }
    }

    /** The held lock; closing releases it. */
    public static final class Held implements AutoCloseable {

        private final Connection connection;

        private Held(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
                statement.setInt(1, KEY_SPACE);
                statement.setInt(2, KEY);
                statement.execute();
            } catch (SQLException e) {
                // The session ends below, and PostgreSQL releases a session lock with it.
                LOG.warn("releasing the migration lock failed; closing its session instead: " + e.getMessage());
            } finally {
                closeQuietly(connection);
            }
        }
    }
}
