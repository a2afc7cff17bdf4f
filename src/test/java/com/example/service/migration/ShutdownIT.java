package com.example.service.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import com.example.service.testing.MigrationFolder;
import com.example.service.testing.ServiceProcess;
import com.example.service.testing.TestDatabase;

/** SIGTERM to the packaged service: in-flight work finishes or is rolled back, never left half done. */
@Isolated // alone (pom.xml): SIGTERM must land while a given migration statement runs
class ShutdownIT {

    private static final Duration START = Duration.ofSeconds(60);
    /** What a process killed by SIGTERM exits with once its shutdown hooks ran (128 + 15). */
    private static final int TERMINATED = 143;

    @Test
    void aMigrationStillRunningAfterTheShutdownTimeoutIsRolledBack_atStartAndInCommandMode() {
        for (String[] args : new String[][] { {}, { "db", "upgrade" } }) {
            try (TestDatabase db = TestDatabase.create(); MigrationFolder extra = halfMigration()) {
                try (ServiceProcess service = ServiceProcess.start(shutdownIn2s(db, extra), args)) {
                    awaitRunning(db, service, "pg_sleep(20)");
                    service.terminate();
                    assertThat(service.awaitExit(Duration.ofSeconds(15))).as(String.join(" ", args)).isEqualTo(TERMINATED);
                    assertThat(service.output()).contains("Shutting down: migration V4__half rolled back");
                }
                assertNothingOfTheHalfMigrationLeft(db);
            }
        }
    }

    /**
     * Issue 12, item 3: an upgrade refused the lock while the startup migration runs must not end
     * that migration's record, or SIGTERM would neither wait for it nor cancel it.
     */
    @Test
    void anUpgradeRefusedWhileTheStartupMigrationRunsLeavesShutdownToRollItBack() {
        try (TestDatabase db = TestDatabase.create(); MigrationFolder extra = halfMigration()) {
            Map<String, String> env = shutdownIn2s(db, extra);
            env.put("ADMIN_USER", "ops");
            env.put("ADMIN_PASSWORD", "ops-Pa55");
            try (ServiceProcess service = ServiceProcess.start(env)) {
                awaitRunning(db, service, "pg_sleep(20)");
                HttpResponse<String> refused = service.send("POST", "/admin/db/upgrade", "ops", "ops-Pa55");
                assertThat(refused).as("POST /admin/db/upgrade answered").isNotNull();
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
                service.terminate();
                assertThat(service.awaitExit(Duration.ofSeconds(15))).isEqualTo(TERMINATED);
                assertThat(service.output())
                        .contains("Shutting down: waiting up to PT2S (quarkus.shutdown.timeout) for migration V4__half to finish")
                        .contains("Shutting down: migration V4__half rolled back");
            }
            assertNothingOfTheHalfMigrationLeft(db);
        }
    }

    @Test
    void aStartupMigrationThatEndsWithinTheShutdownTimeoutFinishes() {
        try (TestDatabase db = TestDatabase.create();
                MigrationFolder extra = MigrationFolder.create()
                        .with("V4__whole.sql", "CREATE TABLE whole (id int);\nSELECT pg_sleep(3);\n")
                        .with("V5__never_started.sql", "CREATE TABLE never_started (id int);\n")) {
            Map<String, String> env = ServiceProcess.environment(db.name());
            env.put("MIGRATION_LOCATIONS", extra.afterShipped());
            env.put("SHUTDOWN_TIMEOUT", "20s");
            try (ServiceProcess service = ServiceProcess.start(env)) {
                awaitRunning(db, service, "pg_sleep(3)");
                service.terminate();
                assertThat(service.awaitExit(Duration.ofSeconds(25))).isEqualTo(TERMINATED);
                assertThat(service.output()).contains("Shutting down: migration V4__whole finished");
            }
            assertThat(db.appliedVersions()).as("V5 does not start once shutdown began").containsExactly("1", "2", "3", "4");
            assertThat(db.single("SELECT (to_regclass('whole') IS NOT NULL)::text")).isEqualTo("true");
            assertThat(db.single("SELECT (to_regclass('never_started') IS NULL)::text")).isEqualTo("true");
        }
    }

