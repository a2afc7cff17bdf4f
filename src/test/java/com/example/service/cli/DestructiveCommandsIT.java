package com.example.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.example.service.testing.CommandResult;
import com.example.service.testing.MigrationFolder;
import com.example.service.testing.ServiceProcess;
import com.example.service.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;

/** reset, repair and downgrade: their refusals, and what they do when they run. */
@Execution(ExecutionMode.CONCURRENT) // each case has a database and folders of its own
class DestructiveCommandsIT {

    private static final String HAS_INDEX = "SELECT (to_regclass('item_name_idx') IS NOT NULL)::text";

    @Test
    void resetRefusesWithoutConfirmThenDropsEverythingAndMigrates() {
        try (TestDatabase database = TestDatabase.create()) {
            Db db = Db.on(database);
            database.upgrade();
            database.execute("INSERT INTO item (name) VALUES ('kept until reset')");

            CommandResult refused = db.run("reset");
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.stderr()).contains("reset refused without --confirm");
            assertThat(database.single("SELECT count(*) FROM item")).isEqualTo("1");

            CommandResult reset = db.run("reset", "--confirm");
            assertThat(reset.exitCode()).as(reset.toString()).isZero();
            assertThat(reset.stdout()).contains("[1/3] V1 create item", "Dropped everything in public.",
                    "Upgraded from none to 3");
            assertThat(database.single("SELECT count(*) FROM item")).isEqualTo("0");
            assertThat(database.appliedVersions()).containsExactly("1", "2", "3");
        }
    }

    @Test
    void inProductionResetRepairAndDowngradeRefuseUnlessAllowed() {
        try (TestDatabase database = TestDatabase.create()) {
            Db production = Db.on(database).with("APP_ENV", "production");
            assertThat(production.run("upgrade").exitCode()).as("upgrade is not destructive").isZero();
            database.execute("INSERT INTO item (name) VALUES ('precious')");

            for (String[] command : new String[][] { { "reset", "--confirm" }, { "repair", "--confirm" },
                    { "downgrade", "--steps", "1" } }) {
                CommandResult refused = production.run(command);
                assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
                assertThat(refused.stderr()).contains(command[0] + " refused: APP_ENV=production; add --allow-production");
            }
            JsonNode refusal = production.run("downgrade", "--steps", "1", "--json").json();
            assertThat(refusal.get("exitCode").asInt()).isEqualTo(2);
            assertThat(database.appliedVersions()).containsExactly("1", "2", "3");
            assertThat(database.single("SELECT count(*) FROM item")).isEqualTo("1");

            assertThat(production.run("repair", "--confirm", "--allow-production").exitCode()).isZero();
            assertThat(production.run("downgrade", "--steps", "1", "--allow-production").exitCode()).isZero();
            assertThat(database.appliedVersions()).containsExactly("1", "2");
            assertThat(production.run("reset", "--confirm", "--allow-production").exitCode()).isZero();
            assertThat(database.single("SELECT count(*) FROM item")).isEqualTo("0");
        }
    }

    @Test
    void downgradeUndoesNewestFirstAndUpgradeReappliesThem() {
        try (TestDatabase database = TestDatabase.create()) {
            Db db = Db.on(database);
            database.upgrade();

            CommandResult downgrade = db.run("downgrade", "--steps", "2", "--json");
            assertThat(downgrade.exitCode()).as(downgrade.toString()).isZero();
            JsonNode result = downgrade.json();
            assertThat(result.get("fromVersion").asText()).isEqualTo("3");
            assertThat(result.get("toVersion").asText()).isEqualTo("1");
            assertThat(result.get("undone").findValuesAsText("script"))
                    .containsExactly("U3__index_item_name.sql", "U2__add_item_description_and_updated_at.sql");
            assertThat(downgrade.stderr()).contains("[1/2] V3 index item name", "[2/2] V2 add item");
            assertThat(database.appliedVersions()).containsExactly("1");
            assertThat(database.single(HAS_INDEX)).isEqualTo("false");
            assertThat(db.run("pending", "--json").json().get("pending").findValuesAsText("version")).containsExactly("2", "3");

            assertThat(db.run("upgrade").exitCode()).isZero();
            assertThat(database.appliedVersions()).containsExactly("1", "2", "3");
            assertThat(database.single(HAS_INDEX)).isEqualTo("true");
        }
    }

    @Test
    void aMissingUndoScriptStopsTheWholeDowngradeAndIsNamed() {
        try (TestDatabase database = TestDatabase.create();
                MigrationFolder extra = MigrationFolder.create().with("V4__no_undo.sql", "CREATE TABLE no_undo (id int);\n")) {
            Db db = Db.on(database).withMigrations(extra);
            database.upgrade(extra.afterShipped());

            CommandResult downgrade = db.run("downgrade", "--steps", "2");
            assertThat(downgrade.exitCode()).as(downgrade.toString()).isEqualTo(1);
            assertThat(downgrade.stderr()).contains("no undo script for V4", "nothing was undone");
            assertThat(database.appliedVersions()).containsExactly("1", "2", "3", "4");
            assertThat(database.single(HAS_INDEX)).as("V3's undo did not run either").isEqualTo("true");
        }
    }

    /**
     * Issue 12, item 1: the undo script {@code db migrate} creates, or one left empty, is no undo: the
     * downgrade names it and refuses, instead of deleting the history row and leaving the change.
     */
    @Test
    void anUndoScriptThatIsEmptyOrOnlyCommentsCountsAsMissing() throws IOException {
        try (TestDatabase database = TestDatabase.create(); MigrationFolder project = MigrationFolder.create()) {
            Path migrations = Files.createDirectories(project.path().resolve("src/main/resources/db/migration"));
            try (Stream<Path> shipped = Files.list(Path.of("src/main/resources/db/migration"))) {
                for (Path script : shipped.toList()) {
                    Files.copy(script, migrations.resolve(script.getFileName()));
                }
            }
            CommandResult scaffold = ServiceProcess.run(project.path(), Db.on(database).env(),
                    ServiceProcess.jarCommand("db", "migrate", "-m", "add item price"));
            assertThat(scaffold.exitCode()).as(scaffold.toString()).isZero();
            Files.writeString(migrations.resolve("V4__add_item_price.sql"), "ALTER TABLE item ADD COLUMN price int;\n");
            Path undo = project.path().resolve("src/main/resources/db/undo/U4__add_item_price.sql");
            Db db = Db.on(database).with("MIGRATION_LOCATIONS", "filesystem:" + migrations)
                    .with("UNDO_LOCATIONS", "classpath:db/undo,filesystem:" + undo.getParent());
            database.upgrade("filesystem:" + migrations);

            for (String unwritten : new String[] { null, "", "  \n-- DROP the column later\n/* not /* yet */ */ ;\n" }) {
                if (unwritten != null) {
                    Files.writeString(undo, unwritten);
                }
                CommandResult downgrade = db.run("downgrade", "--steps", "1");
                assertThat(downgrade.exitCode()).as(downgrade.toString()).isEqualTo(1);
                assertThat(downgrade.stderr()).contains("U4__add_item_price.sql", "nothing was undone");
                assertThat(database.appliedVersions()).containsExactly("1", "2", "3", "4");
                assertThat(database.single("SELECT (count(*) = 1)::text FROM information_schema.columns"
                        + " WHERE table_name = 'item' AND column_name = 'price'")).isEqualTo("true");
            }

            Files.writeString(undo, "-- the real undo\nALTER TABLE item DROP COLUMN price;\n");
            CommandResult downgrade = db.run("downgrade", "--steps", "1");
            assertThat(downgrade.exitCode()).as(downgrade.toString()).isZero();
            assertThat(database.appliedVersions()).containsExactly("1", "2", "3");
            assertThat(db.run("upgrade").exitCode()).as("V4 applies again").isZero();
        }
    }

    @Test
    void aFailingUndoScriptIsRolledBackWithItsHistoryRow() {
        try (TestDatabase database = TestDatabase.create();
                MigrationFolder extra = MigrationFolder.create().with("V4__add_t4.sql", "CREATE TABLE t4 (id int);\n");
                MigrationFolder undo = MigrationFolder.create()
                        .with("U4__add_t4.sql", "DROP TABLE t4;\nSELECT * FROM no_such_table;\n")) {
            Db db = Db.on(database).withMigrations(extra).with("UNDO_LOCATIONS", "classpath:db/undo," + undo.location());
            database.upgrade(extra.afterShipped());

            CommandResult downgrade = db.run("downgrade", "--steps", "1");
            assertThat(downgrade.exitCode()).as(downgrade.toString()).isEqualTo(1);
            // Once as the command's error line; the audit's own structured line is the only other.
            assertThat(downgrade.stderr()).contains("[com.example.service.audit]", "schema change action=downgrade result=failure");
            assertThat(downgrade.stderr().lines().filter(line -> !line.contains("[com.example.service.audit]")))
                    .singleElement().asString()
                    .contains("V4", "U4__add_t4.sql", "42P01", "no_such_table");
            assertThat(database.appliedVersions()).containsExactly("1", "2", "3", "4");
            assertThat(database.single("SELECT (to_regclass('t4') IS NOT NULL)::text")).isEqualTo("true");
        }
    }

    @Test
    void stepsMustBeBetweenOneAndTheNumberApplied() {
        try (TestDatabase database = TestDatabase.create()) {
            Db db = Db.on(database);
            database.upgrade();
            CommandResult tooMany = db.run("downgrade", "--steps", "4");
            assertThat(tooMany.exitCode()).isEqualTo(2);
            assertThat(tooMany.stderr()).contains("only 3 versioned migration(s) are applied");
            assertThat(db.run("downgrade", "--steps", "0").exitCode()).isEqualTo(2);
            assertThat(database.appliedVersions()).containsExactly("1", "2", "3");
        }
    }
}
