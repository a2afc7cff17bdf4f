package com.example.service.admin;

import static com.example.service.admin.AdminApi.ADMIN_PASSWORD;
import static com.example.service.admin.AdminApi.PROBLEM;
import static com.example.service.admin.AdminApi.VIEWER_PASSWORD;
import static com.example.service.admin.AdminApi.asAdmin;
import static com.example.service.admin.AdminApi.asViewer;
import static com.example.service.admin.AdminApi.awaitStatus;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.example.service.testing.Readiness;
import com.example.service.testing.TestDatabase;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The admin API on a schema migrated at start with the shipped migrations (V1 to V3). */
@QuarkusTest
@WithTestResource(value = AdminDatabase.class, initArgs = {
        @ResourceArg(name = "migration.state-refresh", value = "200ms") })
class AdminApiTest {

    @ConfigProperty(name = "test.database.name")
    String database;

    @BeforeEach
    void ready() {
        Readiness.await(Duration.ofSeconds(30));
        awaitStatus("state", "UP_TO_DATE");
    }

    @Test
    void statusDescribesTheSchema() {
        TestDatabase db = TestDatabase.existing(database);
        Response response = asViewer().get("/admin/db/status");
        response.then().statusCode(200).contentType("application/json")
                .body("state", equalTo("UP_TO_DATE"))
                .body("currentVersion", equalTo("3"))
                .body("latestKnownVersion", equalTo("3"))
                .body("pendingCount", equalTo(0))
                .body("appliedCount", equalTo(3))
                .body("failedCount", equalTo(0))
                .body("driftCount", equalTo(0))
                .body("newerCount", equalTo(0))
                .body("lastApplied.version", equalTo("3"))
                .body("lastApplied.script", equalTo("V3__index_item_name.sql"))
                .body("lastApplied.installedOn", endsWith("Z"))
                .body("databaseVersion", equalTo(db.single("SHOW server_version")))
                .body("databaseReachable", equalTo(true))
                .body("problem", nullValue())
                .body("lockHolder", nullValue())
                .body("startupMigration", nullValue())
                // Stable shape: fields that do not apply are present as null.
                .body("$", hasKey("lockHolder"))
                .body("$", hasKey("startupMigration"));
        Instant installedOn = Instant.parse(response.path("lastApplied.installedOn"));
        assertThat(installedOn).isEqualTo(Instant.parse(db.single(
                "SELECT to_char(installed_on AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM flyway_schema_history WHERE version = '3'")));
        assertThat(Instant.parse(response.path("checkedAt"))).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void pendingValidateAndSqlOnAnUpToDateSchema() {
        asViewer().get("/admin/db/pending").then().statusCode(200)
                .body("count", equalTo(0)).body("migrations", equalTo(List.of()));
        asViewer().get("/admin/db/validate").then().statusCode(200)
                .body("valid", equalTo(true)).body("items", equalTo(List.of()));
        asViewer().get("/admin/db/sql").then().statusCode(200).contentType(startsWith("text/plain")).body(emptyString());
    }

    @Test
    void historyIsNewestFirstAndPaginated() {
        asViewer().get("/admin/db/history").then().statusCode(200)
                .body("entries.version", contains("3", "2", "1"))
                .body("limit", equalTo(20)).body("offset", equalTo(0)).body("total", equalTo(3));
        asViewer().get("/admin/db/history?limit=2").then().statusCode(200)
                .body("entries.version", contains("3", "2"))
                .body("entries[0].installedRank", equalTo(3))
                .body("entries[0].script", equalTo("V3__index_item_name.sql"))
                .body("entries[0].success", equalTo(true))
                .body("entries[0].installedBy", notNullValue())
                .body("entries[0].installedOn", endsWith("Z"))
                .body("entries[0].executionTimeMs", notNullValue())
                .body("total", equalTo(3));
        asViewer().get("/admin/db/history?limit=2&offset=2").then().statusCode(200)
                .body("entries.version", contains("1")).body("offset", equalTo(2));
        asViewer().get("/admin/db/history?offset=50").then().statusCode(200)
                .body("entries", equalTo(List.of())).body("total", equalTo(3));
    }

    @Test
    void upgradeOnAnUpToDateSchemaAppliesNothing() {
        asAdmin().post("/admin/db/upgrade").then().statusCode(200)
                .body("fromVersion", equalTo("3")).body("toVersion", equalTo("3"))
                .body("applied", equalTo(List.of())).body("totalTimeMs", equalTo(0));
        asAdmin().post("/admin/db/upgrade?target=3").then().statusCode(200)
                .body("applied", equalTo(List.of()));
        assertThat(TestDatabase.existing(database).appliedVersions()).containsExactly("1", "2", "3");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({ "GET, /admin/db/status", "GET, /admin/db/pending", "GET, /admin/db/history", "GET, /admin/db/validate",
            "GET, /admin/db/sql", "GET, /admin/db/audit", "POST, /admin/db/upgrade" })
    void authMatrix(String method, String path) {
        boolean adminOnly = method.equals("POST");
        expectUnauthorized(given().request(method, path));
        expectUnauthorized(given().auth().preemptive().basic(AdminApi.ADMIN_USER, "wrong").request(method, path));
        expectUnauthorized(given().auth().preemptive().basic("nobody", ADMIN_PASSWORD).request(method, path));
        // The viewer's password does not open the admin account, nor the other way round.
        expectUnauthorized(given().auth().preemptive().basic(AdminApi.ADMIN_USER, VIEWER_PASSWORD).request(method, path));

        Response viewer = asViewer().request(method, path);
        if (adminOnly) {
            viewer.then().statusCode(403).contentType(PROBLEM).body("status", equalTo(403));
        } else {
            viewer.then().statusCode(200);
        }
        asAdmin().request(method, path).then().statusCode(200);
    }

    private static void expectUnauthorized(Response response) {
        response.then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Basic realm="))
                .body("status", equalTo(401));
        assertThat(response.asString()).doesNotContain(ADMIN_PASSWORD).doesNotContain(VIEWER_PASSWORD);
    }

    /** Each bad request: 400 problem+json naming the problem, and nothing changes. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "GET  | /admin/db/history?limit=-1              | limit must be between 1 and 1000",
            "GET  | /admin/db/history?limit=0               | limit must be between 1 and 1000",
            "GET  | /admin/db/history?limit=abc             | limit must be a whole number",
            "GET  | /admin/db/history?limit=1000000         | limit must be between 1 and 1000",
            "GET  | /admin/db/history?limit=99999999999999999999 | limit must be a whole number",
            "GET  | /admin/db/history?limit=                | 'limit' has no value",
            "GET  | /admin/db/history?offset=-1             | offset must be between 0",
            "GET  | /admin/db/history?offset=1.5            | offset must be a whole number",
            "GET  | /admin/db/history?limit=1&limit=2       | 'limit' given 2 times",
            "GET  | /admin/db/audit?limit=0                 | limit must be between 1 and 1000",
            "GET  | /admin/db/audit?limit=abc               | limit must be a whole number",
            "GET  | /admin/db/audit?offset=-1               | offset must be between 0",
            "GET  | /admin/db/audit?offset=                 | 'offset' has no value",
            "GET  | /admin/db/audit?from=2024-01-01         | unknown query parameter(s) [from]",
            "GET  | /admin/db/history?page=2                | unknown query parameter(s) [page]",
            "GET  | /admin/db/status?verbose=true           | unknown query parameter(s) [verbose]",
            "GET  | /admin/db/pending?limit=1               | unknown query parameter(s) [limit]",
            "GET  | /admin/db/validate?fix=true             | unknown query parameter(s) [fix]",
            "GET  | /admin/db/sql?target=not-a-version      | is not a version",
            "GET  | /admin/db/sql?tagret=3                  | unknown query parameter(s) [tagret]",
            "GET  | /admin/db/sql?target=99                 | no migration of this code has version 99",
            "GET  | /admin/db/sql?target=2                  | below the current version 3",
            "POST | /admin/db/upgrade?target=not-a-version  | is not a version",
            "POST | /admin/db/upgrade?target=               | 'target' has no value",
            "POST | /admin/db/upgrade?target=2              | below the current version 3",
            "POST | /admin/db/upgrade?target=99             | no migration of this code has version 99",
            "POST | /admin/db/upgrade?targte=3              | unknown query parameter(s) [targte]",
            "POST | /admin/db/upgrade?target=3&target=4     | 'target' given 2 times" })
    void badInputIsA400ProblemAndChangesNothing(String method, String path, String detail) {
        List<String> before = TestDatabase.existing(database).catalog();
        asAdmin().request(method, path).then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400)).body("detail", containsString(detail));
        assertThat(TestDatabase.existing(database).catalog()).isEqualTo(before);
    }

    @Test
    void aBodyWhereNoneIsExpectedIsRefused() {
        List<String> before = TestDatabase.existing(database).catalog();
        asAdmin().contentType("application/json").body("{\"target\":\"3\"}").post("/admin/db/upgrade")
                .then().statusCode(400).contentType(PROBLEM).body("detail", equalTo("this endpoint takes no request body"));
        asAdmin().contentType("text/plain").body("upgrade").post("/admin/db/upgrade")
                .then().statusCode(400).contentType(PROBLEM);
        asViewer().contentType("application/json").body("{}").get("/admin/db/status")
                .then().statusCode(400).contentType(PROBLEM);
        assertThat(TestDatabase.existing(database).catalog()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({ "DELETE, /admin/db/status", "POST, /admin/db/status", "PUT, /admin/db/history", "POST, /admin/db/validate",
            "GET, /admin/db/upgrade", "PUT, /admin/db/upgrade", "DELETE, /admin/db/upgrade", "PATCH, /admin/db/sql" })
    void wrongMethodsAre405Problems(String method, String path) {
        asAdmin().request(method, path).then().statusCode(405).contentType(PROBLEM).body("status", equalTo(405));
    }

    @Test
    void anonymousBadInputIsRefusedBeforeItIsValidated() {
        given().get("/admin/db/history?limit=abc").then().statusCode(401).contentType(PROBLEM);
        given().post("/admin/db/upgrade?target=not-a-version").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void driftIsReportedItemisedAndAnUpgradeWithNothingToApplyToleratesIt() {
        TestDatabase db = TestDatabase.existing(database);
        String checksum = db.single("SELECT checksum::text FROM flyway_schema_history WHERE version = '2'");
        db.execute("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '2'");
        try {
            awaitStatus("state", "DRIFT");
            asViewer().get("/admin/db/status").then().body("driftCount", equalTo(1));
            asViewer().get("/admin/db/validate").then().statusCode(200)
                    .body("valid", equalTo(false))
                    .body("items.version", contains("2"))
                    .body("items[0].errorCode", equalTo("CHECKSUM_MISMATCH"))
                    .body("items[0].script", containsString("V2__add_item_description_and_updated_at.sql"))
                    .body("items[0].message", containsString("checksum"));

            List<String> before = db.catalog();
            // READINESS_MODE=compatible and nothing pending: drift is logged, not fatal (issue 12, item 2).
            asAdmin().post("/admin/db/upgrade").then().statusCode(200)
                    .body("fromVersion", equalTo("3")).body("toVersion", equalTo("3")).body("applied", empty());
            assertThat(db.catalog()).isEqualTo(before);
        } finally {
            db.execute("UPDATE flyway_schema_history SET checksum = " + checksum + " WHERE version = '2'");
        }
        awaitStatus("state", "UP_TO_DATE");
    }

    @Test
    void openApiDescribesEveryEndpointItsRoleAndErrors() {
        Response doc = given().get("/q/openapi?format=json");
        doc.then().statusCode(200)
                .body("components.securitySchemes.basic.type", equalTo("http"))
                .body("components.securitySchemes.basic.scheme", equalTo("basic"));
        for (String path : List.of("status", "pending", "history", "validate", "sql", "audit", "events", "me", "pending/sql")) {
            String op = "paths.'/admin/db/" + path + "'.get";
            doc.then().body(op + ".security[0].basic", contains("viewer", "admin"))
                    .body(op + ".responses", hasKey("200"))
                    .body(op + ".responses", hasKey("401"))
                    .body(op + ".responses", hasKey("400"));
        }
        String upgrade = "paths.'/admin/db/upgrade'.post";
        doc.then().body(upgrade + ".security[0].basic", contains("admin"))
                .body(upgrade + ".parameters.name", contains("target"));
        for (String status : List.of("200", "400", "401", "403", "409", "422", "500", "503")) {
            doc.then().body(upgrade + ".responses", hasKey(status));
        }
        doc.then().body(upgrade + ".responses.'409'.content", hasKey(PROBLEM));
        doc.then().body("components.schemas.DbStatus.properties", hasKey("lockHolder"))
                .body("components.schemas.DbStatus.properties", hasKey("progress"))
                .body("paths.'/admin/db/events'.get.responses.'200'.content", hasKey("text/event-stream"))
                .body("paths.'/admin/db/pending/sql'.get.responses", hasKey("404"));
        doc.then().body("paths.'/admin/db/audit'.get.parameters.name", contains("limit", "offset"))
                .body("components.schemas.AuditEntry.properties", hasKey("actor"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
