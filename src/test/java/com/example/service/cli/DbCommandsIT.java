package com.example.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.example.service.testing.CommandResult;
import com.example.service.testing.MigrationFolder;
import com.example.service.testing.SchemaCatalog;
import com.example.service.testing.ServiceProcess;
import com.example.service.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;

/** The read and upgrade commands of the packaged jar: output, --json and every exit code they can give. */
@Execution(ExecutionMode.CONCURRENT) // each case has a database and ports of its own
class DbCommandsIT {

    private static final String HISTORY_ROWS = "SELECT installed_rank || ' ' || coalesce(version, '') || ' ' || checksum || ' ' || success"
            + " FROM flyway_schema_history ORDER BY installed_rank";

    @Test
    void checkUpgradeCurrentPendingAndHistoryOnAFreshDatabase() {
        try (TestDatabase database = TestDatabase.create()) {
            Db db = Db.on(database);

            CommandResult check = db.run("check");
            assertThat(check.exitCode()).as(check.toString()).isEqualTo(3);
            assertThat(check.stdout()).contains("NOT current", "pending V1__create_item", "pending V3__index_item_name");
            assertThat(check.stderr()).as("command mode logs nothing but warnings by default").isBlank();
            JsonNode checkJson = db.run("check", "--json").json();
            assertThat(checkJson.get("exitCode").asInt()).isEqualTo(3);
            assertThat(checkJson.get("current").asBoolean()).isFalse();
            assertThat(checkJson.get("pending")).hasSize(3);
            assertThat(db.run("pending", "--json").json().get("pending").findValuesAsText("version"))
                    .containsExactly("1", "2", "3");

            CommandResult upgrade = db.run("upgrade");
            assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
            assertThat(upgrade.stdout().lines().toList()).satisfiesExactly(
                    l -> assertThat(l).matches("\\[1/3] V1 create item … \\d+ ms"),
                    l -> assertThat(l).matches("\\[2/3] V2 add item description and updated at … \\d+ ms"),
                    l -> assertThat(l).matches("\\[3/3] V3 index item name … \\d+ ms"),
                    l -> assertThat(l).matches("Upgraded from none to 3: 3 migration\\(s\\) in \\d+ ms\\."));
            assertThat(database.appliedVersions()).containsExactly("1", "2", "3");

            assertThat(db.run("check").exitCode()).isZero();
            JsonNode current = db.run("current", "--json").json();
            assertThat(current.get("currentVersion").asText()).isEqualTo("3");
            assertThat(current.get("current").asBoolean()).isTrue();
            assertThat(current.get("mode").asText()).isEqualTo("compatible");
            assertThat(db.run("pending").stdout()).isEqualTo("Nothing pending.\n");

            JsonNode history = db.run("history", "--json").json();
            assertThat(history.get("total").asInt()).isEqualTo(3);
            assertThat(history.get("entries").findValuesAsText("version")).containsExactly("3", "2", "1");
            assertThat(db.run("history", "--limit", "1").stdout()).contains("index item name", "(1 of 3 rows)")
                    .doesNotContain("create item");

            CommandResult again = db.run("upgrade");
            assertThat(again.exitCode()).isZero();
            assertThat(again.stdout()).isEqualTo("Schema current at version 3: nothing to apply.\n");
        }
    }

    @Test
    void upgradeWithJsonPrintsOneDocumentAndItsProgressOnStderr() {
        try (TestDatabase database = TestDatabase.create()) {
            CommandResult upgrade = Db.on(database).run("upgrade", "--target", "2", "--json");
            assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
            JsonNode result = upgrade.json();
            assertThat(result.get("toVersion").asText()).isEqualTo("2");
            assertThat(result.get("applied").findValuesAsText("script"))
                    .containsExactly("V1__create_item.sql", "V2__add_item_description_and_updated_at.sql");
            assertThat(upgrade.stderr()).contains("[1/2] V1 create item", "[2/2] V2 add item description");
            assertThat(database.appliedVersions()).containsExactly("1", "2");
        }
    }

