package com.example.service.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A role on {@link PostgresServer} that may log in and nothing more: no privilege on any table, so
 * every query of the schema is refused with SQL state 42501. Closing drops it.
 */
public final class LoginOnlyRole implements AutoCloseable {

    private final String name;
    private final String password;

    private LoginOnlyRole(String name, String password) {
        this.name = name;
        this.password = password;
    }

    public static LoginOnlyRole create() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        LoginOnlyRole role = new LoginOnlyRole("es_login_only_" + suffix, "pw-" + suffix);
        role.execute("CREATE ROLE " + role.name + " LOGIN PASSWORD '" + role.password + "'");
        return role;
    }

    public String name() {
        return name;
    }

    public String password() {
        return password;
    }

    @Override
    public void close() {
        execute("DROP ROLE IF EXISTS " + name);
    }

    private void execute(String sql) {
        try (Connection c = PostgresServer.get().connect("postgres"); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }
}
