package com.example.service.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;

/** A database of the test's own on {@link PostgresServer}; closing drops it. */
public final class TestDatabase implements AutoCloseable {

    private final String name;
    private final boolean owned;

    private TestDatabase(String name, boolean owned) {
        this.name = name;
        this.owned = owned;
    }

    public static TestDatabase create() {
        return new TestDatabase(PostgresServer.get().createDatabase(), true);
    }

    /** A handle on a database created elsewhere (an {@link IsolatedDatabase}); closing drops nothing. */
    public static TestDatabase existing(String name) {
        return new TestDatabase(name, false);
    }

    public String name() {
        return name;
    }

    public Connection connect() throws SQLException {
        return PostgresServer.get().connect(name);
    }

    /** The first column of every row {@code sql} returns, as strings. */
    public List<String> column(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public String single(String sql, Object... params) {
        List<String> values = column(sql, params);
        if (values.size() != 1) {
            throw new AssertionError(sql + " returned " + values.size() + " rows");
        }
        return values.get(0);
    }

    public void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * Applies the shipped migrations with Flyway in this JVM, into the same history table
     * {@code db upgrade} writes: for the tests whose subject comes after an upgrade. The upgrade
     * command itself is DbCommandsIT's subject; here it would cost a launch of the jar, about 2 s of
     * CPU, for setup.
     */
    public void upgrade() {
        upgrade(MigrationFolder.SHIPPED);
    }

    /** {@link #upgrade()} of the migrations at {@code migrationLocations}, in MIGRATION_LOCATIONS' syntax. */
    public void upgrade(String migrationLocations) {
        PostgresServer server = PostgresServer.get();
        Flyway.configure(TestDatabase.class.getClassLoader())
                // As FlywayFactory: with Flyway's transactional lock, V3's CREATE INDEX CONCURRENTLY waits forever.
                .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
                .dataSource(server.jdbcUrl(name), server.user(), server.password())
                .locations(migrationLocations.split(","))
                .load().migrate();
    }

    public boolean historyTableExists() {
        return Boolean.parseBoolean(single("SELECT (to_regclass('flyway_schema_history') IS NOT NULL)::text"));
    }

    /** Versions applied successfully, in the order they were installed. */
    public List<String> appliedVersions() {
        return column("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank");
    }

    /**
     * Every table, column, index, constraint and history row of the public schema, one line each, in
     * a stable order: equal before and after means the schema did not change.
     */
    public List<String> catalog() {
        List<String> lines = new ArrayList<>();
        lines.addAll(column("""
                SELECT format('column %s.%s %s %s %s', table_name, column_name, data_type, is_nullable, column_default)
                  FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position"""));
        lines.addAll(column("SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname"));
        lines.addAll(column("""
                SELECT format('constraint %s %s', conname, pg_get_constraintdef(oid))
                  FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY conname"""));
        if (historyTableExists()) {
            lines.addAll(column("""
                    SELECT format('history %s %s %s %s', installed_rank, version, script, success)
                      FROM flyway_schema_history ORDER BY installed_rank"""));
        }
        return lines;
    }

    @Override
    public void close() {
        if (owned) {
            PostgresServer.get().dropDatabase(name);
        }
    }
}
