package com.example.service.migration;

import static com.example.service.testing.TwoRoles.APP;
import static com.example.service.testing.TwoRoles.APP_PASSWORD;
import static com.example.service.testing.TwoRoles.MIGRATOR;
import static com.example.service.testing.TwoRoles.MIGRATOR_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.example.service.testing.ServiceProcess;
import com.example.service.testing.TwoRoles;

/**
 * The packaged service with two roles: migrations apply as MIGRATION_DB_USER, which owns the
 * schema, while the items API runs as DB_USER, a role that cannot create a table.
 */
class MigrationRoleIT {

    @RegisterExtension
    static final TwoRoles POSTGRES = new TwoRoles();

    @Test
    void migrationsApplyAsTheMigrationRoleAndTheApiWorksAsTheApplicationRole() {
        String database = POSTGRES.createDatabase();
        try (ServiceProcess service = ServiceProcess.start(POSTGRES.environment(database))) {
            service.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(60));

            HttpResponse<String> created = service.postJson("/api/items", "{\"name\":\"lamp\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(service.status(URI.create(created.headers().firstValue("Location").orElseThrow()).getPath()))
                    .isEqualTo(200);

            assertThat(POSTGRES.server().column(database, "SELECT DISTINCT installed_by FROM flyway_schema_history"))
                    .containsExactly(MIGRATOR);
            assertThat(POSTGRES.server().column(database, "SELECT tableowner FROM pg_tables WHERE tablename = 'item'"))
                    .containsExactly(MIGRATOR);
            assertThat(POSTGRES.server().column(database, "SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND application_name LIKE 'example-service/%'"))
                    .containsExactlyInAnyOrder(APP, MIGRATOR);
        }
    }

    @Test
    void withoutAMigrationRoleTheOneRoleAndItsPasswordDoBoth() {
        String database = POSTGRES.createDatabase();
        Map<String, String> env = POSTGRES.environment(database);
        env.remove("MIGRATION_DB_USER");
        env.remove("MIGRATION_DB_PASSWORD");
        env.put("DB_USER", MIGRATOR);
        env.put("DB_PASSWORD", MIGRATOR_PASSWORD);
        try (ServiceProcess service = ServiceProcess.start(env)) {
            service.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(60));
            assertThat(service.status("/api/items")).isEqualTo(200);
            assertThat(POSTGRES.server().column(database, "SELECT DISTINCT installed_by FROM flyway_schema_history"))
                    .containsExactly(MIGRATOR);
        }
    }

    @Test
    void theApplicationRoleCannotCreateATable() throws SQLException {
        String database = POSTGRES.createDatabase();
        try (Connection app = POSTGRES.server().connect(database, APP, APP_PASSWORD); Statement statement = app.createStatement()) {
            assertThatThrownBy(() -> statement.execute("CREATE TABLE intruder (id int)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"))
                    .hasMessageContaining("permission denied for schema public");
        }
    }
}