    @Test
    void sqlPrintsThePendingScriptsInOrderAndChangesNothing() {
        try (TestDatabase database = TestDatabase.create()) {
            Db db = Db.on(database);
            assertThat(db.run("upgrade", "--target", "1").exitCode()).isZero();
            List<String> history = database.column(HISTORY_ROWS);
            List<String> schema = SchemaCatalog.of(database);

            CommandResult sql = db.run("sql");
            assertThat(sql.exitCode()).as(sql.toString()).isZero();
            String text = sql.stdout();
            assertThat(text).startsWith("-- [1/2] V2__add_item_description_and_updated_at.sql (version 2)")
                    .contains("ALTER TABLE item ADD COLUMN description TEXT;", "CREATE INDEX CONCURRENTLY");
            assertThat(text.indexOf("-- [2/2] V3__index_item_name.sql")).isGreaterThan(text.indexOf("ADD COLUMN description"));
            assertThat(db.run("sql", "--json").json().get("sql").asText().strip()).isEqualTo(text.strip());
            assertThat(db.run("sql", "--target", "2").stdout()).contains("V2__").doesNotContain("V3__");
            // Issue 12, item 6: the target is checked as upgrade checks it, and V2 and V3 are still pending.
            CommandResult upToCurrent = db.run("sql", "--target", "1");
            assertThat(upToCurrent.exitCode()).as(upToCurrent.toString()).isZero();
            assertThat(upToCurrent.stdout()).contains("nothing to apply up to version 1").doesNotContain("no pending migrations");
            CommandResult unknown = db.run("sql", "--target", "99");
            assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(2);
            assertThat(unknown.stderr()).contains("no migration of this code has version 99");

            assertThat(database.column(HISTORY_ROWS)).isEqualTo(history);
            assertThat(SchemaCatalog.of(database)).isEqualTo(schema);

            assertThat(db.run("upgrade").exitCode()).isZero();
            assertThat(db.run("sql").stdout()).isEqualTo("-- nothing to apply: no pending migrations\n");
        }
    }

    @Test
    void infoMasksThePasswordAndInitTestsTheConnection() {
        try (TestDatabase database = TestDatabase.create()) {
            CommandResult info = Db.on(database).with("DB_PASSWORD", "s3cret-never-printed").run("info");
            assertThat(info.exitCode()).isZero();
            assertThat(info.stdout()).contains("password:            ****", database.name())
                    .doesNotContain("s3cret-never-printed");
            JsonNode infoJson = Db.on(database).with("DB_PASSWORD", "s3cret-never-printed").run("info", "--json").json();
            assertThat(infoJson.get("password").asText()).isEqualTo("****");
            assertThat(infoJson.get("jdbcUrl").asText()).endsWith("/" + database.name());
            assertThat(infoJson.get("undoLocations").get(0).asText()).isEqualTo("classpath:db/undo");

            CommandResult init = Db.on(database).run("init", "--json");
            assertThat(init.exitCode()).as(init.toString()).isZero();
            assertThat(init.json().get("serverVersion").asText()).isEqualTo(database.single("SHOW server_version"));
        }
    }

    @Test
    void anUnreachableDatabaseIsExitCode1WithOneLineAndAJsonErrorObject() {
        try (TestDatabase database = TestDatabase.create()) {
            Db nowhere = Db.on(database).with("DB_PORT", String.valueOf(ServiceProcess.freePort()))
                    .with("DB_PASSWORD", "s3cret-never-printed");
            CommandResult init = nowhere.run("init");
            assertThat(init.exitCode()).as(init.toString()).isEqualTo(1);
            assertThat(init.stdout()).isEmpty();
            assertThat(init.stderr().lines()).singleElement().asString()
                    .startsWith("error: database not reachable").doesNotContain("s3cret-never-printed");

            CommandResult json = nowhere.run("check", "--json");
            assertThat(json.exitCode()).isEqualTo(1);
            assertThat(json.json().get("exitCode").asInt()).isEqualTo(1);
            assertThat(json.json().get("error").asText()).startsWith("database not reachable");
            assertThat(json.json().size()).isEqualTo(2);
        }
    }

