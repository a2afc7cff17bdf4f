package com.example.service.admin;

import static com.example.service.admin.AdminApi.PROBLEM;
import static com.example.service.admin.AdminApi.asAdmin;
import static com.example.service.admin.AdminApi.asViewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.example.service.testing.IsolatedDatabase;
import com.example.service.testing.TestDatabase;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A migration that cannot run in a transaction fails: PostgreSQL cannot roll back its history row,
 * so the schema is recorded FAILED, and further upgrades are refused until it is repaired.
 */
@QuarkusTest
@WithTestResource(value = AdminDatabase.class, initArgs = {
        @ResourceArg(name = "migration.at-start", value = "false"),
        @ResourceArg(name = IsolatedDatabase.SCRIPT + "V4__broken_concurrently.sql",
                value = "CREATE INDEX CONCURRENTLY broken_idx ON no_such_table (id);\n"),
        @ResourceArg(name = IsolatedDatabase.SCRIPT + "V4__broken_concurrently.sql.conf", value = "executeInTransaction=false\n") })
class AdminFailedMigrationTest {

    @ConfigProperty(name = "test.database.name")
    String database;

    @Test
    void aFailedNonTransactionalMigrationLeavesTheStatusFailedAndBlocksFurtherUpgrades() {
        TestDatabase db = TestDatabase.existing(database);
        asAdmin().post("/admin/db/upgrade").then().statusCode(500).contentType(PROBLEM)
                .body("version", equalTo("4"))
                .body("script", equalTo("V4__broken_concurrently.sql"))
                .body("sqlState", equalTo("42P01"));
        assertThat(db.appliedVersions()).containsExactly("1", "2", "3");

        asViewer().get("/admin/db/status").then().statusCode(200)
                .body("state", equalTo("FAILED"))
                .body("failedCount", equalTo(1));
        asViewer().get("/admin/db/validate").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("items.version", contains("4"))
                .body("items[0].message", containsString("failed"));
        asViewer().get("/admin/db/history?limit=1").then()
                .body("entries[0].version", equalTo("4")).body("entries[0].success", equalTo(false));

        List<String> before = db.catalog();
        asAdmin().post("/admin/db/upgrade").then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:example-service:problem:schema-drift"))
                .body("items.version", contains("4"));
        assertThat(db.catalog()).isEqualTo(before);
    }
}
