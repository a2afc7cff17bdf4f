package com.example.service.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.example.service.testing.ApplicationRoleDatabase;
import com.example.service.testing.ServiceProcess;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Issue 12, item 5: an instance whose application role cannot log in (DB_USER) is not ready, though
 * its migrations (MIGRATION_DB_USER) went through: readiness covers the application's own pool.
 */
@QuarkusTest
@WithTestResource(value = ApplicationRoleDatabase.class, initArgs = {
        @ResourceArg(name = ApplicationRoleDatabase.ROLE, value = ApplicationRoleDatabase.MISSING),
        @ResourceArg(name = "migration.state-refresh", value = "200ms") })
class ApplicationPoolReadinessTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void anApplicationPoolThatCannotLogInKeepsTheInstanceUnready() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (given().get("/q/health/started").statusCode() != 200) {
            assertThat(System.nanoTime()).as("the startup migration finishes").isLessThan(deadline);
            ServiceProcess.sleep(100);
        }
        // Several refreshes: long enough for a ready answer to show, were the pool not checked.
        ServiceProcess.sleep(1000);
        Response ready = given().get("/q/health/ready");
        assertThat(ready.statusCode()).as(ready.asString()).isEqualTo(503);
        ready.then().body("checks[0].data.reason", containsString("DB_USER"))
                .body("checks[0].data.reason", containsString("SQL state 28"));
        given().get("/api/items").then().statusCode(503).body("detail", containsString("DB_USER"));
    }
}
