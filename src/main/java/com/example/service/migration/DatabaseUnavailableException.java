package com.example.service.migration;

/** The database did not answer (refused, unknown host, authentication, timeout). */
public class DatabaseUnavailableException extends MigrationException {

    private final boolean timedOut;

    public DatabaseUnavailableException(String message, Throwable cause, boolean timedOut) {
        super(message, cause);
        this.timedOut = timedOut;
    }

    /** True when a bounded wait for the database ran out, rather than a single attempt failing. */
    public boolean timedOut() {
        return timedOut;
    }
}
