package com.example.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.service.testing.CommandResult;
import com.example.service.testing.LoginOnlyRole;
import com.example.service.testing.ServiceProcess;
import com.example.service.testing.TestDatabase;

/**
 * Issue 12, item 4: a SQL error is reported as what it is. A refused query names its SQL state
 * instead of "database not reachable"; a refused login (unknown database or role, wrong password)
 * fails within seconds instead of being retried for the whole wait.
 */
class DatabaseErrorsIT {

    /** Far longer than the test waits: a failure within it was not retried until the timeout. */
    private static final String LONG_WAIT = "120s";
    private static final Duration FAST = Duration.ofSeconds(45);

    @Test
    void aRefusedQueryNamesItsSqlStateInsteadOfAnOutage() {
        try (TestDatabase database = TestDatabase.create(); LoginOnlyRole role = LoginOnlyRole.create()) {
            Db db = Db.on(database);
            database.upgrade();

            CommandResult history = db.with("DB_USER", role.name()).with("DB_PASSWORD", role.password()).run("history");
            assertThat(history.exitCode()).as(history.toString()).isEqualTo(1);
            assertThat(history.stderr()).contains("SQL state 42501", "permission denied").doesNotContain("not reachable");
        }
    }

    @Test
    void anUnknownDatabaseOrRoleFailsAtOnceInsteadOfBeingWaitedFor() {
        try (TestDatabase database = TestDatabase.create()) {
            Db unknownDatabase = Db.on(database).with("DB_NAME", database.name() + "_missing");
            long start = System.nanoTime();
            CommandResult wait = unknownDatabase.run("wait", "--timeout", LONG_WAIT);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as(wait.toString()).isLessThan(FAST);
            assertThat(wait.exitCode()).as(wait.toString()).isEqualTo(1);
            assertThat(wait.stderr()).contains("refused the login", "SQL state 3D000", "does not exist");

            Map<String, String> env = ServiceProcess.environment(database.name());
            env.put("DB_USER", "es_no_such_role");
            env.put("DB_WAIT_TIMEOUT", LONG_WAIT);
            try (ServiceProcess service = ServiceProcess.start(env)) {
                assertThat(service.awaitExit(FAST)).as(service.output()).isEqualTo(1);
                assertThat(service.output()).contains("refused the login", "SQL state 28", "es_no_such_role")
                        .doesNotContain("Database not reachable (attempt 2");
            }
        }
    }
}
