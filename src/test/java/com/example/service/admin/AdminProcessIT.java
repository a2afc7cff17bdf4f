package com.example.service.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.service.testing.EventStream;
import com.example.service.testing.MigrationFolder;
import com.example.service.testing.ServiceProcess;
import com.example.service.testing.TestDatabase;

import io.restassured.path.json.JsonPath;

/** The admin API of the packaged jar, configured the way operators do it: environment variables. */
class AdminProcessIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final String ADMIN_PASSWORD = "env-admin-Pa55";
    private static final String VIEWER_PASSWORD = "env-viewer-Pa55";

    @Test
    void statusShowsTheStartupMigrationInProgressThenTheSchemaUpToDate() {
        try (TestDatabase db = TestDatabase.create();
                MigrationFolder extra = MigrationFolder.create().with("V4__slow.sql", "SELECT pg_sleep(6);\n")) {
            Map<String, String> env = ServiceProcess.environment(db.name());
            env.put("MIGRATION_LOCATIONS", extra.afterShipped());
            env.put("ADMIN_USER", "ops");
            env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
            env.put("VIEWER_USER", "dashboard");
            env.put("VIEWER_PASSWORD", VIEWER_PASSWORD);
            try (ServiceProcess service = ServiceProcess.start(env)) {
                service.awaitStatus("/q/health/live", 200, START);
                EventStream events = EventStream.open(URI.create("http://localhost:" + service.port() + "/admin/db/events"),
                        "dashboard", VIEWER_PASSWORD);

                JsonPath migrating = awaitStatus(service, "startupMigration.current", "V4__slow");
                assertThat(migrating.getString("state")).isEqualTo("MIGRATING");
                assertThat(migrating.getString("startupMigration.phase")).isEqualTo("MIGRATING");
                assertThat(migrating.getInt("startupMigration.done")).isEqualTo(3);
                assertThat(migrating.getInt("startupMigration.total")).isEqualTo(4);
                // The instance's own startup migration holds the lock: a POST upgrade meanwhile is refused.
                HttpResponse<String> refused = service.send("POST", "/admin/db/upgrade", "ops", ADMIN_PASSWORD);
                assertThat(refused.statusCode()).isEqualTo(409);
                assertThat(JsonPath.from(refused.body()).getString("lockHolder.applicationName")).startsWith("example-service/");

                service.awaitStatus("/q/health/ready", 200, START);
                JsonPath done = awaitStatus(service, "state", "UP_TO_DATE");
                assertThat(done.getString("currentVersion")).isEqualTo("4");
                assertThat(done.getString("startupMigration")).isNull();
                // The console's stream followed the startup migration step by step, to its end.
                events.await("UP_TO_DATE", START, e -> e.path("state").asText().equals("UP_TO_DATE"));
                events.close();
                assertThat(events.events()).anyMatch(e -> e.path("state").asText().equals("MIGRATING")
                        && e.path("startupMigration").path("current").asText().equals("V4__slow")
                        && e.path("progress").path("done").asInt() == 3 && e.path("progress").path("total").asInt() == 4);

                assertThat(service.send("GET", "/admin/db/status", "dashboard", "wrong").statusCode()).isEqualTo(401);
                assertThat(service.send("POST", "/admin/db/upgrade", "dashboard", VIEWER_PASSWORD).statusCode()).isEqualTo(403);
                assertThat(service.send("POST", "/admin/db/upgrade", "ops", ADMIN_PASSWORD).statusCode()).isEqualTo(200);
                assertThat(service.send("GET", "/q/swagger-ui/", "", "").statusCode()).isEqualTo(200);

                assertThat(service.output()).contains("Admin API accounts: ops (admin), dashboard (viewer)")
                        .doesNotContain(ADMIN_PASSWORD).doesNotContain(VIEWER_PASSWORD);
            }
        }
    }

    @Test
    void withoutACompleteAccountEveryRequestIsRefused() {
        try (TestDatabase db = TestDatabase.create()) {
            Map<String, String> env = ServiceProcess.environment(db.name());
            env.put("ADMIN_USER", "ops");
            try (ServiceProcess service = ServiceProcess.start(env)) {
                service.awaitStatus("/q/health/ready", 200, START);
                assertThat(service.status("/admin/db/status")).isEqualTo(401);
                assertThat(service.send("GET", "/admin/db/status", "ops", "").statusCode()).isEqualTo(401);
                assertThat(service.send("POST", "/admin/db/upgrade", "ops", "").statusCode()).isEqualTo(401);
                assertThat(service.output()).contains("ADMIN_USER and ADMIN_PASSWORD must be set together")
                        .contains("every /admin request is refused with 401");
            }
        }
    }

    private static JsonPath awaitStatus(ServiceProcess service, String field, String value) {
        long deadline = System.nanoTime() + START.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = service.send("GET", "/admin/db/status", "dashboard", VIEWER_PASSWORD);
            if (response != null && response.statusCode() == 200) {
                last = response.body();
                JsonPath json = JsonPath.from(last);
                if (value.equals(json.getString(field))) {
                    return json;
                }
            }
            ServiceProcess.sleep(50);
        }
        throw new AssertionError("status " + field + " never became " + value + "; last " + last + "\n" + service.output());
    }
}
