package com.example.service.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.service.testing.MigrationFolder;
import com.example.service.testing.ServiceProcess;
import com.example.service.testing.TestDatabase;

/** The packaged jar as operators run it: exit codes and log lines of the startup migration. */
class StartupProcessIT {

    private static final Duration START = Duration.ofSeconds(60);

    @Test
    void servesWithAndWithoutTheServeCommand() {
        for (List<String> command : List.of(ServiceProcess.jarCommand(), ServiceProcess.launcherCommand("serve"))) {
            try (TestDatabase db = TestDatabase.create();
                    ServiceProcess service = ServiceProcess.startCommand(ServiceProcess.environment(db.name()), command)) {
                service.awaitStatus("/q/health/ready", 200, START);
                assertThat(db.appliedVersions()).containsExactly("1", "2", "3");
                assertThat(service.status("/api/items")).isEqualTo(200);
            }
        }
    }

    @Test
    void migrateAtStartFalseDoesNotCreateTheHistoryTable() {
        try (TestDatabase db = TestDatabase.create()) {
            Map<String, String> env = ServiceProcess.environment(db.name());
            env.put("MIGRATE_AT_START", "false");
            try (ServiceProcess service = ServiceProcess.start(env)) {
                service.awaitStatus("/q/health/started", 200, START);
                assertThat(service.status("/q/health/ready")).isEqualTo(503);
                assertThat(db.historyTableExists()).isFalse();
            }
        }
    }

    @Test
    void unreachableDatabaseExitsWith5AfterTheWaitTimeoutWithoutLeakingThePassword() {
        Map<String, String> env = ServiceProcess.environment("nowhere");
        env.put("DB_PORT", String.valueOf(ServiceProcess.freePort()));
        env.put("DB_PASSWORD", "s3cret-never-logged");
        env.put("DB_WAIT_TIMEOUT", "6s");
        try (ServiceProcess service = ServiceProcess.start(env)) {
            assertThat(service.awaitExit(Duration.ofSeconds(45))).isEqualTo(5);
            String output = service.output();
            assertThat(output).contains("Database not reachable (attempt 2").contains("DB_WAIT_TIMEOUT");
            assertThat(output).doesNotContain("s3cret-never-logged");
        }
    }

    @Test
    void failedMigrationExitsNonZeroNamingTheMigrationAndLeavesNothingHalfApplied() {
        try (TestDatabase db = TestDatabase.create();
                MigrationFolder extra = MigrationFolder.create()
                        .with("V4__broken.sql", "CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;\n")) {
            Map<String, String> env = ServiceProcess.environment(db.name());
            env.put("MIGRATION_LOCATIONS", extra.afterShipped());
            try (ServiceProcess service = ServiceProcess.start(env)) {
                assertThat(service.awaitExit(START)).isEqualTo(1);
                assertThat(service.output().lines().filter(l -> l.contains("Startup migration failed")))
                        .singleElement().asString()
                        .contains("V4", "V4__broken.sql", "42P01", "no_such_table");
            }
            assertThat(db.appliedVersions()).containsExactly("1", "2", "3");
            assertThat(db.single("SELECT (to_regclass('half_done') IS NULL)::text")).isEqualTo("true");
        }
    }

    @Test
    void whileTheStartupMigrationRunsOnlyLivenessIsUpAndTheApiAnswers503() {
        try (TestDatabase db = TestDatabase.create();
                MigrationFolder extra = MigrationFolder.create().with("V4__slow.sql", "SELECT pg_sleep(6);\n")) {
            Map<String, String> env = ServiceProcess.environment(db.name());
            env.put("MIGRATION_LOCATIONS", extra.afterShipped());
            try (ServiceProcess service = ServiceProcess.start(env)) {
                service.awaitStatus("/q/health/live", 200, START);
                assertThat(service.status("/q/health/started")).isEqualTo(503);
                assertThat(service.status("/q/health/ready")).isEqualTo(503);
                HttpResponse<String> api = service.get("/api/items");
                assertThat(api.statusCode()).isEqualTo(503);
                assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));

                service.awaitStatus("/q/health/ready", 200, START);
                assertThat(db.appliedVersions()).containsExactly("1", "2", "3", "4");
            }
        }
    }
}
