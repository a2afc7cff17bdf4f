package com.example.service.admin;

import static com.example.service.admin.AdminApi.PROBLEM;
import static com.example.service.admin.AdminApi.asAdmin;
import static com.example.service.admin.AdminApi.asViewer;
import static com.example.service.admin.AdminApi.awaitStatus;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.example.service.migration.audit.SchemaChangeRecorder;
import com.example.service.migration.lock.MigrationLock;
import com.example.service.testing.IsolatedDatabase;
import com.example.service.testing.PostgresServer;
import com.example.service.testing.PrometheusText;
import com.example.service.testing.ServiceProcess;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The audit and the metrics of schema changes made through the admin API: nothing migrates at
 * start, V4 is an extra migration and V5 fails. Each step checks the audit row, the audit log line
 * and the metrics it must have moved.
 */
@QuarkusTest
@WithTestResource(value = AdminDatabase.class, initArgs = {
        @ResourceArg(name = "migration.at-start", value = "false"),
        @ResourceArg(name = "migration.state-refresh", value = "200ms"),
        @ResourceArg(name = IsolatedDatabase.SCRIPT + "V4__extra.sql", value = "CREATE TABLE extra (id int);\n"),
        @ResourceArg(name = IsolatedDatabase.SCRIPT + "V5__broken.sql", value = "SELECT * FROM no_such_table;\n") })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminAuditAndMetricsTest {

    private static final String LOCK_KEY = "1163087175, 1";
    private static final Map<String, String> REST_UPGRADE = Map.of("entry_point", "rest", "action", "upgrade");

    @ConfigProperty(name = "test.database.name")
    String database;

    @ConfigProperty(name = "HOSTNAME", defaultValue = "localhost")
    String host;

    @Inject
    MigrationLock lock;

    private final List<String> auditLines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            auditLines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureAuditLines() {
        Logger.getLogger(SchemaChangeRecorder.CATEGORY).addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger(SchemaChangeRecorder.CATEGORY).removeHandler(capture);
    }

    @Test
    @Order(1)
    void pendingMigrationsShowInTheGaugesAndTheAuditIsEmpty() {
        awaitStatus("state", "PENDING");
        PrometheusText metrics = metrics();
        assertThat(metrics.value("schema_migrations_pending", Map.of())).hasValue(5);
        assertThat(metrics.value("schema_state", Map.of("state", "PENDING"))).hasValue(1);
        assertThat(metrics.value("schema_state", Map.of("state", "UP_TO_DATE"))).hasValue(0);
        asViewer().get("/admin/db/audit").then().statusCode(200)
                .body("entries", equalTo(List.of())).body("total", equalTo(0));
    }

    @Test
    @Order(2)
    void anUpgradeIsAuditedWithTheUserAndCountedAndTimed() {
        PrometheusText before = metrics();
        asAdmin().post("/admin/db/upgrade?target=4").then().statusCode(200).body("toVersion", equalTo("4"));

        asViewer().get("/admin/db/audit").then().statusCode(200)
                .body("total", equalTo(1))
                .body("entries[0].entryPoint", equalTo("rest"))
                .body("entries[0].action", equalTo("upgrade"))
                .body("entries[0].actor", equalTo(AdminApi.ADMIN_USER))
                .body("entries[0].host", equalTo(host))
                .body("entries[0].fromVersion", nullValue())
                .body("entries[0].toVersion", equalTo("4"))
                .body("entries[0].result", equalTo("success"))
                .body("entries[0].migrations", equalTo(4))
                .body("entries[0].durationMs", greaterThanOrEqualTo(0))
                .body("entries[0].error", nullValue())
                .body("entries[0].at", containsString("T"));
        assertThat(auditLines).containsExactly("schema change action=upgrade result=success entry_point=rest actor="
                + AdminApi.ADMIN_USER + " host=" + host + " from=- to=4 migrations=4 duration_ms="
                + asViewer().get("/admin/db/audit").path("entries[0].durationMs") + " at="
                + asViewer().get("/admin/db/audit").path("entries[0].at"));

        PrometheusText after = metrics();
        assertThat(increase(before, after, "schema_migrations_total", Map.of("entry_point", "rest", "outcome", "success")))
                .isEqualTo(4);
        assertThat(increase(before, after, "schema_migration_duration_seconds_count", with(REST_UPGRADE, "outcome", "success")))
                .isEqualTo(4);
        assertThat(increase(before, after, "schema_changes_total", with(REST_UPGRADE, "result", "success"))).isEqualTo(1);
        awaitMetric("schema_migrations_pending", Map.of(), 1);
    }

    @Test
    @Order(3)
    void aFailedUpgradeIsAuditedAsAFailureAndIncrementsTheFailureCounter() {
        PrometheusText before = metrics();
        asAdmin().post("/admin/db/upgrade").then().statusCode(500).body("version", equalTo("5"));

        asViewer().get("/admin/db/audit?limit=1").then().statusCode(200)
                .body("entries[0].result", equalTo("failure"))
                .body("entries[0].actor", equalTo(AdminApi.ADMIN_USER))
                .body("entries[0].fromVersion", equalTo("4"))
                .body("entries[0].toVersion", equalTo("4"))
                .body("entries[0].migrations", equalTo(1))
                .body("entries[0].error", containsString("V5__broken.sql"))
                .body("entries[0].error", containsString("no_such_table"));
        assertThat(auditLines).singleElement().asString()
                .startsWith("schema change action=upgrade result=failure entry_point=rest actor=" + AdminApi.ADMIN_USER)
                .contains(" from=4 to=4 migrations=1 ", " error=\"migration V5 (V5__broken.sql) failed: SQL state 42P01");

        PrometheusText after = metrics();
        assertThat(increase(before, after, "schema_migrations_total", with(REST_UPGRADE, "outcome", "failure"))).isEqualTo(1);
        assertThat(increase(before, after, "schema_migrations_total", with(REST_UPGRADE, "outcome", "success"))).isZero();
        assertThat(increase(before, after, "schema_migration_duration_seconds_count", with(REST_UPGRADE, "outcome", "failure")))
                .isEqualTo(1);
        assertThat(increase(before, after, "schema_changes_total", with(REST_UPGRADE, "result", "failure"))).isEqualTo(1);
    }

    @Test
    @Order(4)
    void aBusyLockIsARefusalAndAWaitForItIsTimed() throws Exception {
        PrometheusText before = metrics();
        PostgresServer server = PostgresServer.get();
        try (Connection other = DriverManager.getConnection(server.jdbcUrl(database), server.user(), server.password());
                Statement statement = other.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
            asAdmin().post("/admin/db/upgrade").then().statusCode(409).contentType(PROBLEM);

            CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
                ServiceProcess.sleep(1000);
                unlock(statement);
            });
            try (MigrationLock.Held held = lock.acquire(Duration.ofSeconds(30))) {
                assertThat(release).isDone();
            }
        }

        asViewer().get("/admin/db/audit?limit=1").then()
                .body("entries[0].result", equalTo("refused"))
                .body("entries[0].migrations", equalTo(0))
                .body("entries[0].error", containsString("the migration lock is held by"));
        assertThat(auditLines).singleElement().asString().contains("action=upgrade result=refused entry_point=rest");

        PrometheusText after = metrics();
        assertThat(increase(before, after, "schema_migration_lock_wait_seconds_count", Map.of("outcome", "busy"))).isEqualTo(1);
        assertThat(increase(before, after, "schema_migration_lock_wait_seconds_count", Map.of("outcome", "acquired")))
                .isEqualTo(1);
        assertThat(increase(before, after, "schema_migration_lock_wait_seconds_sum", Map.of("outcome", "acquired")))
                .isGreaterThanOrEqualTo(0.9);
        assertThat(increase(before, after, "schema_changes_total", with(REST_UPGRADE, "result", "refused"))).isEqualTo(1);
    }

    @Test
    @Order(5)
    void theAuditPagesNewestFirst() {
        asViewer().get("/admin/db/audit").then().statusCode(200).contentType("application/json")
                .body("total", equalTo(3)).body("limit", equalTo(20)).body("offset", equalTo(0))
                .body("entries.result", contains("refused", "failure", "success"));
        asViewer().get("/admin/db/audit?limit=1&offset=1").then().statusCode(200)
                .body("total", equalTo(3)).body("limit", equalTo(1)).body("offset", equalTo(1))
                .body("entries.result", contains("failure"));
        asAdmin().get("/admin/db/audit?offset=3").then().statusCode(200)
                .body("entries", equalTo(List.of())).body("total", equalTo(3));
        int newest = asViewer().get("/admin/db/audit").path("entries[0].id");
        int oldest = asViewer().get("/admin/db/audit").path("entries[2].id");
        assertThat(newest).isGreaterThan(oldest);
        given().get("/admin/db/audit").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    @Order(6)
    void metricsNeedNoCredentials() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("schema_migrations_total{action=\"upgrade\",entry_point=\"rest\",outcome=\"success\"} 4.0"));
    }

    private static PrometheusText metrics() {
        return new PrometheusText(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    private static double increase(PrometheusText before, PrometheusText after, String name, Map<String, String> labels) {
        return after.valueOrZero(name, labels) - before.valueOrZero(name, labels);
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        Map<String, String> more = new HashMap<>(labels);
        more.put(name, value);
        return more;
    }

    /** The gauges follow the cached state, refreshed on its own schedule. */
    private static void awaitMetric(String name, Map<String, String> labels, double value) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (metrics().valueOrZero(name, labels) != value) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + labels + " never became " + value + ":\n" + metrics());
            }
            ServiceProcess.sleep(50);
        }
    }

    private static void unlock(Statement statement) {
        try {
            statement.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
