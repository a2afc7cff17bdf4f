package com.example.service.admin;

import java.time.Instant;
import java.util.List;

/**
 * A migration as the admin API shows it: the status's last applied one, each pending one.
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
public record Migration(String version, String description, String script, String type, String state,
        Instant installedOn, Integer executionTimeMs, String phase) {

    static Migration of(com.example.service.migration.Migration m) {
        return new Migration(m.version(), m.description(), m.script(), m.type() == null ? null : m.type().name(),
                m.state() == null ? null : m.state().label(), m.installedOn(), m.executionTimeMs(),
                        m.phase() == null ? null : m.phase().label());
    }

    static List<Migration> all(List<com.example.service.migration.Migration> migrations) {
        return migrations.stream().map(Migration::of).toList();
    }
}