    @Test
    void anInFlightRequestCompletesWhileNewOnesAreRefused() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            Map<String, String> env = ServiceProcess.environment(db.name());
            env.put("DB_QUERY_TIMEOUT", "30s");
            try (ServiceProcess service = ServiceProcess.start(env)) {
                service.awaitStatus("/q/health/ready", 200, START);
                CompletableFuture<HttpResponse<String>> inFlight;
                try (Connection blocker = db.connect()) {
                    blocker.setAutoCommit(false);
                    lockItemTable(blocker);
                    // The request waits on the table lock: it is in flight when SIGTERM arrives.
                    inFlight = HttpClient.newHttpClient().sendAsync(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + "/api/items"))
                                    .timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    awaitActivity(db, service, "the request waiting on the table lock", "wait_event_type = 'Lock'");
                    service.terminate();
                    service.awaitStatus("/q/health/ready", 503, START);
                    assertThat(service.isAlive()).as("waiting for the request in flight").isTrue();
                    assertThat(service.status("/api/items")).as("a new request").isEqualTo(503);
                    assertThat(service.status("/q/health/ready")).isEqualTo(503);
                    assertThat(inFlight).isNotDone();
                    blocker.commit();
                }
                HttpResponse<String> response = inFlight.get();
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).contains("\"items\"");
                assertThat(service.awaitExit(Duration.ofSeconds(25))).isEqualTo(TERMINATED);
            }
        }
    }

    /** V4 creates a table, then sleeps 20 s: far past a 2 s shutdown timeout. */
    private static MigrationFolder halfMigration() {
        return MigrationFolder.create().with("V4__half.sql", "CREATE TABLE half (id int);\nSELECT pg_sleep(20);\n");
    }

    private static Map<String, String> shutdownIn2s(TestDatabase db, MigrationFolder extra) {
        Map<String, String> env = ServiceProcess.environment(db.name());
        env.put("MIGRATION_LOCATIONS", extra.afterShipped());
        env.put("SHUTDOWN_TIMEOUT", "2s");
        return env;
    }

    /** V4 rolled back whole: no history row, no table. */
    private static void assertNothingOfTheHalfMigrationLeft(TestDatabase db) {
        assertThat(db.appliedVersions()).containsExactly("1", "2", "3");
        assertThat(db.single("SELECT count(*)::text FROM flyway_schema_history WHERE version = '4'")).isEqualTo("0");
        assertThat(db.single("SELECT (to_regclass('half') IS NULL)::text")).isEqualTo("true");
    }

    /** Waits until the migration's {@code statement} runs on the server: the migration is in flight. */
    private static void awaitRunning(TestDatabase db, ServiceProcess service, String statement) {
        awaitActivity(db, service, statement, "query LIKE ?", "%" + statement + "%");
    }

    /** Waits until another session on the test's database meets {@code condition} (on pg_stat_activity). */
    private static void awaitActivity(TestDatabase db, ServiceProcess service, String what, String condition, Object... params) {
        long deadline = System.nanoTime() + START.toNanos();
        while (!db.single("SELECT (count(*) > 0)::text FROM pg_stat_activity WHERE datname = current_database()"
                + " AND pid <> pg_backend_pid() AND " + condition, params).equals("true")) {
            if (System.nanoTime() > deadline || !service.isAlive()) {
                throw new AssertionError(what + " did not start; output:\n" + service.output());
            }
            ServiceProcess.sleep(100);
        }
    }

    private static void lockItemTable(Connection blocker) throws SQLException {
        try (Statement s = blocker.createStatement()) {
            s.execute("LOCK TABLE item IN ACCESS EXCLUSIVE MODE");
        }
    }
}
