package com.example.service.admin;

import static com.example.service.admin.AdminApi.asAdmin;
import static com.example.service.admin.AdminApi.asViewer;
import static com.example.service.admin.AdminApi.awaitStatus;
import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import jakarta.inject.Inject;

import org.assertj.core.api.SoftAssertions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.example.service.migration.MigrationListener;
import com.example.service.migration.change.Actors;
import com.example.service.migration.change.SchemaChanges;
import com.example.service.migration.lock.MigrationLock;
import com.example.service.migration.startup.StartupMigration;
import com.example.service.migration.state.SchemaStateCache;
import com.example.service.testing.JsonGolden;
import com.example.service.testing.PostgresServer;
import com.example.service.testing.Readiness;
import com.example.service.testing.TestDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The admin API's and the sample API's JSON, and the OpenAPI document that describes them, pinned
 * as golden files (src/test/resources/golden/rest): every field name, its order, nulls and stable
 * values, through each state a schema can be in. A change to any of them fails here first.
 */
@QuarkusTest
@WithTestResource(value = AdminDatabase.class, initArgs = {
        @ResourceArg(name = "migration.state-refresh", value = "150ms") })
class AdminContractTest {

    private static final String HOLDER = "contract-test-holder";

    @ConfigProperty(name = "test.database.name")
    String database;

    @Inject
    SchemaChanges changes;

    @Inject
    Actors actors;

    @Inject
    SchemaStateCache cache;

    @Inject
    ObjectMapper mapper;

    @Test
    void everyResponseKeepsItsDocumentedShape() throws Exception {
        Readiness.await(Duration.ofSeconds(30));
        awaitStatus("state", "UP_TO_DATE");
        TestDatabase db = TestDatabase.existing(database);
        SoftAssertions softly = new SoftAssertions();

        golden(softly, "status-up-to-date", 200, asViewer().get("/admin/db/status"));
        golden(softly, "pending-none", 200, asViewer().get("/admin/db/pending"));
        golden(softly, "validate-valid", 200, asViewer().get("/admin/db/validate"));
        golden(softly, "history", 200, asViewer().get("/admin/db/history?limit=2"));
        golden(softly, "upgrade-nothing", 200, asAdmin().post("/admin/db/upgrade"));
        JsonGolden.check(softly, "rest/status-startup-migrating", mapper.writeValueAsString(DbStatus.of(cache.current(),
                new StartupMigration.Progress(StartupMigration.Phase.MIGRATING, 1, 3, "V2__add_item_description_and_updated_at", null),
                Optional.empty())));

        changes.downgrade(actors.commandLine(), 1, MigrationListener.NONE);
        awaitStatus("state", "PENDING");
        golden(softly, "status-pending", 200, asViewer().get("/admin/db/status"));
        golden(softly, "pending", 200, asViewer().get("/admin/db/pending"));
        PostgresServer server = PostgresServer.get();
        try (Connection other = DriverManager.getConnection(server.jdbcUrl(database) + "?ApplicationName=" + HOLDER,
                server.user(), server.password()); Statement statement = other.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + MigrationLock.KEY_SPACE + ", " + MigrationLock.KEY + ")");
            awaitStatus("state", "MIGRATING");
            golden(softly, "status-migrating", 200, asViewer().get("/admin/db/status"));
            golden(softly, "upgrade-lock-held-problem", 409, asAdmin().post("/admin/db/upgrade"));
        }
        awaitStatus("state", "PENDING");
        golden(softly, "upgrade", 200, asAdmin().post("/admin/db/upgrade"));
        golden(softly, "audit", 200, asViewer().get("/admin/db/audit?limit=3"));

        // Drift blocks an upgrade only with migrations pending (in compatible mode): V3 is, once undone.
        changes.downgrade(actors.commandLine(), 1, MigrationListener.NONE);
        String checksum = db.single("SELECT checksum FROM flyway_schema_history WHERE version = '2'");
        db.execute("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '2'");
        awaitStatus("state", "DRIFT");
        golden(softly, "status-drift", 200, asViewer().get("/admin/db/status"));
        golden(softly, "validate-drift", 200, asViewer().get("/admin/db/validate"));
        golden(softly, "upgrade-drift-problem", 422, asAdmin().post("/admin/db/upgrade"));
        db.execute("UPDATE flyway_schema_history SET checksum = " + checksum + " WHERE version = '2'");
        awaitStatus("state", "PENDING");
        changes.upgrade(actors.commandLine(), null, MigrationListener.NONE);
        awaitStatus("state", "UP_TO_DATE");

        db.execute("""
                INSERT INTO flyway_schema_history
                       (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)
                VALUES (4, '4', 'broken', 'SQL', 'V4__broken.sql', 0, 'someone', 7, false)""");
        awaitStatus("state", "FAILED");
        golden(softly, "status-failed", 200, asViewer().get("/admin/db/status"));
        golden(softly, "validate-failed", 200, asViewer().get("/admin/db/validate"));
        db.execute("DELETE FROM flyway_schema_history WHERE version = '4'");
        awaitStatus("state", "UP_TO_DATE");


        golden(softly, "item", 201, given().contentType("application/json")
                .body("{\"name\": \"golden\", \"description\": \"a shape\"}").post("/api/items"));
        golden(softly, "items-page", 200, given().get("/api/items?limit=5"));
        golden(softly, "openapi", 200, given().get("/q/openapi?format=json"));
        softly.assertAll();
    }

    private static void golden(SoftAssertions softly, String name, int status, Response response) {
        softly.assertThat(response.statusCode()).as(name + ": " + response.asString()).isEqualTo(status);
        JsonGolden.check(softly, "rest/" + name, response.asString());
    }
}
