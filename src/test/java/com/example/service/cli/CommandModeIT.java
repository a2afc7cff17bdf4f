package com.example.service.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.example.service.testing.CommandResult;
import com.example.service.testing.MigrationFolder;
import com.example.service.testing.ServiceProcess;
import com.example.service.testing.TestDatabase;

/** Command mode as operators meet it: beside a server, through the launcher, and in a source tree. */
class CommandModeIT {

    private static final Path LAUNCHER = Path.of("src/main/docker/example-service").toAbsolutePath();

    @Test
    void aDbCommandRunsWhilePort8080IsHeldByAnotherProcess() throws IOException {
        try (TestDatabase database = TestDatabase.create(); ServerSocket port8080 = hold8080()) {
            Map<String, String> env = ServiceProcess.environment(database.name());
            env.remove("PORT");
            CommandResult current = ServiceProcess.run(env, "db", "current");
            assertThat(current.exitCode()).as(current.toString()).isZero();
            assertThat(database.historyTableExists()).as("command mode never migrates at start").isFalse();
            CommandResult upgrade = ServiceProcess.run(env, "db", "upgrade");
            assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
            assertThat(port8080.isBound()).isTrue();
        }
    }

    @Test
    void aDbCommandRunsBesideAServerOfTheSameJarOnTheSamePort() {
        try (TestDatabase database = TestDatabase.create()) {
            Map<String, String> env = ServiceProcess.environment(database.name());
            try (ServiceProcess server = ServiceProcess.start(env)) {
                server.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(60));
                CommandResult check = ServiceProcess.run(env, "db", "check");
                assertThat(check.exitCode()).as(check.toString()).isZero();
                assertThat(server.status("/q/health/ready")).isEqualTo(200);
            }
        }
    }

    @Test
    void aDbCommandLeavesOutWhatOnlyAServingInstanceUses() throws IOException {
        Path classes = Files.createTempFile("classes-", ".log");
        try (TestDatabase database = TestDatabase.create()) {
            List<String> command = new ArrayList<>(jar("db", "current"));
            command.add(1, "-Xlog:class+load=info:file=" + classes);
            CommandResult current = ServiceProcess.run(null, ServiceProcess.environment(database.name()), command);
            assertThat(current.exitCode()).as(current.toString()).isZero();
            try (Stream<String> lines = Files.lines(classes)) {
                // The OpenAPI document is not read, and the startup migration (with its progress) not created.
                assertThat(lines.filter(line -> line.contains(" io.smallrye.openapi.")
                        || line.contains(" com.example.service.migration.startup.StartupMigration$Progress ")))
                        .as("classes loaded by a db command").isEmpty();
            }
        } finally {
            Files.deleteIfExists(classes);
        }
    }

    @Test
    void everyCommandHasHelp() {
        CommandResult db = ServiceProcess.run(Map.of(), "db", "--help");
        assertThat(db.exitCode()).isZero();
        assertThat(db.stdout()).contains("upgrade", "check", "current", "pending", "history", "info", "init", "wait",
                "validate", "sql", "migrate", "downgrade", "reset", "repair", "Exit codes:");
        CommandResult upgrade = ServiceProcess.run(Map.of(), "db", "upgrade", "--help");
        assertThat(upgrade.exitCode()).isZero();
        assertThat(upgrade.stdout()).contains("Usage: example-service db upgrade", "--target=V", "--json");
    }

    @Test
    void theLauncherRunsTheJarOfItsRepositoryWithJavaOpts() throws IOException {
        Path elsewhere = Files.createTempDirectory("launcher-");
        try {
            Map<String, String> env = Map.of("JAVA_OPTS", "-Dmigration.readiness-mode=strict -Xmx256m");
            CommandResult info = ServiceProcess.run(elsewhere, env, List.of(LAUNCHER.toString(), "db", "info", "--json"));
            assertThat(info.exitCode()).as(info.toString()).isZero();
            assertThat(info.json().get("readinessMode").asText()).isEqualTo("strict");

            CommandResult noJar = ServiceProcess.run(elsewhere, Map.of("EXAMPLE_SERVICE_JAR", "/nonexistent/quarkus-run.jar"),
                    List.of(LAUNCHER.toString(), "db", "info"));
            assertThat(noJar.exitCode()).isEqualTo(1);
            assertThat(noJar.stderr()).contains("no jar at /nonexistent/quarkus-run.jar");

            CommandResult shellcheck = ServiceProcess.run(null, Map.of(), List.of("shellcheck", LAUNCHER.toString()));
            assertThat(shellcheck.exitCode()).as(shellcheck.toString()).isZero();
        } finally {
            Files.deleteIfExists(elsewhere);
        }
    }

    @Test
    void migrateCreatesTheNextScriptAndItsUnwrittenUndoWithoutADatabase() throws IOException {
        try (MigrationFolder project = MigrationFolder.create()) {
            Path migrations = Files.createDirectories(project.path().resolve("src/main/resources/db/migration"));
            for (String existing : List.of("V1__a.sql", "V2_1__b.sql", "V10__c.sql", "V10__c.sql.conf", "R__view.sql")) {
                Files.writeString(migrations.resolve(existing), "");
            }
            Map<String, String> noDatabase = Map.of("DB_PORT", String.valueOf(ServiceProcess.freePort()));

            CommandResult migrate = ServiceProcess.run(project.path(), noDatabase,
                    jar("db", "migrate", "-m", "Add item price (cents)!", "--json"));
            assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
            assertThat(migrate.json().get("version").asText()).isEqualTo("11");
            Path created = migrations.resolve("V11__add_item_price_cents.sql");
            Path undo = project.path().resolve("src/main/resources/db/undo/U11__add_item_price_cents.sql");
            assertThat(created).content().startsWith("-- Add item price (cents)!");
            assertThat(undo).content().startsWith("-- Undo of V11__add_item_price_cents.sql").doesNotContain(";");

            Path other = Files.createDirectories(project.path().resolve("other/migration"));
            CommandResult first = ServiceProcess.run(project.path(), noDatabase,
                    jar("db", "migrate", "-m", "init", "--dir", "other/migration"));
            assertThat(first.exitCode()).as(first.toString()).isZero();
            assertThat(other.resolve("V1__init.sql")).exists();
            assertThat(project.path().resolve("other/undo/U1__init.sql")).exists();

            assertThat(ServiceProcess.run(project.path(), noDatabase, jar("db", "migrate", "-m", "!!!")).exitCode()).isEqualTo(2);
            CommandResult noFolder = ServiceProcess.run(project.path(), noDatabase, jar("db", "migrate", "-m", "x", "--dir", "nope"));
            assertThat(noFolder.exitCode()).isEqualTo(2);
            assertThat(noFolder.stderr()).contains("no migration folder");
        }
    }

    private static List<String> jar(String... args) {
        return ServiceProcess.jarCommand(args);
    }

    private static ServerSocket hold8080() throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(new InetSocketAddress(8080));
            return socket;
        } catch (BindException e) {
            socket.close();
            return fail("port 8080 is already in use by another process on this machine; this test must hold it "
                    + "itself to prove that command mode does not bind it. Free port 8080 and run again.");
        }
    }
}
