package com.example.service.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.service.testing.PrometheusText;
import com.example.service.testing.ServiceProcess;
import com.example.service.testing.TestDatabase;

/** The packaged service's startup migration: audited with the pod's name, counted and timed at /q/metrics. */
class StartupAuditAndMetricsIT {

    private static final String POD = "example-service-7d9f-x2k4q";

    @Test
    void theStartupMigrationIsAuditedAndItsMigrationsShowInTheMetrics() {
        try (TestDatabase db = TestDatabase.create()) {
            Map<String, String> env = ServiceProcess.environment(db.name());
            env.put("HOSTNAME", POD);
            try (ServiceProcess service = ServiceProcess.start(env)) {
                service.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(60));

                assertThat(db.column("""
                        SELECT concat_ws(' ', entry_point, action, actor, host, coalesce(from_version, '-'), to_version,
                                         result, migrations)
                          FROM example_service.schema_audit
                        """)).containsExactly("startup upgrade " + POD + " " + POD + " - 3 success 3");
                assertThat(service.output()).containsOnlyOnce("[com.example.service.audit]")
                        .contains("schema change action=upgrade result=success entry_point=startup actor=" + POD + " host="
                                + POD + " from=- to=3 migrations=3 ");

                HttpResponse<String> scrape = service.get("/q/metrics");
                assertThat(scrape.statusCode()).as("Prometheus scrapes without credentials").isEqualTo(200);
                PrometheusText metrics = new PrometheusText(scrape.body());
                Map<String, String> startup = Map.of("entry_point", "startup", "action", "upgrade", "outcome", "success");
                assertThat(metrics.value("schema_migrations_total", startup)).hasValue(3);
                assertThat(metrics.value("schema_migration_duration_seconds_count", startup)).hasValue(3);
                assertThat(metrics.value("schema_migrations_pending", Map.of())).hasValue(0);
                assertThat(metrics.value("schema_state", Map.of("state", "UP_TO_DATE"))).hasValue(1);
            }
        }
    }
}
