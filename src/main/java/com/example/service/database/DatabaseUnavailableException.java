package com.example.service.database;

/**
 * The database did not answer (refused, unknown host, authentication, timeout), whoever asked: the
 * migration side over JDBC or the sample API over the reactive client. The request may succeed later,
 * unlike a query the database rejected: 503 over HTTP, exit code 1 (5 when a bounded wait ran out).
 * It lives here, below both, because the sample domain may not import migration/.
 */
public class DatabaseUnavailableException extends RuntimeException {

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
