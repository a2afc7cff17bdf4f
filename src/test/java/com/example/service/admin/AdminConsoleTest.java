package com.example.service.admin;

import static com.example.service.admin.AdminApi.ADMIN_PASSWORD;
import static com.example.service.admin.AdminApi.ADMIN_USER;
import static com.example.service.admin.AdminApi.PROBLEM;
import static com.example.service.admin.AdminApi.VIEWER_PASSWORD;
import static com.example.service.admin.AdminApi.VIEWER_USER;
import static com.example.service.admin.AdminApi.asAdmin;
import static com.example.service.admin.AdminApi.asViewer;
import static com.example.service.admin.AdminApi.awaitStatus;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.example.service.testing.EventStream;
import com.example.service.testing.IsolatedDatabase;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * What the console at /admin/ stands on: the page behind the admin accounts with a strict
 * Content-Security-Policy, GET me, the SQL of one pending migration, and the live status of a REST
 * upgrade. The schema state refresh is an hour apart here: whatever status shows during the upgrade
 * comes from this instance's own upgrade, not from a refresh.
 */
@QuarkusTest
@WithTestResource(value = AdminDatabase.class, initArgs = {
        @ResourceArg(name = "migration.at-start", value = "false"),
        @ResourceArg(name = "migration.state-refresh", value = "1h"),
        @ResourceArg(name = IsolatedDatabase.SCRIPT + "V4__slow.sql", value = "SELECT pg_sleep(3);\n"),
        @ResourceArg(name = IsolatedDatabase.SCRIPT + "V5__also_slow.sql", value = "SELECT pg_sleep(2);\n") })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminConsoleTest {

    private static final Duration UPGRADE = Duration.ofSeconds(30);
    private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    @TestHTTPResource("/admin/db/events")
    URI events;

    @Test
    @Order(1)
    void theConsoleIsForTheAdminAccountsAndRunsOnlyItsOwnFiles() {
        for (String path : List.of("/admin/", "/admin/index.html", "/admin/assets/console.js", "/admin/assets/console.css")) {
            given().get(path).then().statusCode(401)
                    .header("WWW-Authenticate", startsWith("basic realm=\"example-service admin\""));
            given().auth().preemptive().basic(VIEWER_USER, "wrong").get(path).then().statusCode(401);
            asViewer().get(path).then().statusCode(200);
            asAdmin().get(path).then().statusCode(200);
        }
        Response page = asViewer().get("/admin/");
        page.then().contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("style-src 'self';"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
        assertThat(page.header("Content-Security-Policy")).doesNotContain("unsafe");
        String html = page.asString();
        assertThat(SCRIPT_TAG.matcher(html).results().map(m -> m.group()))
                .containsExactly("<script type=\"module\" src=\"assets/console.js\">");
        assertThat(html).doesNotContain("<style").doesNotContain("style=").doesNotContain("http://").doesNotContain("https://");
        asViewer().get("/admin/assets/console.js").then().contentType(containsString("javascript"));
        // The same headers on the 401 a browser sees first, and on the API the page calls.
        given().get("/admin/").then().header("Content-Security-Policy", containsString("default-src 'none'"));
        asViewer().get("/admin/db/status").then().header("Content-Security-Policy", containsString("default-src 'none'"));

        asViewer().redirects().follow(false).get("/admin").then().statusCode(301).header("Location", "admin/");
    }

    @Test
    @Order(2)
    void meNamesTheAccountAndWhetherItMayUpgrade() {
        asViewer().get("/admin/db/me").then().statusCode(200)
                .body("user", equalTo(VIEWER_USER)).body("roles", contains("viewer")).body("mayUpgrade", equalTo(false));
        asAdmin().get("/admin/db/me").then().statusCode(200)
                .body("user", equalTo(ADMIN_USER)).body("roles", contains("admin")).body("mayUpgrade", equalTo(true));
        given().get("/admin/db/me").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    @Order(3)
    void theSqlOfOnePendingMigrationAndOfNothingElse() {
        asViewer().get("/admin/db/pending/sql?script=V4__slow.sql").then().statusCode(200)
                .contentType(containsString("text/plain")).body(equalTo("SELECT pg_sleep(3);\n"));
        asViewer().get("/admin/db/pending/sql?script=V1__create_item.sql").then().statusCode(200)
                .body(containsString("CREATE TABLE item"));
        for (String other : List.of("V9__none.sql", "../../../../../../etc/passwd", "V4__slow.sql.conf")) {
            asViewer().queryParam("script", other).get("/admin/db/pending/sql").then().statusCode(404).contentType(PROBLEM)
                    .body("detail", containsString("no pending migration has the script"));
        }
        asViewer().get("/admin/db/pending/sql").then().statusCode(400).contentType(PROBLEM);
        given().get("/admin/db/pending/sql?script=V4__slow.sql").then().statusCode(401);
    }

    @Test
    @Order(4)
    void aRestUpgradeShowsMigratingWithKOfNAndTheLockHolderAtOnceInStatusAndTheEventStream() {
        given().get("/admin/db/events").then().statusCode(401).contentType(PROBLEM);
        try (EventStream stream = EventStream.open(events, VIEWER_USER, VIEWER_PASSWORD)) {
            JsonNode first = stream.await("first", Duration.ofSeconds(5), e -> true);
            assertThat(first.path("state").asText()).isEqualTo("PENDING");
            assertThat(first.path("pendingCount").asInt()).isEqualTo(5);
            assertThat(first.path("progress").isNull()).isTrue();
            asViewer().get("/admin/db/status").then().body("state", equalTo("PENDING")).body("progress", nullValue());

            CompletableFuture<Response> upgrade = CompletableFuture.supplyAsync(() -> asAdmin().post("/admin/db/upgrade"));
            JsonPath running = awaitStatus("progress.current", "V4__slow");
            assertThat(running.getString("state")).isEqualTo("MIGRATING");
            assertThat(running.getInt("progress.done")).isEqualTo(3);
            assertThat(running.getInt("progress.total")).isEqualTo(5);
            assertThat(running.getString("progress.since")).isNotNull();
            // With the refresh an hour apart, only the upgrade's own lock-taken refresh can name the holder now.
            assertThat(running.getString("lockHolder.applicationName")).startsWith("example-service/");
            assertThat(running.getString("startupMigration")).isNull();
            // A second upgrade refused meanwhile leaves the running one's progress alone.
            asAdmin().post("/admin/db/upgrade").then().statusCode(409);
            asViewer().get("/admin/db/status").then().body("state", equalTo("MIGRATING"))
                    .body("progress.current", equalTo("V4__slow")).body("progress.total", equalTo(5));

            upgrade.join().then().statusCode(200).body("applied.version", contains("1", "2", "3", "4", "5"));
            asViewer().get("/admin/db/status").then().body("state", equalTo("UP_TO_DATE"))
                    .body("progress", nullValue()).body("lockHolder", nullValue());

            stream.await("UP_TO_DATE", UPGRADE, e -> e.path("state").asText().equals("UP_TO_DATE"));
            List<JsonNode> seen = stream.events();
            assertThat(seen).anyMatch(e -> step(e, 3, "V4__slow")).anyMatch(e -> step(e, 4, "V5__also_slow"))
                    .anyMatch(e -> e.path("state").asText().equals("MIGRATING") && e.path("lockHolder").isObject());
            for (int i = 1; i < seen.size(); i++) {
                assertThat(seen.get(i)).as("event %d repeats the one before", i).isNotEqualTo(seen.get(i - 1));
            }
            JsonNode last = seen.get(seen.size() - 1);
            assertThat(last.path("state").asText()).isEqualTo("UP_TO_DATE");
            assertThat(last.path("currentVersion").asText()).isEqualTo("5");
            assertThat(last.path("progress").isNull()).isTrue();
        }
    }

    private static boolean step(JsonNode event, int done, String current) {
        return event.path("state").asText().equals("MIGRATING") && event.path("progress").path("done").asInt() == done
                && event.path("progress").path("total").asInt() == 5 && event.path("progress").path("current").asText().equals(current);
    }
}
