package com.example.service.cli;

import java.util.List;

import com.example.service.migration.AppliedMigration;

/**
 * A migration that an upgrade applied or a downgrade undid, in {@code --json}.
 *
 * @param version         its version; null for a repeatable migration
 * @param description     its description
 * @param script          the script that ran
 * @param executionTimeMs how long it ran
 */
record AppliedMigrationJson(String version, String description, String script, long executionTimeMs) {

    static List<AppliedMigrationJson> all(List<AppliedMigration> migrations) {
        return migrations.stream()
                .map(m -> new AppliedMigrationJson(m.version(), m.description(), m.script(), m.executionTimeMs()))
                .toList();
    }
}
