package com.example.service.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.example.service.testing.CommandResult;
import com.example.service.testing.MigrationFolder;
import com.example.service.testing.ServiceProcess;
import com.example.service.testing.TestDatabase;

/**
 * Issue 12, item 2: drift (an applied script edited since) means the same to the startup migration,
 * {@code db upgrade} and readiness, per READINESS_MODE; it never makes a serving instance exit,
 * while a failed migration still does.
 */
class DriftIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final String V4 = "CREATE TABLE drifting (id int);\n";
    private static final String V4_EDITED = "-- a comment added after V4 was applied\n" + V4;
    private static final String ACCEPT = "db repair --confirm";
    /** Refreshes of the schema state (every 200 ms here) an instance must go through with the drift, unchanged. */
    private static final int REFRESHES = 5;

    @Test
    void driftIsToleratedInCompatibleModeAndRefusedInStrictModeOrWithPendingMigrations() {
        try (TestDatabase db = TestDatabase.create(); MigrationFolder extra = MigrationFolder.create().with("V4__drifting.sql", V4)) {
            Map<String, String> env = ServiceProcess.environment(db.name());
            env.put("MIGRATION_LOCATIONS", extra.afterShipped());
            env.put("SCHEMA_STATE_REFRESH", "200ms");
            db.upgrade(extra.afterShipped());
            extra.with("V4__drifting.sql", V4_EDITED);

            CommandResult compatible = ServiceProcess.run(env, "db", "upgrade");
            assertThat(compatible.exitCode()).as(compatible.toString()).isZero();
            assertThat(compatible.stderr()).contains("V4__drifting.sql", ACCEPT);

            Map<String, String> strict = withVariable(env, "READINESS_MODE", "strict");
            CommandResult refused = ServiceProcess.run(strict, "db", "upgrade");
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(4);
            assertThat(refused.stderr()).contains("V4__drifting.sql", ACCEPT);

            try (ServiceProcess service = ServiceProcess.start(env)) {
                service.awaitStatus("/q/health/ready", 200, START);
                awaitRefreshes(service, REFRESHES);
                assertThat(occurrences(service.output(), "V4__drifting.sql")).as("drift logged once:\n" + service.output())
                        .isEqualTo(1);
            }

            try (ServiceProcess service = ServiceProcess.start(strict)) {
                service.awaitStatus("/q/health/started", 200, START);
                awaitReadinessReason(service, "DRIFT");
                assertThat(service.healthData("/q/health/ready").path("reason").asText()).contains("V4__drifting.sql", ACCEPT);
                assertThat(service.status("/q/health/ready")).isEqualTo(503);
                awaitRefreshes(service, REFRESHES);
                assertThat(service.isAlive()).as("strict drift never exits:\n" + service.output()).isTrue();
            }

            extra.with("V5__pending.sql", "CREATE TABLE pending_behind_drift (id int);\n");
            CommandResult pending = ServiceProcess.run(env, "db", "upgrade");
            assertThat(pending.exitCode()).as(pending.toString()).isEqualTo(4);
            assertThat(pending.stderr()).contains("V4__drifting.sql", ACCEPT);
            assertThat(ServiceProcess.run(env, "db", "check").exitCode()).as("an upgrade would be refused").isEqualTo(4);

            try (ServiceProcess service = ServiceProcess.start(env)) {
                service.awaitStatus("/q/health/started", 200, START);
                awaitReadinessReason(service, "DRIFT");
                assertThat(service.healthData("/q/health/ready").path("reason").asText())
                        .contains("V4__drifting.sql", "pending", ACCEPT);
                awaitRefreshes(service, REFRESHES);
                assertThat(service.isAlive()).as("pending and drift never exits:\n" + service.output()).isTrue();
            }
            assertThat(db.appliedVersions()).as("nothing applied behind drift").containsExactly("1", "2", "3", "4");
            assertThat(db.single("SELECT (to_regclass('pending_behind_drift') IS NULL)::text")).isEqualTo("true");

            assertThat(ServiceProcess.run(env, "db", "repair", "--confirm").exitCode()).isZero();
            assertThat(ServiceProcess.run(env, "db", "upgrade").exitCode()).isZero();
            assertThat(db.appliedVersions()).containsExactly("1", "2", "3", "4", "5");
        }
    }

    @Test
    void aFailedMigrationIsStillAFailureThatStopsTheStartup() {
        try (TestDatabase db = TestDatabase.create(); MigrationFolder extra = MigrationFolder.create().with("V4__drifting.sql", V4)) {
            Map<String, String> env = ServiceProcess.environment(db.name());
            env.put("MIGRATION_LOCATIONS", extra.afterShipped());
            db.upgrade(extra.afterShipped());
            db.execute("UPDATE flyway_schema_history SET success = false WHERE version = '4'");

            try (ServiceProcess service = ServiceProcess.start(env)) {
                assertThat(service.awaitExit(START)).as(service.output()).isEqualTo(1);
                assertThat(service.output()).contains("Startup migration failed", "failed migration");
            }
        }
    }

    private static Map<String, String> withVariable(Map<String, String> env, String name, String value) {
        Map<String, String> more = new HashMap<>(env);
        more.put(name, value);
        return more;
    }

    private static void awaitReadinessReason(ServiceProcess service, String reason) {
        long deadline = System.nanoTime() + START.toNanos();
        String last = "";
        while (System.nanoTime() < deadline && service.isAlive()) {
            last = service.healthData("/q/health/ready").path("reason").asText();
            if (last.startsWith(reason)) {
                return;
            }
            ServiceProcess.sleep(100);
        }
        throw new AssertionError("readiness reason never started with " + reason + "; last '" + last + "'\n" + service.output());
    }

    /** Waits until readiness has been judged {@code count} more times (its {@code checkedAt} moved on each time). */
    private static void awaitRefreshes(ServiceProcess service, int count) {
        long deadline = System.nanoTime() + START.toNanos();
        String last = service.healthData("/q/health/ready").path("checkedAt").asText();
        int seen = 0;
        while (seen < count) {
            if (System.nanoTime() > deadline || !service.isAlive()) {
                throw new AssertionError("readiness judged " + seen + " of " + count + " more times\n" + service.output());
            }
            ServiceProcess.sleep(50);
            String now = service.healthData("/q/health/ready").path("checkedAt").asText();
            if (!now.isEmpty() && !now.equals(last)) {
                seen++;
                last = now;
            }
        }
    }

    private static int occurrences(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }
}
