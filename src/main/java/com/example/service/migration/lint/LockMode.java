package com.example.service.migration.lint;

import java.util.Arrays;

/** PostgreSQL's table lock modes, weakest first, and the ordinary traffic each one stops. */
enum LockMode {

    ACCESS_SHARE("AccessShareLock", "ACCESS SHARE", false, false),
    ROW_SHARE("RowShareLock", "ROW SHARE", false, false),
    ROW_EXCLUSIVE("RowExclusiveLock", "ROW EXCLUSIVE", false, false),
    SHARE_UPDATE_EXCLUSIVE("ShareUpdateExclusiveLock", "SHARE UPDATE EXCLUSIVE", false, false),
    SHARE("ShareLock", "SHARE", false, true),
    SHARE_ROW_EXCLUSIVE("ShareRowExclusiveLock", "SHARE ROW EXCLUSIVE", false, true),
    EXCLUSIVE("ExclusiveLock", "EXCLUSIVE", false, true),
    ACCESS_EXCLUSIVE("AccessExclusiveLock", "ACCESS EXCLUSIVE", true, true);

    private final String pgLocksName;
    private final String sqlName;
    private final boolean blocksReads;
    private final boolean blocksWrites;

    LockMode(String pgLocksName, String sqlName, boolean blocksReads, boolean blocksWrites) {
        this.pgLocksName = pgLocksName;
        this.sqlName = sqlName;
        this.blocksReads = blocksReads;
        this.blocksWrites = blocksWrites;
    }

    /** The mode named as {@code pg_locks.mode} names it. */
    static LockMode of(String pgLocksName) {
        return Arrays.stream(values()).filter(m -> m.pgLocksName.equals(pgLocksName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a table lock mode: " + pgLocksName));
    }

    /** As SQL and the PostgreSQL manual name it, e.g. {@code ACCESS EXCLUSIVE}. */
    String sqlName() {
        return sqlName;
    }

    /** {@code an ACCESS EXCLUSIVE}, {@code a SHARE}: for a sentence. */
    String withArticle() {
        return (sqlName.startsWith("A") || sqlName.startsWith("E") ? "an " : "a ") + sqlName;
    }

    /** True when plain INSERT, UPDATE and DELETE wait for it. */
    boolean blocksWrites() {
        return blocksWrites;
    }

    /** What waits while it is held: {@code reads and writes}, {@code writes}, or nothing ordinary. */
    String blocked() {
        return blocksReads ? "reads and writes" : blocksWrites ? "writes" : "no reads or writes";
    }

    LockMode max(LockMode other) {
        return other == null || compareTo(other) >= 0 ? this : other;
    }
}
