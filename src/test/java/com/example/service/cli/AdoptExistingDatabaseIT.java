package com.example.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.example.service.testing.CommandResult;
import com.example.service.testing.ServiceProcess;
import com.example.service.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;

/** A schema that predates the service: db baseline, BASELINE_ON_MIGRATE, and where baseline refuses. */
class AdoptExistingDatabaseIT {

    private static final String HISTORY = "SELECT format('%s %s', version, type) FROM flyway_schema_history WHERE success ORDER BY installed_rank";

    @Test
    void aHandMadeSchemaIsBaselinedAndUpgradeAppliesOnlyTheLaterMigrations() {
        try (TestDatabase database = handMadeV1Schema()) {
            Db db = Db.on(database);
            CommandResult unadopted = db.run("upgrade");
            assertThat(unadopted.exitCode()).as("without a baseline Flyway will not touch it").isEqualTo(1);
            assertThat(unadopted.stderr()).contains("predates this service", "db baseline --version V", "BASELINE_ON_MIGRATE=true");
            assertThat(database.historyTableExists()).isFalse();

            CommandResult baseline = db.run("baseline", "--version", "1", "--json");
            assertThat(baseline.exitCode()).as(baseline.toString()).isZero();
            JsonNode report = baseline.json();
            assertThat(report.get("version").asText()).isEqualTo("1");
            assertThat(report.get("schema").asText()).isEqualTo("public");
            assertThat(database.column(HISTORY)).containsExactly("1 BASELINE");
            assertThat(database.single("SELECT count(*)::text FROM item")).as("data untouched").isEqualTo("1");

            CommandResult upgrade = db.run("upgrade");
            assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
            assertThat(upgrade.stdout()).contains("[1/2] V2 add item", "[2/2] V3 index item name").doesNotContain("V1 create item");
            assertThat(database.column(HISTORY)).containsExactly("1 BASELINE", "2 SQL", "3 SQL");
            assertThat(database.single("SELECT name FROM item")).isEqualTo("from before the service");
        }
    }

    @Test
    void baselineIsRefusedOnASchemaWithHistoryAndOnAnEmptyOne() {
        try (TestDatabase database = TestDatabase.create()) {
            Db db = Db.on(database);
            CommandResult empty = db.run("baseline", "--version", "1");
            assertThat(empty.exitCode()).as(empty.toString()).isEqualTo(2);
            // The command's error line once; the audit's structured line of the refusal is the only other.
            assertThat(empty.stderr()).contains("schema change action=baseline result=refused");
            assertThat(commandLines(empty)).singleElement().asString()
                    .contains("baseline refused: schema public has no tables", "db upgrade");
            assertThat(database.historyTableExists()).isFalse();

            database.upgrade();
            List<String> before = database.catalog();
            CommandResult refused = db.run("baseline", "--version", "3");
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
            assertThat(commandLines(refused)).singleElement().asString()
                    .contains("baseline refused: the schema already has a migration history (3 row(s)");
            JsonNode error = db.run("baseline", "--version", "3", "--json").json();
            assertThat(error.get("exitCode").asInt()).isEqualTo(2);
            assertThat(database.catalog()).isEqualTo(before);

            CommandResult notAVersion = db.run("baseline", "--version", "one");
            assertThat(notAVersion.exitCode()).isEqualTo(2);
            assertThat(notAVersion.stderr()).contains("'one' is not a version");
        }
    }

    @Test
    void withBaselineOnMigrateTheServiceAdoptsAPreExistingSchemaAndBecomesReady() {
        try (TestDatabase database = handMadeV1Schema()) {
            Map<String, String> env = ServiceProcess.environment(database.name());
            env.put("BASELINE_ON_MIGRATE", "true");
            env.put("BASELINE_VERSION", "1");
            try (ServiceProcess service = ServiceProcess.start(env)) {
                service.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(60));
                assertThat(service.get("/api/items").body()).contains("from before the service");
            }
            assertThat(database.column(HISTORY)).containsExactly("1 BASELINE", "2 SQL", "3 SQL");
        }
    }

    /** The shipped V1 run by hand, with a row in it: a database that existed before the service managed it. */
    private static TestDatabase handMadeV1Schema() {
        TestDatabase database = TestDatabase.create();
        try {
            database.execute(Files.readString(Path.of("src/main/resources/db/migration/V1__create_item.sql")));
        } catch (IOException e) {
            database.close();
            throw new IllegalStateException(e);
        }
        database.execute("INSERT INTO item (name) VALUES ('from before the service')");
        return database;
    }

    private static Stream<String> commandLines(CommandResult result) {
        return result.stderr().lines().filter(line -> !line.contains("[com.example.service.audit]"));
    }
}
