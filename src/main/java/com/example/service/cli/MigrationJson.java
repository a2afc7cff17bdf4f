package com.example.service.cli;

import java.time.Instant;
import java.util.List;

import com.example.service.migration.Migration;

/**
 * A migration in {@code --json}: pending, failed, repaired.
 *
 * @param version         dotted version; null for a repeatable migration
 * @param description     the description, from the file name
 * @param script          the script's file name
 * @param type            SQL, JDBC, BASELINE, …
 * @param state           Pending, Success, Failed, Future, Missing, …
 * @param installedOn     when it was applied; null when not applied
 * @param executionTimeMs how long it took; null when not applied
 * @param phase           expand (applied by upgrade) or contract (by {@code db upgrade --phase contract}, after a rollout)
 */
record MigrationJson(String version, String description, String script, String type, String state,
        Instant installedOn, Integer executionTimeMs, String phase) {

    static List<MigrationJson> all(List<Migration> migrations) {
        return migrations.stream()
                .map(m -> new MigrationJson(m.version(), m.description(), m.script(), m.type() == null ? null : m.type().name(),
                        m.state() == null ? null : m.state().label(), m.installedOn(), m.executionTimeMs(),
                        m.phase() == null ? null : m.phase().label()))
                .toList();
    }
}
