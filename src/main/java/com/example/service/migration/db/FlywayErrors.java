package com.example.service.migration.db;

import java.sql.SQLException;

import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.FlywayException;

import com.example.service.database.DatabaseUnavailableException;

/** The one place that turns Flyway's failures into this package's exceptions. */
public final class FlywayErrors {

    private FlywayErrors() {
    }

    /** A Flyway failure rooted in not reaching the database is reported as the database being unavailable. */
    public static RuntimeException translate(FlywayException e) {
        if (e.getErrorCode() == CoreErrorCode.NON_EMPTY_SCHEMA_WITHOUT_SCHEMA_HISTORY_TABLE) {
            // Flyway's advice names its Java API; the operator needs this service's.
            return new FlywayException("the schema has tables but no schema history, so it predates this service:"
                    + " adopt it with 'db baseline --version V' (V: the version it matches), or start with"
                    + " BASELINE_ON_MIGRATE=true and BASELINE_VERSION=V; nothing was changed", e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && isConnectionProblem(sql)) {
                return new DatabaseUnavailableException("database not reachable: " + sql.getMessage(), sql, false);
            }
        }
        return e;
    }

    /**
     * Connection exceptions (08), authentication (28), a missing database (3D000), a server shutting
     * down (57P), and the pool's acquisition timeout, which carries no SQL state.
     */
    public static boolean isConnectionProblem(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            return true;
        }
        return state.startsWith("08") || state.startsWith("28") || state.equals("3D000") || state.startsWith("57P");
    }
}
