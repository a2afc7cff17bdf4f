package com.example.service.migration;

/**
 * A migration's SQL failed. Transactional migrations are rolled back whole; the message names the
 * migration and the database's own error.
 */
public class MigrationFailedException extends MigrationException {

    private final String version;
    private final String script;
    private final String sqlState;
    private final String sqlMessage;

    public MigrationFailedException(String version, String script, String sqlState, String sqlMessage, Throwable cause) {
        this(version, script, sqlState, sqlMessage, "", cause);
    }

    /** With {@code consequence} (e.g. that a whole group rolled back) after the database's error in the message. */
    public MigrationFailedException(String version, String script, String sqlState, String sqlMessage, String consequence,
            Throwable cause) {
        super("migration " + (version == null ? script : "V" + version) + " (" + script + ") failed: "
                + (sqlState == null ? "" : "SQL state " + sqlState + ": ") + oneLine(sqlMessage) + consequence, cause);
        this.version = version;
        this.script = script;
        this.sqlState = sqlState;
        this.sqlMessage = oneLine(sqlMessage);
    }

    public String version() {
        return version;
    }

    public String script() {
        return script;
    }

    public String sqlState() {
        return sqlState;
    }

    public String sqlMessage() {
        return sqlMessage;
    }
}
