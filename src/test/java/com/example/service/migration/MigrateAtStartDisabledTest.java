package com.example.service.migration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.example.service.testing.IsolatedDatabase;
import com.example.service.testing.TestDatabase;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = IsolatedDatabase.class, initArgs = @ResourceArg(name = "migration.at-start", value = "false"))
class MigrateAtStartDisabledTest {

    @ConfigProperty(name = "test.database.name")
    String database;

    @Test
    void leavesTheSchemaUntouchedAndStaysUnready() {
        given().get("/q/health/started").then().statusCode(200).body("checks[0].data.phase", equalTo("DISABLED"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(503);
        given().get("/api/items").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("detail", containsString("not ready"));

        assertThat(TestDatabase.existing(database).historyTableExists()).isFalse();
    }
}
