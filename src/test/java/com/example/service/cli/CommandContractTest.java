package com.example.service.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.inject.Inject;

import org.assertj.core.api.SoftAssertions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.service.testing.CommandResult;
import com.example.service.testing.IsolatedDatabase;
import com.example.service.testing.JsonGolden;
import com.example.service.testing.Readiness;
import com.example.service.testing.TestDatabase;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every command's {@code --json} document, and the error document, pinned as golden files
 * (src/test/resources/golden/cli) through each state a schema can be in. The commands run in this
 * JVM through the same command tree, handlers and ObjectMapper as {@code java -jar … db}; the
 * packaged jar's own runs are in DbCommandsIT and its neighbours.
 */
@QuarkusTest
@WithTestResource(value = IsolatedDatabase.class, initArgs = {
        @ResourceArg(name = "migration.state-refresh", value = "150ms") })
class CommandContractTest {

    @ConfigProperty(name = "test.database.name")
    String database;

    @Inject
    CommandLineApp app;

    @TempDir
    Path scripts;

    @Test
    void everyJsonOutputKeepsItsShape() throws IOException {
        Readiness.await(Duration.ofSeconds(30));
        TestDatabase db = TestDatabase.existing(database);
        SoftAssertions softly = new SoftAssertions();

        golden(softly, "info", 0, "info");
        golden(softly, "init", 0, "init");
        golden(softly, "current", 0, "current");
        golden(softly, "check-current", 0, "check");
        golden(softly, "history", 0, "history", "--limit", "2");
        golden(softly, "validate-valid", 0, "validate");
        golden(softly, "sql-none", 0, "sql");
        golden(softly, "pending-none", 0, "pending");
        golden(softly, "upgrade-nothing", 0, "upgrade");
        golden(softly, "wait-reachable", 0, "wait");
        golden(softly, "wait-current", 0, "wait", "--until", "current");

        golden(softly, "downgrade", 0, "downgrade", "--steps", "1");
        golden(softly, "pending", 0, "pending");
        golden(softly, "check-pending", 3, "check");
        golden(softly, "sql", 0, "sql");
        golden(softly, "upgrade", 0, "upgrade");

        String checksum = db.single("SELECT checksum FROM flyway_schema_history WHERE version = '2'");
        db.execute("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '2'");
        golden(softly, "validate-drift", 4, "validate");
        golden(softly, "check-drift", 0, "check");
        golden(softly, "check-drift-strict", 4, "check", "--strict");
        // Drift blocks an upgrade only with migrations pending (in compatible mode): V3 is, once undone.
        db.execute("UPDATE flyway_schema_history SET checksum = " + checksum + " WHERE version = '2'");
        CommandResult undone = run("downgrade", "--steps", "1");
        softly.assertThat(undone.exitCode()).as(undone.toString()).isZero();
        db.execute("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '2'");
        golden(softly, "upgrade-drift-error", 4, "upgrade");
        golden(softly, "repair-aligned", 0, "repair", "--confirm");
        softly.assertThat(db.single("SELECT checksum FROM flyway_schema_history WHERE version = '2'")).isEqualTo(checksum);
        softly.assertThat(run("upgrade").exitCode()).isZero();

        db.execute("""
                INSERT INTO flyway_schema_history
                       (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)
                VALUES (4, '4', 'broken', 'SQL', 'V4__broken.sql', 0, 'someone', 7, false)""");
        golden(softly, "check-failed", 4, "check");
        golden(softly, "repair-removed", 0, "repair", "--confirm");
        golden(softly, "repair-nothing", 0, "repair", "--confirm");

        golden(softly, "reset", 0, "reset", "--confirm");
        Path folder = Files.createDirectories(scripts.resolve("migration"));
        golden(softly, "migrate", 0, "migrate", "-m", "add item price", "--dir", folder.toString());
        golden(softly, "error-invalid-argument", 2, "history", "--limit", "0");
        golden(softly, "error-usage", 2, "history", "--limit", "many");

        db.execute("DROP TABLE flyway_schema_history");
        golden(softly, "baseline", 0, "baseline", "--version", "3");
        golden(softly, "history-baseline", 0, "history");
        try (var created = Files.list(folder)) {
            softly.assertThat(created).hasSize(1);
        }
        softly.assertAll();
    }

    private void golden(SoftAssertions softly, String name, int exitCode, String... args) {
        CommandResult result = run(args);
        softly.assertThat(result.exitCode()).as(name + ": " + result).isEqualTo(exitCode);
        JsonGolden.check(softly, "cli/" + name, result.stdout());
    }

    /** {@code db <args> --json}, in this JVM. */
    private CommandResult run(String... args) {
        String[] full = new String[args.length + 2];
        full[0] = "db";
        System.arraycopy(args, 0, full, 1, args.length);
        full[full.length - 1] = OutputOptions.JSON;
        return InProcess.run(app, full);
    }
}
