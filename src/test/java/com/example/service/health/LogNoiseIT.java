package com.example.service.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import com.example.service.testing.MigrationFolder;
import com.example.service.testing.ServiceProcess;
import com.example.service.testing.TestDatabase;

/**
 * Issue 12, item 8: the packaged service's log says each thing once. Readiness probed again and
 * again for the same reason logs that reason once; item requests over several pooled connections
 * log no Micrometer warning; the startup migration names an empty schema as none.
 */
@Isolated // alone (pom.xml): it counts the probes that land inside a 3 s migration
class LogNoiseIT {

    private static final Duration START = Duration.ofSeconds(90);

    @Test
    void probesAndRequestsLogEachChangeOnce() {
        try (TestDatabase db = TestDatabase.create();
                MigrationFolder extra = MigrationFolder.create().with("V4__slow.sql", "SELECT pg_sleep(3);\n")) {
            Map<String, String> env = ServiceProcess.environment(db.name());
            env.put("MIGRATION_LOCATIONS", extra.afterShipped());
            try (ServiceProcess service = ServiceProcess.start(env)) {
                int downWhileMigrating = 0;
                long deadline = System.nanoTime() + START.toNanos();
                while (service.status("/q/health/ready") != 200) {
                    assertThat(System.nanoTime()).as("ready in time:\n" + service.output()).isLessThan(deadline);
                    if ("MIGRATING".equals(service.healthData("/q/health/started").path("phase").asText())) {
                        downWhileMigrating++;
                    }
                    ServiceProcess.sleep(100);
                }
                for (int i = 0; i < 5; i++) {
                    assertThat(service.status("/api/items")).isEqualTo(200);
                }
                ServiceProcess.sleep(500);

                String output = service.output();
                assertThat(downWhileMigrating).as("probes while V4 ran").isGreaterThanOrEqualTo(5);
                assertThat(output.lines().filter(l -> l.contains("Readiness DOWN: startup migration not finished: MIGRATING")))
                        .as(output).hasSize(1);
                assertThat(output.lines().filter(l -> l.contains("Readiness UP"))).as(output).hasSize(1);
                assertThat(output).doesNotContain("SRHCK01001", "already registered", "from null")
                        .contains("Schema migrated from none to 4");
            }
        }
    }
}
