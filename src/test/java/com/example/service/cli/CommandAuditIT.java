package com.example.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.example.service.testing.CommandResult;
import com.example.service.testing.MigrationFolder;
import com.example.service.testing.TestDatabase;

/** Every schema-changing command writes one audit row and one audit log line, with the OS user and host. */
class CommandAuditIT {

    private static final String HOST = "ops-laptop-7";
    private static final String USER = System.getProperty("user.name");
    private static final String ROWS = """
            SELECT concat_ws(' ', entry_point, action, actor, host, coalesce(from_version, '-'), coalesce(to_version, '-'),
                             result, migrations)
              FROM example_service.schema_audit ORDER BY id
            """;

    @Test
    void upgradeDowngradeRepairAndResetAreAuditedAndResetKeepsTheAudit() {
        try (TestDatabase database = TestDatabase.create()) {
            Db db = Db.on(database).with("HOSTNAME", HOST);
            CommandResult upgrade = db.run("upgrade");
            assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
            assertThat(upgrade.stderr()).containsOnlyOnce("schema change action=upgrade result=success entry_point=cli actor="
                    + USER + " host=" + HOST + " from=- to=3 migrations=3 duration_ms=");

            CommandResult nothingToDo = db.run("upgrade");
            assertThat(nothingToDo.exitCode()).isZero();
            assertThat(nothingToDo.stderr()).doesNotContain("schema change");

            assertThat(db.run("downgrade", "--steps", "2").exitCode()).isZero();
            assertThat(db.run("repair", "--confirm").exitCode()).isZero();
            CommandResult reset = db.run("reset", "--confirm");
            assertThat(reset.exitCode()).as(reset.toString()).isZero();
            assertThat(reset.stderr()).contains("schema change action=reset result=success entry_point=cli actor=" + USER);

            assertThat(database.column(ROWS)).containsExactly(
                    "cli upgrade " + USER + " " + HOST + " - 3 success 3",
                    "cli downgrade " + USER + " " + HOST + " 3 1 success 2",
                    "cli repair " + USER + " " + HOST + " 1 1 success 0",
                    "cli reset " + USER + " " + HOST + " 1 3 success 3");
        }
    }

    @Test
    void aFailedUpgradeAndALockTimeoutAreAuditedAsSuch() throws Exception {
        try (TestDatabase database = TestDatabase.create();
                MigrationFolder extra = MigrationFolder.create().with("V4__broken.sql", "SELECT * FROM no_such_table;\n")) {
            Db db = Db.on(database).withMigrations(extra).with("HOSTNAME", HOST);
            CommandResult failed = db.run("upgrade");
            assertThat(failed.exitCode()).isEqualTo(1);
            assertThat(failed.stderr()).contains("schema change action=upgrade result=failure entry_point=cli actor=" + USER
                    + " host=" + HOST + " from=- to=3 migrations=4 ", "error=\"migration V4 (V4__broken.sql) failed");

            try (Connection other = database.connect(); Statement statement = other.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(1163087175, 1)");
                CommandResult refused = db.with("MIGRATION_LOCK_TIMEOUT", "1s").run("upgrade");
                assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(5);
                assertThat(refused.stderr()).contains("schema change action=upgrade result=refused entry_point=cli");
            }

            List<String> errors = database.column("SELECT result || ': ' || error FROM example_service.schema_audit ORDER BY id");
            assertThat(errors).hasSize(2);
            assertThat(errors.get(0)).startsWith("failure: migration V4 (V4__broken.sql) failed: SQL state 42P01");
            assertThat(errors.get(1)).startsWith("refused: timed out waiting for the migration lock");
            assertThat(database.column(ROWS)).containsExactly(
                    "cli upgrade " + USER + " " + HOST + " - 3 failure 4",
                    "cli upgrade " + USER + " " + HOST + " 3 3 refused 0");
        }
    }
}
