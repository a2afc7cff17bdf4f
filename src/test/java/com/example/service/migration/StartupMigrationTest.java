package com.example.service.migration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.example.service.testing.IsolatedDatabase;
import com.example.service.testing.Readiness;
import com.example.service.testing.TestDatabase;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(IsolatedDatabase.class)
class StartupMigrationTest {

    @ConfigProperty(name = "test.database.name")
    String database;

    @Test
    void appliesEveryShippedMigrationExactlyOnceThenIsReady() {
        Readiness.await(Duration.ofSeconds(30));
        TestDatabase db = TestDatabase.existing(database);

        assertThat(db.appliedVersions()).containsExactly("1", "2", "3");
        assertThat(db.single("SELECT count(*) FROM flyway_schema_history")).isEqualTo("3");
        assertThat(db.column("SELECT indexname FROM pg_indexes WHERE tablename = 'item'")).contains("item_name_idx");
        given().get("/q/health/started").then().statusCode(200).body("checks[0].data.phase", equalTo("COMPLETED"));
        given().get("/q/health/ready").then().statusCode(200).body("checks[0].data.currentVersion", equalTo("3"));
    }

    @Test
    void theConnectionNamesItselfForPgStatActivity() {
        Readiness.await(Duration.ofSeconds(30));
        TestDatabase db = TestDatabase.existing(database);
        assertThat(db.column("SELECT application_name FROM pg_stat_activity WHERE datname = ?", database))
                .anySatisfy(name -> assertThat(name).as("the newest migration this code knows, then the host").matches("example-service/3@.+"));
    }
}
