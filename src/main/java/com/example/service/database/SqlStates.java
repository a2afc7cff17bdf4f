package com.example.service.database;

/**
 * What a PostgreSQL SQL state says about a failure, read the same way by the migration side (JDBC)
 * and the sample API (reactive client): whether the database could not be reached (the caller may
 * retry: 503, or a bounded wait), refused this login (no wait fixes that), or answered and rejected
 * the statement (a 500 or an error naming the state).
 */
public final class SqlStates {

    private SqlStates() {
    }

    /**
     * True when no connection could serve the statement now: connection exceptions (08), insufficient
     * resources such as too many connections (53), a server shutting down, starting or in recovery
     * (57P), and no SQL state at all (a pool's acquisition timeout, an I/O error).
     */
    public static boolean unreachable(String sqlState) {
        return sqlState == null || sqlState.startsWith("08") || sqlState.startsWith("53") || sqlState.startsWith("57P");
    }

    /**
     * True when the server answered but refuses this login, which waiting cannot fix: invalid
     * authorization (28: 28P01 wrong password, 28000 unknown role or no pg_hba entry) and an unknown
     * database (3D000).
     */
    public static boolean loginRefused(String sqlState) {
        return sqlState != null && (sqlState.startsWith("28") || sqlState.equals("3D000"));
    }
}
