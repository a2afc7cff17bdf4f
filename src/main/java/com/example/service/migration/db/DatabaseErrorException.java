package com.example.service.migration.db;

import java.sql.SQLException;

import com.example.service.database.SqlStates;
import com.example.service.migration.MigrationException;

/**
 * The database answered and rejected a statement or this login (a permission, a missing table, a
 * wrong password): not an outage, so neither a retry nor a wait helps; the message names the SQL state.
 */
public class DatabaseErrorException extends MigrationException {

    private final String sqlState;

    DatabaseErrorException(SQLException cause) {
        super((SqlStates.loginRefused(cause.getSQLState()) ? "the database refused the login" : "database error")
                + " (SQL state " + cause.getSQLState() + "): " + oneLine(cause.getMessage()), cause);
        this.sqlState = cause.getSQLState();
    }

    public String sqlState() {
        return sqlState;
    }
}
