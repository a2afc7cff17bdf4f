package com.example.service.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import com.example.service.testing.MigrationFolder;
import com.example.service.testing.ServiceProcess;
import com.example.service.testing.TcpProxy;
import com.example.service.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;

/** What the three probes of the packaged jar answer, and what answering costs. */
@Isolated // alone (pom.xml): liveness is polled across a 10 s migration and must have answered for over 8 s of it
class ProbesIT {

    private static final Duration START = Duration.ofSeconds(90);

    @Test
    void livenessAnswers200ThroughoutAMigrationThatSleepsTenSeconds() {
        try (TestDatabase db = TestDatabase.create();
                MigrationFolder extra = MigrationFolder.create().with("V4__slow.sql", "SELECT pg_sleep(10);\n")) {
            Map<String, String> env = ServiceProcess.environment(db.name());
            env.put("MIGRATION_LOCATIONS", extra.afterShipped());
            try (ServiceProcess service = ServiceProcess.start(env)) {
                service.awaitStatus("/q/health/live", 200, START);
                List<Integer> liveWhileStarting = new ArrayList<>();
                long firstUnstarted = 0;
                long lastUnstarted = 0;
                long deadline = System.nanoTime() + START.toNanos();
                for (int ready = 0; ready != 200;) {
                    // In this order: startup can only finish between the calls, never go back.
                    ready = service.status("/q/health/ready");
                    int started = service.status("/q/health/started");
                    int live = service.status("/q/health/live");
                    if (started == 503) {
                        assertThat(ready).isEqualTo(503);
                        liveWhileStarting.add(live);
                        lastUnstarted = System.nanoTime();
                        firstUnstarted = firstUnstarted == 0 ? lastUnstarted : firstUnstarted;
                    }
                    assertThat(System.nanoTime()).as("ready in time").isLessThan(deadline);
                    ServiceProcess.sleep(200);
                }

                assertThat(Duration.ofNanos(lastUnstarted - firstUnstarted))
                        .as("liveness polled across the migration").isGreaterThan(Duration.ofSeconds(8));
                assertThat(liveWhileStarting).hasSizeGreaterThan(20).containsOnly(200);
                assertThat(db.appliedVersions()).containsExactly("1", "2", "3", "4");
            }
        }
    }

    @Test
    void anOlderReleaseIsReadyAgainstANewerSchemaInCompatibleModeButNotInStrictMode() {
        try (TestDatabase db = TestDatabase.create();
                MigrationFolder newer = MigrationFolder.create()
                        .with("V4__add_item_tags.sql", "ALTER TABLE item ADD COLUMN tags TEXT[];\n")) {
            Map<String, String> newerEnv = ServiceProcess.environment(db.name());
            newerEnv.put("MIGRATION_LOCATIONS", newer.afterShipped());
            try (ServiceProcess newerRelease = ServiceProcess.start(newerEnv)) {
                newerRelease.awaitStatus("/q/health/ready", 200, START);
            }

            Map<String, String> compatibleEnv = ServiceProcess.environment(db.name());
            Map<String, String> strictEnv = ServiceProcess.environment(db.name());
            strictEnv.put("READINESS_MODE", "strict");
            try (ServiceProcess compatible = ServiceProcess.start(compatibleEnv);
                    ServiceProcess strict = ServiceProcess.start(strictEnv)) {
                compatible.awaitStatus("/q/health/ready", 200, START);
                JsonNode ready = compatible.healthData("/q/health/ready");
                assertThat(ready.path("mode").asText()).isEqualTo("compatible");
                assertThat(ready.path("status").asText()).isEqualTo("AHEAD");
                assertThat(ready.path("currentVersion").asText()).isEqualTo("4");
                assertThat(ready.path("latestKnownVersion").asText()).isEqualTo("3");
                assertThat(compatible.status("/api/items")).isEqualTo(200);

                strict.awaitStatus("/q/health/started", 200, START);
                assertThat(strict.status("/q/health/ready")).isEqualTo(503);
                JsonNode notReady = strict.healthData("/q/health/ready");
                assertThat(notReady.path("mode").asText()).isEqualTo("strict");
                assertThat(notReady.path("reason").asText())
                        .isEqualTo("strict mode: the schema has 1 migration(s) newer than this code");
                assertThat(notReady.path("currentVersion").asText()).isEqualTo("4");
                assertThat(notReady.path("latestKnownVersion").asText()).isEqualTo("3");
                assertThat(strict.status("/api/items")).isEqualTo(503);
            }
            assertThat(db.appliedVersions()).containsExactly("1", "2", "3", "4");
        }
    }

    /**
     * Every byte between the service and PostgreSQL goes through a proxy that counts it. Inside one
     * refresh period, 50 readiness probes 100 ms apart must cost no byte and no connection: no
     * Flyway info or validation, no query. The same proxy does see an API request's query.
     */
    @Test
    void readinessProbesReadCachedStateWithoutTouchingTheDatabase() {
        try (TestDatabase db = TestDatabase.create(); TcpProxy proxy = TcpProxy.toPostgres()) {
            Map<String, String> env = ServiceProcess.environment(db.name(), proxy);
            env.put("SCHEMA_STATE_REFRESH", "60s");
            try (ServiceProcess service = ServiceProcess.start(env)) {
                service.awaitStatus("/q/health/ready", 200, START);
                awaitQuiet(proxy);
                long bytes = proxy.bytes();
                long connections = proxy.connections();
                Set<String> checkedAt = new HashSet<>();
                for (int i = 0; i < 50; i++) {
                    assertThat(service.status("/q/health/ready")).isEqualTo(200);
                    checkedAt.add(service.healthData("/q/health/ready").path("checkedAt").asText());
                    ServiceProcess.sleep(100);
                }
                assertThat(proxy.bytes()).as("bytes to or from the database while probing").isEqualTo(bytes);
                assertThat(proxy.connections()).as("connections opened while probing").isEqualTo(connections);
                assertThat(checkedAt).as("the state the probes reported").hasSize(1);

                assertThat(service.status("/api/items")).isEqualTo(200);
                assertThat(proxy.bytes()).as("an API request's bytes").isGreaterThan(bytes);
            }
        }
    }

    /** Waits until the refresh that follows the startup migration has finished talking to the database. */
    private static void awaitQuiet(TcpProxy proxy) {
        long deadline = System.nanoTime() + START.toNanos();
        for (long before = -1; before != proxy.bytes();) {
            assertThat(System.nanoTime()).as("database traffic settled").isLessThan(deadline);
            before = proxy.bytes();
            ServiceProcess.sleep(500);
        }
    }
}
