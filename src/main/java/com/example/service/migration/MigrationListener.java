package com.example.service.migration;

/** Told about each migration of an upgrade as it runs, for progress output. */
public interface MigrationListener {

    MigrationListener NONE = new MigrationListener() {
    };

    /** Migration {@code index} of {@code total} (1-based) starts. */
    default void starting(int index, int total, Migration migration) {
    }

    /** Migration {@code index} of {@code total} finished. */
    default void finished(int index, int total, AppliedMigration migration) {
    }
}
