package com.example.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.example.service.testing.CommandResult;
import com.example.service.testing.MigrationFolder;
import com.example.service.testing.SchemaCatalog;
import com.example.service.testing.TestDatabase;

/** {@code db upgrade --all-or-nothing} of the packaged jar: one transaction for every pending migration, or nothing. */
class AllOrNothingUpgradeIT {

    private static final String HISTORY_ROWS = "SELECT installed_rank || ' ' || coalesce(version, '') || ' ' || checksum || ' ' || success"
            + " FROM flyway_schema_history ORDER BY installed_rank";

    @Test
    void appliesEveryPendingMigrationAndPrintsEachOnceCommitted() {
        try (TestDatabase database = TestDatabase.create(); MigrationFolder folder = fiveTables(null)) {
            Db db = Db.on(database).with("MIGRATION_LOCATIONS", folder.location());
            CommandResult upgrade = db.run("upgrade", "--all-or-nothing");
            assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
            List<String> lines = upgrade.stdout().lines().toList();
            assertThat(lines).hasSize(6);
            assertThat(lines.get(0)).matches("\\[1/5] V1 table 1 … \\d+ ms");
            assertThat(lines.get(5)).matches("Upgraded from none to 5: 5 migration\\(s\\) in \\d+ ms\\.");
            assertThat(database.appliedVersions()).containsExactly("1", "2", "3", "4", "5");
            assertThat(database.column("SELECT count(*)::text FROM pg_tables WHERE tablename LIKE 'group_%'")).containsExactly("5");
            // Audited like any upgrade: each migration counted.
            assertThat(upgrade.stderr()).contains("action=upgrade result=success", "migrations=5");
        }
    }

    @Test
    void aFailureInTheThirdOfFiveLeavesNoneOfThemAppliedAndNamesTheScript() {
        try (TestDatabase database = TestDatabase.create();
                MigrationFolder folder = fiveTables("SELECT * FROM no_such_table;\n")
                        .with("V0_1__before.sql", "CREATE TABLE before_group (id int);\n")) {
            Db db = Db.on(database).with("MIGRATION_LOCATIONS", folder.location());
            assertThat(db.run("upgrade", "--target", "0.1").exitCode()).isZero();
            List<String> history = database.column(HISTORY_ROWS);
            List<String> schema = SchemaCatalog.of(database);

            CommandResult upgrade = db.run("upgrade", "--all-or-nothing");
            assertThat(upgrade.exitCode()).as(upgrade.toString()).isEqualTo(1);
            assertThat(upgrade.stdout()).as("no migration of a rolled back group is reported applied").isEmpty();
            assertThat(upgrade.stderr().lines().filter(line -> !line.contains("[com.example.service.audit]")))
                    .singleElement().asString()
                    .contains("V3__table_3.sql", "42P01", "no_such_table", "whole group rolled back");

            assertThat(database.column(HISTORY_ROWS)).isEqualTo(history);
            assertThat(SchemaCatalog.of(database)).isEqualTo(schema);
            assertThat(db.run("check").exitCode()).as("nothing recorded as failed: the migrations are pending").isEqualTo(3);
        }
    }

    @Test
    void refusedWithExitCode2WhileANonTransactionalMigrationIsPending() {
        try (TestDatabase database = TestDatabase.create()) {
            Db db = Db.on(database);
            CommandResult refused = db.run("upgrade", "--all-or-nothing");
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
            assertThat(refused.stdout()).isEmpty();
            assertThat(refused.stderr().lines().filter(line -> !line.contains("[com.example.service.audit]")))
                    .singleElement().asString()
                    .contains("all-or-nothing upgrade refused", "V3__index_item_name.sql", "nothing was applied");
            assertThat(database.historyTableExists()).isFalse();
            assertThat(db.run("upgrade", "--all-or-nothing", "--json").json().get("exitCode").asInt()).isEqualTo(2);
            assertThat(db.run("upgrade", "--all-or-nothing", "--phase", "contract").exitCode()).isEqualTo(2);

            CommandResult beforeIt = db.run("upgrade", "--all-or-nothing", "--target", "2");
            assertThat(beforeIt.exitCode()).as("only the migrations up to the target count").isZero();
            assertThat(database.appliedVersions()).containsExactly("1", "2");
        }
    }

    @Test
    void sqlCallbacksRunAsFlywayRunsThem() {
        try (TestDatabase database = TestDatabase.create();
                MigrationFolder folder = fiveTables(null).with("afterEachMigrate.sql",
                        "CREATE TABLE IF NOT EXISTS callback_log (n int);\nINSERT INTO callback_log VALUES (1);\n")) {
            CommandResult upgrade = Db.on(database).with("MIGRATION_LOCATIONS", folder.location()).run("upgrade", "--all-or-nothing");
            assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
            assertThat(database.single("SELECT count(*)::text FROM callback_log")).isEqualTo("5");
            assertThat(database.appliedVersions()).containsExactly("1", "2", "3", "4", "5");
        }
    }

    @Test
    void aSchemaAdoptedAtThisUpgradeGetsOnlyTheMigrationsAboveItsBaseline() {
        try (TestDatabase database = TestDatabase.create(); MigrationFolder folder = fiveTables(null)) {
            database.execute("CREATE TABLE group_1 (id bigint PRIMARY KEY); CREATE TABLE group_2 (id bigint PRIMARY KEY)");
            CommandResult upgrade = Db.on(database).with("MIGRATION_LOCATIONS", folder.location())
                    .with("BASELINE_ON_MIGRATE", "true").with("BASELINE_VERSION", "2").run("upgrade", "--all-or-nothing");
            assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
            assertThat(database.column("SELECT coalesce(version, '-') || ' ' || type FROM flyway_schema_history ORDER BY installed_rank"))
                    .containsExactly("2 BASELINE", "3 SQL", "4 SQL", "5 SQL");
        }
    }

    /** V1 to V5, each creating a table; V3 runs {@code third} instead when given. */
    private static MigrationFolder fiveTables(String third) {
        MigrationFolder folder = MigrationFolder.create();
        for (int i = 1; i <= 5; i++) {
            folder.with("V" + i + "__table_" + i + ".sql",
                    i == 3 && third != null ? third : "CREATE TABLE group_" + i + " (id bigint PRIMARY KEY);\n");
        }
        return folder;
    }
}
