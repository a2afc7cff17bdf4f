package com.example.service.admin;

import static com.example.service.admin.AdminApi.PROBLEM;
import static com.example.service.admin.AdminApi.asViewer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.example.service.testing.ApplicationRoleDatabase;
import com.example.service.testing.Readiness;
import com.example.service.testing.TestDatabase;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 12, item 4: only a database that cannot be reached answers 503 with {@code Retry-After}; a
 * query the database refuses is a 500 naming its SQL state, in the admin API and the sample API alike.
 */
@QuarkusTest
@WithTestResource(value = ApplicationRoleDatabase.class, initArgs = {
        @ResourceArg(name = ApplicationRoleDatabase.ROLE, value = ApplicationRoleDatabase.LOGIN_ONLY),
        @ResourceArg(name = "admin.viewer-user", value = AdminApi.VIEWER_USER),
        @ResourceArg(name = "admin.viewer-password", value = AdminApi.VIEWER_PASSWORD) })
class DatabaseErrorsTest {

    @ConfigProperty(name = "test.database.name")
    String database;

    @Test
    void aQueryTheApplicationRoleMayNotRunIs500NamingItsSqlState() {
        Readiness.await(Duration.ofSeconds(60));
        given().get("/api/items").then().statusCode(500).contentType(PROBLEM)
                .header("Retry-After", nullValue())
                .body("sqlState", equalTo("42501"))
                .body("detail", containsString("42501"));
    }

    @Test
    void anAdminQueryTheDatabaseRejectsIs500NamingItsSqlState() {
        Readiness.await(Duration.ofSeconds(60));
        TestDatabase db = TestDatabase.existing(database);
        db.execute("ALTER TABLE example_service.schema_audit RENAME COLUMN actor TO who");
        try {
            asViewer().get("/admin/db/audit").then().statusCode(500).contentType(PROBLEM)
                    .header("Retry-After", nullValue())
                    .body("type", equalTo("urn:example-service:problem:database-error"))
                    .body("sqlState", equalTo("42703"))
                    .body("detail", containsString("SQL state 42703"));
        } finally {
            db.execute("ALTER TABLE example_service.schema_audit RENAME COLUMN who TO actor");
        }
    }
}
