package com.example.service.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.service.testing.CommandResult;
import com.example.service.testing.MigrationFolder;
import com.example.service.testing.ServiceProcess;
import com.example.service.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two releases of the packaged jar on one database, as in a rolling deploy: the new release applies
 * its expand migrations and serves while its contract migration waits for the old release to leave.
 */
class ExpandContractIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final String COLUMNS = "SELECT column_name FROM information_schema.columns WHERE table_name = 'item'";

    @Test
    void theContractPhaseWaitsForTheOldReleaseThenAppliesOutOfOrderAndValidates() {
        try (TestDatabase db = TestDatabase.create();
                MigrationFolder expand = MigrationFolder.create()
                        .with("V4__add_item_summary.sql", "ALTER TABLE item ADD COLUMN summary text;\n")
                        .with("V6__add_item_tags.sql", "ALTER TABLE item ADD COLUMN tags text[];\n");
                MigrationFolder contract = MigrationFolder.create()
                        .with("V5__drop_item_description.sql", "ALTER TABLE item DROP COLUMN description;\n");
                MigrationFolder undo = MigrationFolder.create()
                        .with("U5__drop_item_description.sql", "ALTER TABLE item ADD COLUMN description text;\n")) {
            Map<String, String> newRelease = ServiceProcess.environment(db.name());
            newRelease.put("MIGRATION_LOCATIONS", expand.afterShipped());
            newRelease.put("CONTRACT_LOCATIONS", contract.location());
            newRelease.put("UNDO_LOCATIONS", "classpath:db/undo," + undo.location());
            newRelease.put("HOSTNAME", "new-release");
            Map<String, String> oldRelease = ServiceProcess.environment(db.name());
            oldRelease.put("HOSTNAME", "old-release");

            try (ServiceProcess newer = ServiceProcess.start(newRelease)) {
                newer.awaitStatus("/q/health/ready", 200, START);
                assertThat(db.appliedVersions()).as("expand only at startup").containsExactly("1", "2", "3", "4", "6");

                try (ServiceProcess older = ServiceProcess.start(oldRelease)) {
                    older.awaitStatus("/q/health/ready", 200, START);
                    assertThat(newer.status("/q/health/ready")).as("a pending contract migration never makes unready")
                            .isEqualTo(200);

                    assertThat(run(newRelease, "check").exitCode()).isZero();
                    JsonNode pending = run(newRelease, "pending", "--json").json().path("pending");
                    assertThat(pending).hasSize(1);
                    assertThat(pending.get(0).path("version").asText()).isEqualTo("5");
                    assertThat(pending.get(0).path("phase").asText()).isEqualTo("contract");
                    assertThat(pending.get(0).path("state").asText()).isEqualTo("Pending");
                    JsonNode current = run(newRelease, "current", "--json").json();
                    assertThat(current.path("contractBlockedBy").findValuesAsText("applicationName"))
                            .containsExactly("example-service/3@old-release");

                    CommandResult refused = run(newRelease, "upgrade", "--phase", "contract", "--wait", "5s");
                    assertThat(refused.exitCode()).as(refused.stderr()).isEqualTo(5);
                    assertThat(refused.stderr()).contains("example-service/3@old-release", "nothing was changed");
                    assertThat(db.appliedVersions()).containsExactly("1", "2", "3", "4", "6");
                    assertThat(db.column(COLUMNS)).contains("description");

                    CommandResult forced = run(newRelease, "upgrade", "--phase", "contract", "--force");
                    assertThat(forced.exitCode()).as(forced.stderr()).isZero();
                    assertThat(db.single("SELECT action FROM example_service.schema_audit ORDER BY id DESC LIMIT 1"))
                            .isEqualTo("contract-forced");
                    CommandResult undone = run(newRelease, "downgrade", "--steps", "1");
                    assertThat(undone.exitCode()).as(undone.stderr()).isZero();
                    assertThat(db.appliedVersions()).as("downgrade undoes the contract migration, newest first")
                            .containsExactly("1", "2", "3", "4", "6");
                }

                CommandResult applied = run(newRelease, "upgrade", "--phase", "contract", "--wait", "30s", "--json");
                assertThat(applied.exitCode()).as(applied.stderr()).isZero();
                assertThat(applied.json().path("toVersion").asText()).isEqualTo("6");
                assertThat(db.column("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
                        .as("applied out of order, after the later expand migration").endsWith("6", "5");
                assertThat(db.column(COLUMNS)).doesNotContain("description").contains("summary", "tags");
                assertThat(run(newRelease, "validate").exitCode()).isZero();
                JsonNode newest = run(newRelease, "history", "--json").json().path("entries").get(0);
                assertThat(newest.path("version").asText()).isEqualTo("5");
                assertThat(newest.path("phase").asText()).isEqualTo("contract");
                assertThat(newer.status("/q/health/ready")).isEqualTo(200);
            }
        }
    }

    private static CommandResult run(Map<String, String> env, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "db";
        System.arraycopy(args, 0, command, 1, args.length);
        return ServiceProcess.run(env, command);
    }
}
