package com.example.service.migration.state;

/** The schema's state as one word, for status answers and dashboards. */
public enum SchemaStatus {
    /** Every migration this code knows is applied; nothing newer, no drift. */
    UP_TO_DATE,
    /** Migrations of this code wait to be applied. */
    PENDING,
    /** A migration is running (the migration lock is held). */
    MIGRATING,
    /** A migration failed and is recorded as failed. */
    FAILED,
    /** An applied migration no longer matches its script (checksum), or one went missing. */
    DRIFT,
    /** The schema has migrations newer than this code (a rollback or an older replica). */
    AHEAD,
    /** The database did not answer. */
    UNKNOWN
}
