package com.example.service.migration;

/**
 * A migration that an upgrade applied.
 *
 * @param version         its version; null for a repeatable migration
 * @param description     its description
 * @param script          its file name
 * @param executionTimeMs how long it ran
 */
public record AppliedMigration(String version, String description, String script, long executionTimeMs) {

    /** The progress line of migration {@code index} of {@code total}: {@code [3/120] V3 add index … 120 ms}. */
    public String progressLine(int index, int total) {
        return "[%d/%d] %s %s … %d ms".formatted(index, total, version == null ? script : "V" + version, description,
                executionTimeMs);
    }
}
