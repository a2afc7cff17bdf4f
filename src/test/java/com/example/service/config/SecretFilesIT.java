package com.example.service.config;

import static com.example.service.testing.TwoRoles.APP;
import static com.example.service.testing.TwoRoles.APP_PASSWORD;
import static com.example.service.testing.TwoRoles.MIGRATOR;
import static com.example.service.testing.TwoRoles.MIGRATOR_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.example.service.testing.CommandResult;
import com.example.service.testing.ServiceProcess;
import com.example.service.testing.TwoRoles;

/** Passwords from mounted files ({@code *_PASSWORD_FILE}), against a server that checks passwords. */
class SecretFilesIT {

    @RegisterExtension
    static final TwoRoles POSTGRES = new TwoRoles();

    @TempDir
    Path secrets;

    private Path secret(String name, String content) {
        try {
            return Files.writeString(secrets.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The two-role environment with both passwords taken out of it. */
    private static Map<String, String> withoutPasswords(String database) {
        Map<String, String> env = POSTGRES.environment(database);
        env.remove("DB_PASSWORD");
        env.remove("MIGRATION_DB_PASSWORD");
        return env;
    }

    @Test
    void passwordFilesEndingInANewlineServeBothRoles() {
        String database = POSTGRES.createDatabase();
        Map<String, String> env = withoutPasswords(database);
        env.put("DB_PASSWORD_FILE", secret("app", APP_PASSWORD + "\n").toString());
        env.put("MIGRATION_DB_PASSWORD_FILE", secret("migrator", MIGRATOR_PASSWORD + "\n").toString());
        try (ServiceProcess service = ServiceProcess.start(env)) {
            // Ready means the migration role logged in; a created item, the application role.
            service.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(60));
            HttpResponse<String> created = service.postJson("/api/items", "{\"name\":\"lamp\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(POSTGRES.server().column(database, "SELECT DISTINCT installed_by FROM flyway_schema_history"))
                    .containsExactly(MIGRATOR);
        }
    }

    @Test
    void aWrongPasswordFileFailsStartupNamingTheAuthenticationErrorWithoutPrintingThePassword() {
        String database = POSTGRES.createDatabase();
        Map<String, String> env = withoutPasswords(database);
        env.remove("MIGRATION_DB_USER");
        env.put("DB_USER", MIGRATOR);
        env.put("DB_PASSWORD_FILE", secret("wrong", "not-the-Pw-9zZ\n").toString());
        // No wait fixes a wrong password (issue 12, item 4): it fails at once, not after DB_WAIT_TIMEOUT.
        env.put("DB_WAIT_TIMEOUT", "120s");
        try (ServiceProcess service = ServiceProcess.start(env)) {
            assertThat(service.awaitExit(Duration.ofSeconds(45))).isEqualTo(1);
            String output = service.output();
            assertThat(output).contains("password authentication failed for user \"" + MIGRATOR + "\"", "SQL state 28P01");
            assertThat(output).doesNotContain("not-the-Pw-9zZ", MIGRATOR_PASSWORD);
        }
    }

    @Test
    void aWrongMigrationPasswordFileFailsACommandWithOneLine() {
        String database = POSTGRES.createDatabase();
        Map<String, String> env = POSTGRES.environment(database);
        env.remove("MIGRATION_DB_PASSWORD");
        env.put("MIGRATION_DB_PASSWORD_FILE", secret("wrong", "not-the-Pw-9zZ\n").toString());
        CommandResult result = ServiceProcess.run(env, "db", "init");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr().lines()).as(result.toString()).singleElement().asString()
                .contains("password authentication failed for user \"" + MIGRATOR + "\"");
        assertThat(result.stdout() + result.stderr()).doesNotContain("not-the-Pw-9zZ", APP_PASSWORD);
    }

    @Test
    void aPasswordSetBothWaysIsAConfigurationMistake_oneLineAndExitCode2() {
        Map<String, String> env = POSTGRES.environment("unused");
        env.put("DB_PASSWORD_FILE", secret("app", APP_PASSWORD + "\n").toString());
        for (String[] args : new String[][] { {}, { "db", "init" } }) {
            CommandResult result = ServiceProcess.run(env, args);
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.stderr().lines()).as(result.toString()).singleElement().asString()
                    .isEqualTo("error: configuration: both DB_PASSWORD and DB_PASSWORD_FILE are set; set only one of them");
            assertThat(result.stdout() + result.stderr()).doesNotContain(APP_PASSWORD);
        }
    }
}
