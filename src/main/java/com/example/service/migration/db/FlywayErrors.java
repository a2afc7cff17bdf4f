package com.example.service.migration.db;

import java.sql.SQLException;

import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.FlywayException;

import com.example.service.database.DatabaseUnavailableException;
import com.example.service.database.SqlStates;

/** The one place that turns Flyway's failures into this package's exceptions. */
public final class FlywayErrors {

    private FlywayErrors() {
    }

    /**
     * A Flyway failure rooted in not reaching the database, or in a refused login, is reported as
     * {@link SqlErrors} reports it.
     */
    public static RuntimeException translate(FlywayException e) {
        if (e.getErrorCode() == CoreErrorCode.NON_EMPTY_SCHEMA_WITHOUT_SCHEMA_HISTORY_TABLE) {
            // Flyway's advice names its Java API; the operator needs this service's.
            return new FlywayException("the schema has tables but no schema history, so it predates this service:"
                    + " adopt it with 'db baseline --version V' (V: the version it matches), or start with"
                    + " BASELINE_ON_MIGRATE=true and BASELINE_VERSION=V; nothing was changed", e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && isConnectionProblem(sql)) {
                return SqlErrors.translate(sql);
            }
        }
        return e;
    }

    /**
     * Whether Flyway failed to get a usable connection ({@link SqlStates}: unreachable, or the login
     * refused); a statement the database rejected stays Flyway's, which names the migration.
     */
    private static boolean isConnectionProblem(SQLException e) {
        return SqlStates.unreachable(e.getSQLState()) || SqlStates.loginRefused(e.getSQLState());
    }
}
