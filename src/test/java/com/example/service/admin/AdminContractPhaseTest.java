package com.example.service.admin;

import static com.example.service.admin.AdminApi.asAdmin;
import static com.example.service.admin.AdminApi.asViewer;
import static com.example.service.admin.AdminApi.awaitStatus;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.service.testing.IsolatedDatabase;
import com.example.service.testing.Readiness;
import com.example.service.testing.TestDatabase;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The admin API with a contract migration pending, out of order: contract V4 drops a column, and the
 * later expand V5 is applied at start. Under READINESS_MODE=strict, since even the strictest mode
 * must not wait for a post-deploy migration.
 */
@QuarkusTest
@WithTestResource(value = AdminDatabase.class, initArgs = {
        @ResourceArg(name = "migration.state-refresh", value = "200ms"),
        @ResourceArg(name = "migration.readiness-mode", value = "strict"),
        @ResourceArg(name = IsolatedDatabase.SCRIPT + "V5__add_item_tags.sql", value = "ALTER TABLE item ADD COLUMN tags text[];\n"),
        @ResourceArg(name = IsolatedDatabase.CONTRACT_SCRIPT + "V4__drop_item_description.sql",
                value = "ALTER TABLE item DROP COLUMN description;\n") })
class AdminContractPhaseTest {

    /** A release of this service whose code knows migrations up to V3, as its connections name it. */
    private static final String OLD_RELEASE = "example-service/3@old-release";

    @ConfigProperty(name = "test.database.name")
    String database;

    @BeforeEach
    void ready() {
        Readiness.await(Duration.ofSeconds(30));
        awaitStatus("currentVersion", "5");
    }

    @Test
    void pendingListsTheContractMigrationWithItsPhase() {
        asViewer().get("/admin/db/pending").then().statusCode(200)
                .body("count", equalTo(1))
                .body("migrations.version", contains("4"))
                .body("migrations.script", contains("V4__drop_item_description.sql"))
                .body("migrations.phase", contains("contract"))
                .body("migrations.state", contains("Pending"));
    }

    @Test
    void statusCountsThePendingContractMigrationAndNamesTheOlderReleaseThatBlocksIt() throws SQLException {
        asViewer().get("/admin/db/status").then().statusCode(200)
                .body("state", equalTo("UP_TO_DATE"))
                .body("pendingCount", equalTo(0))
                .body("pendingContractCount", equalTo(1))
                .body("driftCount", equalTo(0))
                .body("contractBlockedBy", empty());

        try (Connection old = TestDatabase.existing(database).connect(); Statement s = old.createStatement()) {
            s.execute("SET application_name = '" + OLD_RELEASE + "'");
            JsonPath blocked = awaitStatus("contractBlockedBy[0].applicationName", OLD_RELEASE);
            assertThat(blocked.getList("contractBlockedBy")).hasSize(1);
            assertThat(blocked.getString("contractBlockedBy[0].codeVersion")).isEqualTo("3");
            assertThat(blocked.getInt("contractBlockedBy[0].connections")).isEqualTo(1);
            assertThat(blocked.getString("state")).isEqualTo("UP_TO_DATE");
            assertThat(blocked.getInt("pendingContractCount")).isEqualTo(1);

            given().get("/q/health/ready").then().statusCode(200);
        }
    }

    @Test
    void strictReadinessIgnoresAPendingContractMigration() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.data.mode", hasItem("strict"))
                .body("checks.data.reason", hasItem("schema acceptable for this code"));
        asViewer().get("/admin/db/validate").then().statusCode(200)
                .body("valid", equalTo(true))
                .body("items", empty());
    }

    @Test
    void anUpgradeAppliesNoContractMigration() {
        asAdmin().post("/admin/db/upgrade").then().statusCode(200)
                .body("applied", empty());
        asViewer().get("/admin/db/pending").then().statusCode(200)
                .body("migrations.phase", contains("contract"));
        TestDatabase db = TestDatabase.existing(database);
        assertThat(db.appliedVersions()).containsExactly("1", "2", "3", "5");
    }
}