    @Test
    void validateReportsDriftWhichOnlyAStrictCheckRefusesAndRepairRealigns() {
        try (TestDatabase database = TestDatabase.create()) {
            Db db = Db.on(database);
            database.upgrade();
            assertThat(db.run("validate").stdout()).startsWith("Valid");
            database.execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '2'");

            CommandResult validate = db.run("validate", "--json");
            assertThat(validate.exitCode()).isEqualTo(4);
            assertThat(validate.json().get("valid").asBoolean()).isFalse();
            assertThat(validate.json().get("drift").findValuesAsText("version")).containsExactly("2");
            assertThat(db.run("check").exitCode()).as("compatible tolerates drift").isZero();
            assertThat(db.run("check", "--strict").exitCode()).isEqualTo(4);
            assertThat(db.with("READINESS_MODE", "strict").run("check").exitCode()).isEqualTo(4);

            CommandResult refused = db.run("repair");
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.stderr()).contains("repair refused without --confirm");
            assertThat(db.run("validate").exitCode()).isEqualTo(4);

            CommandResult repair = db.run("repair", "--confirm", "--json");
            assertThat(repair.exitCode()).as(repair.toString()).isZero();
            assertThat(repair.json().get("aligned").findValuesAsText("version")).containsExactly("2");
            assertThat(db.run("validate").exitCode()).isZero();
            assertThat(db.run("check", "--strict").exitCode()).isZero();
        }
    }

    @Test
    void aFailedMigrationIsExitCode1ThenBlocksWith4UntilRepaired() {
        try (TestDatabase database = TestDatabase.create();
                MigrationFolder extra = MigrationFolder.create()
                        .with("V4__broken.sql", "CREATE INDEX CONCURRENTLY broken_idx ON no_such_table (x);\n")
                        .with("V4__broken.sql.conf", "executeInTransaction=false\n")) {
            Db db = Db.on(database).withMigrations(extra);
            CommandResult upgrade = db.run("upgrade");
            assertThat(upgrade.exitCode()).as(upgrade.toString()).isEqualTo(1);
            // Once as the command's error line; the audit's own structured line is the only other.
            assertThat(upgrade.stderr()).contains("[com.example.service.audit]", "schema change action=upgrade result=failure");
            assertThat(upgrade.stderr().lines().filter(line -> !line.contains("[com.example.service.audit]")))
                    .singleElement().asString()
                    .contains("V4", "V4__broken.sql", "42P01", "no_such_table");
            assertThat(upgrade.stdout()).contains("[3/4] V3 index item name");

            assertThat(db.run("check").exitCode()).as("a failed migration is recorded").isEqualTo(4);
            CommandResult blocked = db.run("upgrade", "--json");
            assertThat(blocked.exitCode()).isEqualTo(4);
            assertThat(blocked.json().get("exitCode").asInt()).isEqualTo(4);
            assertThat(blocked.json().get("error").asText()).contains("validation failed");

            CommandResult repair = db.run("repair", "--confirm");
            assertThat(repair.exitCode()).as(repair.toString()).isZero();
            assertThat(repair.stdout()).contains("removed failed: V4__broken");
            assertThat(db.run("check").exitCode()).isEqualTo(3);
        }
    }

    @Test
    void targetsThatAreNotVersionsOfThisCodeAreUsageErrors() {
        try (TestDatabase database = TestDatabase.create()) {
            Db db = Db.on(database);
            assertThat(db.run("upgrade", "--target", "abc").exitCode()).isEqualTo(2);
            CommandResult unknown = db.run("upgrade", "--target", "99", "--json");
            assertThat(unknown.exitCode()).isEqualTo(2);
            assertThat(unknown.json().get("exitCode").asInt()).isEqualTo(2);
            assertThat(unknown.json().get("error").asText()).contains("99");
            assertThat(database.historyTableExists()).isFalse();
        }
    }

    @Test
    void upgradeTimesOutWith5WhileAnotherSessionHoldsTheMigrationLock() throws Exception {
        try (TestDatabase database = TestDatabase.create(); Connection holder = database.connect();
                Statement statement = holder.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + 0x45534d47 + ", 1)");
            CommandResult upgrade = Db.on(database).with("MIGRATION_LOCK_TIMEOUT", "2s").run("upgrade");
            assertThat(upgrade.exitCode()).as(upgrade.toString()).isEqualTo(5);
            assertThat(upgrade.stderr()).contains("timed out waiting for the migration lock");
            assertThat(database.historyTableExists()).isFalse();
        }
    }

    @Test
    void waitForTheDatabaseAndForTheSchema() {
        try (TestDatabase database = TestDatabase.create()) {
            Db db = Db.on(database);
            CommandResult reachable = db.run("wait", "--json");
            assertThat(reachable.exitCode()).as(reachable.toString()).isZero();
            assertThat(reachable.json().get("until").asText()).isEqualTo("reachable");

            CommandResult nowhere = db.with("DB_PORT", String.valueOf(ServiceProcess.freePort()))
                    .run("wait", "--until", "reachable", "--timeout", "2s");
            assertThat(nowhere.exitCode()).as(nowhere.toString()).isEqualTo(5);
            assertThat(nowhere.stderr()).contains("error: database still not reachable after 2 s (--timeout 2s)");

            CommandResult pending = db.run("wait", "--until", "current", "--timeout", "2s");
            assertThat(pending.exitCode()).isEqualTo(5);
            assertThat(pending.stderr()).contains("schema not current (compatible) within 2 s: status PENDING");

            assertThat(db.run("wait", "--timeout", "soon").exitCode()).isEqualTo(2);

            try (ServiceProcess waiting = ServiceProcess.start(db.env(), "db", "wait", "--until", "current", "--timeout", "2m")) {
                ServiceProcess.sleep(2000);
                assertThat(waiting.isAlive()).as("still waiting while migrations are pending").isTrue();
                assertThat(db.run("upgrade").exitCode()).isZero();
                assertThat(waiting.awaitExit(Duration.ofSeconds(60))).isZero();
                assertThat(waiting.output()).contains("Schema current at version 3 (UP_TO_DATE)");
            }
        }
    }

    @Test
    void underStrictAMigrationNewerThanThisCodeIsNotCurrent() {
        try (TestDatabase database = TestDatabase.create();
                MigrationFolder newer = MigrationFolder.create().with("V4__newer.sql", "CREATE TABLE newer (id int);\n")) {
            Db db = Db.on(database);
            database.upgrade(newer.afterShipped());

            CommandResult compatible = db.run("check", "--json");
            assertThat(compatible.exitCode()).isZero();
            assertThat(compatible.json().get("futureCount").asInt()).isEqualTo(1);
            assertThat(db.run("check", "--strict").exitCode()).isEqualTo(4);
            assertThat(db.run("wait", "--until", "current", "--strict", "--timeout", "1s").exitCode()).isEqualTo(5);
        }
    }

    @Test
    void usageErrorsAreExitCode2() {
        try (TestDatabase database = TestDatabase.create()) {
            Db db = Db.on(database);
            CommandResult bare = db.run();
            assertThat(bare.exitCode()).isEqualTo(2);
            assertThat(bare.stderr()).contains("missing command", "upgrade", "Try 'example-service db --help'");
            assertThat(db.run("frobnicate").exitCode()).isEqualTo(2);
            assertThat(db.run("history", "--limit", "0").exitCode()).isEqualTo(2);
            CommandResult noSteps = db.run("downgrade", "--json");
            assertThat(noSteps.exitCode()).isEqualTo(2);
            assertThat(noSteps.json().get("exitCode").asInt()).isEqualTo(2);
            assertThat(noSteps.json().get("error").asText()).contains("--steps");
        }
    }
}
