package com.example.service.migration.lint;

import java.sql.SQLException;

/** A statement failed on the scratch database; the statement's transaction was rolled back. */
final class StatementFailedException extends Exception {

    private final transient ScriptStatement statement;

    StatementFailedException(ScriptStatement statement, SQLException cause) {
        super(cause.getMessage(), cause);
        this.statement = statement;
    }

    ScriptStatement statement() {
        return statement;
    }

    SQLException sqlException() {
        return (SQLException) getCause();
    }
}
