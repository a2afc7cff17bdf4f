package com.example.service.migration.audit;

import com.example.service.migration.MigrationException;

/** How an audited schema change ended. */
public enum ChangeResult {
    SUCCESS,
    /** It ran and failed: a migration's SQL, the database, or anything unexpected. */
    FAILURE,
    /**
     * Nothing was attempted: the lock was held (or its wait ran out), the schema had drifted, an
     * undo script was missing, or the arguments were invalid.
     */
    REFUSED;

    static ChangeResult of(RuntimeException failure) {
        return failure instanceof MigrationException m && m.refused() ? REFUSED : FAILURE;
    }

    /** The lower-case form used in log lines, metric tags and the audit table. */
    public String label() {
        return name().toLowerCase();
    }
}
