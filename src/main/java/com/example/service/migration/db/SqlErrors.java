package com.example.service.migration.db;

import java.sql.SQLException;

import com.example.service.database.DatabaseUnavailableException;
import com.example.service.database.SqlStates;
import com.example.service.migration.MigrationException;

/** The one place a JDBC failure becomes this service's exception, by its SQL state ({@link SqlStates}). */
public final class SqlErrors {

    private SqlErrors() {
    }

    /**
     * {@link DatabaseUnavailableException} when the database could not be reached; otherwise
     * {@link DatabaseErrorException}, naming the SQL state.
     */
    public static RuntimeException translate(SQLException e) {
        if (SqlStates.unreachable(e.getSQLState())) {
            return new DatabaseUnavailableException("database not reachable: " + MigrationException.oneLine(e.getMessage()), e, false);
        }
        return new DatabaseErrorException(e);
    }
}
