package com.example.service.migration.db;

import java.sql.SQLException;

import com.example.service.database.SqlStates;
import com.example.service.migration.DatabaseUnavailableException;
import com.example.service.migration.MigrationException;

/** The one place a JDBC failure becomes this service's exception, by its SQL state ({@link SqlStates}). */
public final class SqlErrors {

    private SqlErrors() {
    }

    /**
     * {@link DatabaseUnavailableException} when the database could not be reached; otherwise
     * {@link DatabaseErrorException}, naming the SQL state.
     */
    public static MigrationException translate(SQLException e) {
        if (SqlStates.unreachable(e.getSQLState())) {
            return new DatabaseUnavailableException("database not reachable: " + oneLine(e.getMessage()), e, false);
        }
        return new DatabaseErrorException(e);
    }

    /** PostgreSQL's messages span lines (Detail, Hint); a log line or CLI error stays one line. */
    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
