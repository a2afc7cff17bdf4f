package com.example.service.testing;

import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link SecurePostgres} for a test class (register it as a static extension), with the
 * least-privilege setup of docs/production.md "Roles and grants", statement for statement: a migration
 * role that owns the schema, and an application role with data privileges only.
 */
public final class TwoRoles implements BeforeAllCallback, AfterAllCallback {

    public static final String MIGRATOR = "example_migrator";
    public static final String MIGRATOR_PASSWORD = "migrator-Pw-7qX";
    public static final String APP = "example_app";
    public static final String APP_PASSWORD = "app-Pw-3lK";

    private SecurePostgres server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = SecurePostgres.start();
        server.createRole(MIGRATOR, MIGRATOR_PASSWORD);
        server.createRole(APP, APP_PASSWORD);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    public SecurePostgres server() {
        return server;
    }

    /** A new database owned by the migration role, with the grants of docs/production.md; returns its name. */
    public String createDatabase() {
        String database = server.createDatabase();
        server.execute("ALTER DATABASE " + database + " OWNER TO " + MIGRATOR);
        for (String sql : new String[] {
                "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
                "ALTER SCHEMA public OWNER TO " + MIGRATOR,
                "GRANT USAGE ON SCHEMA public TO " + APP,
                "ALTER DEFAULT PRIVILEGES FOR ROLE " + MIGRATOR + " IN SCHEMA public"
                        + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + APP,
                "ALTER DEFAULT PRIVILEGES FOR ROLE " + MIGRATOR + " IN SCHEMA public"
                        + " GRANT USAGE, SELECT ON SEQUENCES TO " + APP }) {
            server.execute(database, sql);
        }
        return database;
    }

    /** {@link SecurePostgres#environment} with the application as {@link #APP}, migrations as {@link #MIGRATOR}. */
    public Map<String, String> environment(String database) {
        Map<String, String> env = server.environment(database);
        env.put("DB_USER", APP);
        env.put("DB_PASSWORD", APP_PASSWORD);
        env.put("MIGRATION_DB_USER", MIGRATOR);
        env.put("MIGRATION_DB_PASSWORD", MIGRATOR_PASSWORD);
        return env;
    }
}
