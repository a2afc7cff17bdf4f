package com.example.service.admin;

import static com.example.service.admin.AdminApi.PROBLEM;
import static com.example.service.admin.AdminApi.asAdmin;
import static com.example.service.admin.AdminApi.asViewer;
import static com.example.service.admin.AdminApi.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.example.service.migration.lock.MigrationLock;
import com.example.service.migration.state.SchemaStateCache;
import com.example.service.testing.IsolatedDatabase;
import com.example.service.testing.PostgresServer;
import com.example.service.testing.TestDatabase;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * One schema's life through the admin API, step by step: nothing migrates at start, so every change
 * is the API's. V4 sleeps (making two concurrent upgrades certain to overlap) and V5 fails half-way.
 */
@QuarkusTest
@WithTestResource(value = AdminDatabase.class, initArgs = {
        @ResourceArg(name = "migration.at-start", value = "false"),
        @ResourceArg(name = "migration.state-refresh", value = "200ms"),
        @ResourceArg(name = IsolatedDatabase.SCRIPT + "V4__slow.sql",
                value = "CREATE TABLE slow_done (id int);\nSELECT pg_sleep(" + AdminUpgradeTest.SLOW_SECONDS + ");\n"),
        @ResourceArg(name = IsolatedDatabase.SCRIPT + "V5__broken.sql",
                value = "CREATE TABLE half_done (id int);\nALTER TABLE item ADD COLUMN half_col int;\nSELECT * FROM no_such_table;\n") })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminUpgradeTest {

    static final int SLOW_SECONDS = 5;
    /** MigrationLock's key, as pg_advisory_lock takes it: another process migrating, as far as we can tell. */
    private static final String LOCK_KEY = "1163087175, 1";
    private static final String OTHER_HOLDER = "migration-job@elsewhere";

    @ConfigProperty(name = "test.database.name")
    String database;

    @Inject
    MigrationLock lock;

    @Inject
    SchemaStateCache cache;

    private TestDatabase db() {
        return TestDatabase.existing(database);
    }

    @Test
    @Order(1)
    void anEmptySchemaReportsEverythingPending() {
        awaitStatus("state", "PENDING");
        asViewer().get("/admin/db/status").then().statusCode(200)
                .body("currentVersion", nullValue())
                .body("latestKnownVersion", equalTo("5"))
                .body("pendingCount", equalTo(5))
                .body("appliedCount", equalTo(0))
                .body("lastApplied", nullValue());
        asViewer().get("/admin/db/pending").then().statusCode(200)
                .body("count", equalTo(5))
                .body("migrations.version", contains("1", "2", "3", "4", "5"))
                .body("migrations.script", contains("V1__create_item.sql", "V2__add_item_description_and_updated_at.sql",
                        "V3__index_item_name.sql", "V4__slow.sql", "V5__broken.sql"))
                .body("migrations.state", everyItem(equalTo("Pending")))
                .body("migrations.installedOn", everyItem(nullValue()));
        asViewer().get("/admin/db/history").then().statusCode(200)
                .body("entries", equalTo(List.of())).body("total", equalTo(0));
        asViewer().get("/admin/db/validate").then().statusCode(200).body("valid", equalTo(true));

        String sql = asViewer().get("/admin/db/sql").then().statusCode(200).extract().asString();
        assertThat(sql).contains("-- [1/5] V1__create_item.sql", "-- [5/5] V5__broken.sql", "pg_sleep", "no_such_table");
        String upToThree = asViewer().get("/admin/db/sql?target=3").then().statusCode(200).extract().asString();
        assertThat(upToThree).contains("-- [3/3] V3__index_item_name.sql").doesNotContain("V4__slow.sql");
        assertThat(db().historyTableExists()).isFalse();
    }

    @Test
    @Order(2)
    void upgradeToATargetAppliesUpToItAndTheStatusFollowsAtOnce() {
        asAdmin().post("/admin/db/upgrade?target=3").then().statusCode(200).contentType("application/json")
                .body("fromVersion", nullValue())
                .body("toVersion", equalTo("3"))
                .body("applied.version", contains("1", "2", "3"))
                .body("applied.script", contains("V1__create_item.sql", "V2__add_item_description_and_updated_at.sql",
                        "V3__index_item_name.sql"))
                .body("applied.executionTimeMs", everyItem(greaterThanOrEqualTo(0)))
                .body("totalTimeMs", greaterThanOrEqualTo(0));
        assertThat(db().appliedVersions()).containsExactly("1", "2", "3");
        // No waiting: the upgrade refreshed the cached state before it answered.
        asViewer().get("/admin/db/status").then()
                .body("state", equalTo("PENDING"))
                .body("currentVersion", equalTo("3"))
                .body("pendingCount", equalTo(2))
                .body("appliedCount", equalTo(3))
                .body("lastApplied.version", equalTo("3"));
        asViewer().get("/admin/db/pending").then().body("migrations.version", contains("4", "5"));
    }

    @Test
    @Order(3)
    void aTargetBelowTheCurrentVersionIsRefused() {
        List<String> before = db().catalog();
        // A refresh while this process holds the lock names it as the holder. The refused upgrade below
        // takes the lock and changes nothing, so no refresh follows it: its end must read the holder again.
        try (MigrationLock.Held held = lock.acquire(Duration.ZERO)) {
            assertThat(cache.refresh().state().orElseThrow().lockHolder()).isPresent();
        }
        asAdmin().post("/admin/db/upgrade?target=2").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:example-service:problem:invalid-target"))
                .body("detail", containsString("below the current version 3"));
        assertThat(cache.current().state().orElseThrow().lockHolder()).as("the holder once the refused upgrade ended").isEmpty();
        assertThat(db().catalog()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void whileAnotherSessionHoldsTheLockStatusNamesItAndUpgradeAnswers409() throws SQLException {
        List<String> before = db().catalog();
        PostgresServer server = PostgresServer.get();
        try (Connection other = DriverManager.getConnection(
                server.jdbcUrl(database) + "?ApplicationName=" + OTHER_HOLDER, server.user(), server.password());
                Statement statement = other.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");

            awaitStatus("state", "MIGRATING");
            asViewer().get("/admin/db/status").then()
                    .body("lockHolder.applicationName", equalTo(OTHER_HOLDER))
                    .body("lockHolder.pid", not(nullValue()))
                    .body("lockHolder.since", endsWith("Z"));
            asAdmin().post("/admin/db/upgrade").then().statusCode(409).contentType(PROBLEM)
                    .body("type", equalTo("urn:example-service:problem:migration-lock-held"))
                    .body("detail", containsString(OTHER_HOLDER))
                    .body("lockHolder.applicationName", equalTo(OTHER_HOLDER));
            assertThat(db().catalog()).isEqualTo(before);
        }
        awaitStatus("state", "PENDING");
        asViewer().get("/admin/db/status").then().body("lockHolder", nullValue());
    }

    @Test
    @Order(5)
    void ofTwoConcurrentUpgradesOneMigratesAndTheOtherGets409AtOnce() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        // A thread each: on 2 cores the common pool has one thread, where Java 25 (not 17) runs both, in turn.
        ExecutorService twoThreads = Executors.newFixedThreadPool(2);
        List<Timed> answers;
        try {
            CompletableFuture<Timed> first = CompletableFuture.supplyAsync(() -> upgradeTo4(start), twoThreads);
            CompletableFuture<Timed> second = CompletableFuture.supplyAsync(() -> upgradeTo4(start), twoThreads);
            start.countDown();
            answers = List.of(first.get(), second.get());
        } finally {
            twoThreads.shutdown();
        }
        Timed winner = answers.stream().filter(t -> t.response.statusCode() == 200).findFirst().orElseThrow(
                () -> new AssertionError("no upgrade succeeded: " + answers));
        Timed loser = answers.stream().filter(t -> t != winner).findFirst().orElseThrow();

        winner.response.then().body("fromVersion", equalTo("3")).body("toVersion", equalTo("4"))
                .body("applied.version", contains("4"))
                .body("applied[0].executionTimeMs", greaterThanOrEqualTo(SLOW_SECONDS * 1000));
        loser.response.then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:example-service:problem:migration-lock-held"))
                .body("detail", containsString("example-service/"))
                .body("lockHolder.applicationName", startsWith("example-service/"));
        // At once: the loser did not wait for the winner's migration.
        assertThat(loser.elapsed).isLessThan(Duration.ofSeconds(SLOW_SECONDS - 2));
        assertThat(winner.elapsed).isGreaterThanOrEqualTo(Duration.ofSeconds(SLOW_SECONDS));

        assertThat(db().appliedVersions()).containsExactly("1", "2", "3", "4");
        asViewer().get("/admin/db/status").then().body("currentVersion", equalTo("4")).body("lockHolder", nullValue());
    }

    @Test
    @Order(6)
    void aFailingMigrationAnswersItsSqlErrorAndLeavesTheSchemaExactlyAsBefore() {
        List<String> before = db().catalog();
        assertThat(before).anyMatch(line -> line.startsWith("column item.")).noneMatch(line -> line.contains("half"));

        asAdmin().post("/admin/db/upgrade").then().statusCode(500).contentType(PROBLEM)
                .body("type", equalTo("urn:example-service:problem:migration-failed"))
                .body("version", equalTo("5"))
                .body("script", equalTo("V5__broken.sql"))
                .body("sqlState", equalTo("42P01"))
                .body("sqlMessage", containsString("no_such_table"))
                .body("detail", containsString("V5"));

        assertThat(db().catalog()).isEqualTo(before);
        // Rolled back whole, so nothing is recorded as failed: V5 is simply still pending.
        asViewer().get("/admin/db/status").then()
                .body("state", equalTo("PENDING"))
                .body("currentVersion", equalTo("4"))
                .body("failedCount", equalTo(0))
                .body("pendingCount", equalTo(1));
        asViewer().get("/admin/db/pending").then().body("migrations.version", contains("5"));
    }

    private record Timed(Response response, Duration elapsed) {
    }

    private static Timed upgradeTo4(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long t0 = System.nanoTime();
        Response response = asAdmin().post("/admin/db/upgrade?target=4");
        return new Timed(response, Duration.ofNanos(System.nanoTime() - t0));
    }
}
