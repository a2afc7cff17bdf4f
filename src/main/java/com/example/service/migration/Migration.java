package com.example.service.migration;

import java.time.Instant;

/**
 * One migration as this code and the schema history table see it together.
 *
 * @param version         dotted version; null for a repeatable migration
 * @param description     Flyway's description, from the file name
 * @param script          the script's file name
 * @param type            SQL, JDBC, BASELINE, …
 * @param state           Flyway's state name: Pending, Success, Failed, Future, Missing, …
 * @param installedOn     when it was applied; null when not applied
 * @param executionTimeMs how long it took; null when not applied
 * @param phase           {@code expand} or {@code contract} ({@link Phase#label()})
 */
public record Migration(String version, String description, String script, String type, String state,
        Instant installedOn, Integer executionTimeMs, String phase) {

    /** The label used in logs and CLI output: {@code V3__index_item_name}. */
    public String label() {
        return version == null ? script : "V" + version + "__" + description.replace(' ', '_');
    }
}
