package com.example.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import com.example.service.testing.CommandResult;
import com.example.service.testing.MigrationFolder;
import com.example.service.testing.SchemaCatalog;
import com.example.service.testing.TestDatabase;

/**
 * The service applies transactional migrations in its own loop (migration/apply/DirectApply), one
 * transaction each by default or all in one: it must leave the schema and the history exactly as
 * Flyway's own loop does. Flyway's loop is what applies the reference: a SQL callback, which only
 * Flyway's loop runs, sends the upgrade there, and a no-op one changes nothing else.
 */
class FlywayParityIT {

    private static final String ROWS = "SELECT installed_rank || ' ' || coalesce(version, '-') || ' ' || description || ' ' || type || ' '"
            + " || script || ' ' || coalesce(checksum::text, '-') || ' ' || installed_by || ' ' || success"
            + " FROM flyway_schema_history ORDER BY installed_rank";
    private static final String NO_OP_CALLBACK = "beforeEachMigrate.sql";

    @Test
    void writesTheSchemaAndTheHistoryRowsThatFlywaysOwnLoopWrites() {
        UnaryOperator<MigrationFolder> scripts = folder -> folder
                .with("V1__first.sql", "CREATE TABLE first (id bigint PRIMARY KEY);\n")
                .with("V1_1__dotted_version.sql", "ALTER TABLE first ADD COLUMN owner text DEFAULT '${flyway:user}';\n")
                // A migration's session settings do not leak into the next one, as with Flyway.
                .with("V2__elsewhere.sql", "CREATE SCHEMA elsewhere;\nSET search_path TO elsewhere;\n"
                        + "CREATE TABLE moved (id int);\n")
                .with("V3.sql", "CREATE TABLE back_in_public (id int);\n")
                .with("R__first_view.sql", "CREATE OR REPLACE VIEW first_view AS SELECT id, owner FROM first;\n");
        try (TestDatabase flyways = TestDatabase.create(); TestDatabase oneByOne = TestDatabase.create();
                TestDatabase grouped = TestDatabase.create(); MigrationFolder folder = scripts.apply(MigrationFolder.create());
                MigrationFolder reference = scripts.apply(MigrationFolder.create()).with(NO_OP_CALLBACK, "SELECT 1;\n")) {
            assertThat(on(flyways, reference).run("upgrade").exitCode()).isZero();
            CommandResult each = on(oneByOne, folder).run("upgrade");
            assertThat(each.exitCode()).as(each.toString()).isZero();
            CommandResult group = on(grouped, folder).run("upgrade", "--all-or-nothing");
            assertThat(group.exitCode()).as(group.toString()).isZero();
            assertThat(group.stdout()).contains("[5/5] R__first_view.sql first view", "Upgraded from none to 3: 5 migration(s)");

            for (TestDatabase ours : new TestDatabase[] {oneByOne, grouped}) {
                assertThat(ours.column(ROWS)).hasSize(5).isEqualTo(flyways.column(ROWS));
                assertThat(SchemaCatalog.of(ours)).contains("table back_in_public BASE TABLE").isEqualTo(SchemaCatalog.of(flyways));
                assertThat(ours.single("SELECT column_default FROM information_schema.columns WHERE table_name = 'first' AND column_name = 'owner'"))
                        .as("Flyway's placeholders replaced").doesNotContain("${");
                assertThat(ours.single("SELECT table_schema FROM information_schema.tables WHERE table_name = 'moved'"))
                        .isEqualTo("elsewhere");
            }
        }
    }

    @Test
    void aFailureInTheThirdOfFiveKeepsTheTwoBeforeItAsFlywaysOwnLoopDoes() {
        UnaryOperator<MigrationFolder> scripts = folder -> {
            for (int i = 1; i <= 5; i++) {
                folder.with("V" + i + "__table_" + i + ".sql",
                        i == 3 ? "CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;\n" : "CREATE TABLE t_" + i + " (id int);\n");
            }
            return folder;
        };
        try (TestDatabase flyways = TestDatabase.create(); TestDatabase ours = TestDatabase.create();
                MigrationFolder folder = scripts.apply(MigrationFolder.create());
                MigrationFolder reference = scripts.apply(MigrationFolder.create()).with(NO_OP_CALLBACK, "SELECT 1;\n")) {
            assertThat(on(flyways, reference).run("upgrade").exitCode()).isEqualTo(1);
            CommandResult upgrade = on(ours, folder).run("upgrade");
            assertThat(upgrade.exitCode()).as(upgrade.toString()).isEqualTo(1);
            assertThat(upgrade.stdout().lines()).as("the two committed are reported").hasSize(2);
            assertThat(upgrade.stderr().lines().filter(line -> !line.contains("[com.example.service.audit]")))
                    .singleElement().asString()
                    .contains("V3__table_3.sql", "42P01", "no_such_table").doesNotContain("group");

            assertThat(ours.appliedVersions()).containsExactly("1", "2");
            assertThat(ours.column(ROWS)).isEqualTo(flyways.column(ROWS));
            assertThat(SchemaCatalog.of(ours)).as("the failing migration's own table rolled back").isEqualTo(SchemaCatalog.of(flyways))
                    .noneMatch(line -> line.contains("half_done"));
            assertThat(on(ours, folder).run("check").exitCode())
                    .as("nothing recorded as failed: the rest is pending").isEqualTo(3);
        }
    }

    /** The {@code db} commands on {@code database} with {@code folder}'s migrations only. */
    private static Db on(TestDatabase database, MigrationFolder folder) {
        return Db.on(database).with("MIGRATION_LOCATIONS", folder.location());
    }
}
