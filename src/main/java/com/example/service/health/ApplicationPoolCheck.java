package com.example.service.health;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import com.example.service.config.DatabaseConfig;
import com.example.service.config.RunMode;
import com.example.service.migration.state.SchemaStateCache;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.TimeoutException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgException;

/**
 * Whether the application's own pool (the reactive client, as DB_USER) answers: one {@code SELECT 1}
 * at every schema state refresh, never per probe. The schema state is read as MIGRATION_DB_USER, so
 * without this an instance whose application role cannot log in would be ready while every item
 * request fails.
 */
@ApplicationScoped
public class ApplicationPoolCheck {

    private static final Logger LOG = Logger.getLogger(ApplicationPoolCheck.class);
    private static final String NOT_CHECKED = "not checked yet";

    private final Pool pool;
    private final Duration timeout;
    private final RunMode runMode;
    /** At most one check in flight: a pool that hangs must not pile checks up. */
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile String problem = NOT_CHECKED;
    /** From shutdown on, the pool closes: its failures then say nothing about the deployment. */
    private volatile boolean stopping;

    ApplicationPoolCheck(Pool pool, DatabaseConfig config, RunMode runMode) {
        this.pool = pool;
        this.timeout = config.queryTimeout();
        this.runMode = runMode;
    }

    /** Why the application's pool could not serve at the last check; null when it answered. */
    public String problem() {
        return problem;
    }

    /**
     * At start as well, beside the startup migration rather than after its first refresh: the first
     * connection of a cold pool takes a good part of a second, which readiness would wait for.
     */
    static void onStart(@Observes StartupEvent event, RunMode runMode, Instance<ApplicationPoolCheck> check) {
        if (runMode.serving()) {
            check.get().check();
        }
    }

    void onRefresh(@Observes SchemaStateCache.Snapshot refreshed) {
        check();
    }

    /** Asynchronous: the caller does not wait for the answer, and the next probe reads it. */
    void check() {
        if (!runMode.serving() || stopping || !checking.compareAndSet(false, true)) {
            return;
        }
        pool.query("SELECT 1").execute()
                .ifNoItem().after(timeout).fail()
                .subscribe().with(rows -> settle(null), failure -> settle(describe(failure)));
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private void settle(String now) {
        checking.set(false);
        if (stopping) {
            return;
        }
        String before = problem;
        problem = now;
        if (Objects.equals(before, now)) {
            return;
        }
        if (now != null) {
            LOG.warnf("The application's database connection (DB_USER) fails: %s", now);
        } else if (!NOT_CHECKED.equals(before)) {
            LOG.info("The application's database connection (DB_USER) answers again");
        }
    }

    private String describe(Throwable failure) {
        if (failure instanceof PgException pg) {
            return pg.getErrorMessage() + " (SQL state " + pg.getSqlState() + ")";
        }
        if (failure instanceof TimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms (DB_QUERY_TIMEOUT)";
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
