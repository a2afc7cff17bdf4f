package com.example.service.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.service.testing.CommandResult;
import com.example.service.testing.MigrationFolder;
import com.example.service.testing.PostgresServer;
import com.example.service.testing.ServiceProcess;
import com.example.service.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two releases of the packaged jar on one database, as in a rolling deploy: the new release applies
 * its expand migrations and serves while its contract migration waits for the old release to leave.
 * The new release is docs/zero-downtime.md's rename, with a later expand migration after it.
 */
class ExpandContractIT {

    private static final Example EXAMPLE = new Example(Path.of("docs/examples/rename-column"));

    private static final Duration START = Duration.ofSeconds(90);
    private static final String COLUMNS = "SELECT column_name FROM information_schema.columns WHERE table_name = 'item'";

    @Test
    void theContractPhaseWaitsForTheOldReleaseThenAppliesOutOfOrderAndValidates() {
        try (TestDatabase db = TestDatabase.create();
                MigrationFolder later = MigrationFolder.create()
                        .with("V7__add_item_tags.sql", "ALTER TABLE item ADD COLUMN tags text[];\n")) {
            Map<String, String> newRelease = ServiceProcess.environment(db.name());
            newRelease.put("MIGRATION_LOCATIONS", "classpath:db/migration," + EXAMPLE.location("migration") + "," + later.location());
            newRelease.put("CONTRACT_LOCATIONS", EXAMPLE.location("contract"));
            newRelease.put("UNDO_LOCATIONS", "classpath:db/undo," + EXAMPLE.location("undo"));
            newRelease.put("HOSTNAME", "new-release");
            Map<String, String> oldRelease = ServiceProcess.environment(db.name());
            oldRelease.put("HOSTNAME", "old-release");

            try (ServiceProcess newer = ServiceProcess.start(newRelease)) {
                newer.awaitStatus("/q/health/ready", 200, START);
                assertThat(db.appliedVersions()).as("expand only at startup").containsExactly("1", "2", "3", "4", "5", "7");

                try (ServiceProcess older = ServiceProcess.start(oldRelease)) {
                    older.awaitStatus("/q/health/ready", 200, START);
                    assertThat(newer.status("/q/health/ready")).as("a pending contract migration never makes unready")
                            .isEqualTo(200);

                    assertThat(run(newRelease, "check").exitCode()).isZero();
                    JsonNode pending = run(newRelease, "pending", "--json").json().path("pending");
                    assertThat(pending).hasSize(1);
                    assertThat(pending.get(0).path("version").asText()).isEqualTo("6");
                    assertThat(pending.get(0).path("phase").asText()).isEqualTo("contract");
                    assertThat(pending.get(0).path("state").asText()).isEqualTo("Pending");
                    JsonNode current = run(newRelease, "current", "--json").json();
                    assertThat(current.path("contractBlockedBy").findValuesAsText("applicationName"))
                            .containsExactly("example-service/3@old-release");

                    CommandResult refused = run(newRelease, "upgrade", "--phase", "contract", "--wait", "5s");
                    assertThat(refused.exitCode()).as(refused.stderr()).isEqualTo(5);
                    assertThat(refused.stderr()).contains("example-service/3@old-release", "nothing was changed");
                    assertThat(db.appliedVersions()).containsExactly("1", "2", "3", "4", "5", "7");
                    assertThat(db.column(COLUMNS)).contains("description");
                    db.execute("INSERT INTO item (name, description) VALUES ('written by release 1', 'old column')");
                    assertThat(db.single("SELECT details FROM item WHERE name = 'written by release 1'"))
                            .as("the expand trigger keeps the new column in step").isEqualTo("old column");

                    CommandResult forced = run(newRelease, "upgrade", "--phase", "contract", "--force");
                    assertThat(forced.exitCode()).as(forced.stderr()).isZero();
                    assertThat(db.single("SELECT action FROM example_service.schema_audit ORDER BY id DESC LIMIT 1"))
                            .isEqualTo("contract-forced");
                    CommandResult undone = run(newRelease, "downgrade", "--steps", "1");
                    assertThat(undone.exitCode()).as(undone.stderr()).isZero();
                    assertThat(db.appliedVersions()).as("downgrade undoes the contract migration, newest first")
                            .containsExactly("1", "2", "3", "4", "5", "7");
                }

                CommandResult applied = run(newRelease, "upgrade", "--phase", "contract", "--wait", "30s", "--json");
                assertThat(applied.exitCode()).as(applied.stderr()).isZero();
                assertThat(applied.json().path("toVersion").asText()).isEqualTo("7");
                assertThat(db.column("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
                        .as("applied out of order, after the later expand migration").endsWith("7", "6");
                assertThat(db.column(COLUMNS)).doesNotContain("description").contains("details", "tags");
                assertThat(db.single("SELECT details FROM item WHERE name = 'written by release 1'")).isEqualTo("old column");
                assertThat(run(newRelease, "validate").exitCode()).isZero();
                JsonNode newest = run(newRelease, "history", "--json").json().path("entries").get(0);
                assertThat(newest.path("version").asText()).isEqualTo("6");
                assertThat(newest.path("phase").asText()).isEqualTo("contract");
                assertThat(newer.status("/q/health/ready")).isEqualTo(200);
            }
        }
    }

    @Test
    void lintJudgesABreakingChangeByItsPhase() {
        String drop = "ALTER TABLE item DROP COLUMN description;\n";
        try (TestDatabase db = TestDatabase.create();
                MigrationFolder expand = MigrationFolder.create().with("V4__drop_item_description.sql", drop);
                MigrationFolder contract = MigrationFolder.create().with("V4__drop_item_description.sql", drop)) {
            PostgresServer server = PostgresServer.get();
            Map<String, String> env = ServiceProcess.environment(db.name());
            env.put("LINT_SERVER_URL", server.jdbcUrl("postgres"));
            env.put("LINT_SERVER_USER", server.user());
            if (server.password() != null) {
                env.put("LINT_SERVER_PASSWORD", server.password());
            }

            env.put("MIGRATION_LOCATIONS", expand.afterShipped());
            CommandResult inExpand = run(env, "lint", "--all", "--json");
            assertThat(inExpand.exitCode()).as(inExpand.stderr()).isEqualTo(6);
            assertThat(inExpand.json().path("findings").findValuesAsText("rule")).contains("drop-column");

            env.put("MIGRATION_LOCATIONS", "classpath:db/migration");
            env.put("CONTRACT_LOCATIONS", contract.location());
            CommandResult inContract = run(env, "lint", "--all", "--json");
            assertThat(inContract.exitCode()).as(inContract.stderr()).isZero();
            assertThat(inContract.json().path("findings").findValuesAsText("rule")).doesNotContain("drop-column");
        }
    }

    /** A folder of the worked example, with its migration, contract and undo scripts. */
    private record Example(Path dir) {

        String location(String kind) {
            return "filesystem:" + dir.resolve(kind).toAbsolutePath();
        }
    }

    private static CommandResult run(Map<String, String> env, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "db";
        System.arraycopy(args, 0, command, 1, args.length);
        return ServiceProcess.run(env, command);
    }
}
