package com.example.service.item;

import java.io.IOException;
import java.time.Duration;

import com.example.service.database.SqlStates;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * The reactive client could not reach the database: the request cannot be served now, but may be
 * retried (503), unlike a query the database rejected (a bug, 500).
 */
public class DatabaseUnreachableException extends RuntimeException {

    DatabaseUnreachableException(Throwable cause) {
        super("the database is not reachable: " + cause.getMessage(), cause);
    }

    DatabaseUnreachableException(Duration waited) {
        super("no answer from the database within " + waited.toMillis() + " ms (DB_QUERY_TIMEOUT)");
    }

    /**
     * True for the client's connection failures: refused, reset or timed-out connects, a connection
     * closed under a query, and the server's own "cannot serve now" states ({@link SqlStates#unreachable}).
     */
    static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof ClosedConnectionException) {
                return true;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null) {
                return SqlStates.unreachable(pg.getSqlState());
            }
        }
        return false;
    }
}
