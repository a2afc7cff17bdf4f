package com.example.service.migration.lint;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

/** A database of {@code db lint}'s own on a {@link ScratchServer}, created empty and dropped when closed. */
final class ScratchDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ScratchDatabase.class);

    private final ScratchServer server;
    private final String name;

    private ScratchDatabase(ScratchServer server, String name) {
        this.server = server;
        this.name = name;
    }

    static ScratchDatabase create(ScratchServer server) {
        String name = "lint_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try {
            admin(server, "CREATE DATABASE " + name);
        } catch (SQLException e) {
            String hint = "42501".equals(e.getSQLState()) ? " (the role needs CREATEDB)" : "";
            throw new LintException("could not create the scratch database on the " + server.origin() + " server"
                    + hint + ": " + e.getMessage(), e);
        }
        return new ScratchDatabase(server, name);
    }

    String name() {
        return name;
    }

    DataSource dataSource() {
        return server.database(name);
    }

    Connection connect() {
        try {
            return dataSource().getConnection();
        } catch (SQLException e) {
            throw new LintException("could not connect to the scratch database " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            admin(server, "DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            LOG.warnf("could not drop the scratch database %s on the %s server: %s", name, server.origin(), e.getMessage());
        }
    }

    private static void admin(ScratchServer server, String sql) throws SQLException {
        try (Connection c = server.database(server.maintenanceDatabase()).getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
