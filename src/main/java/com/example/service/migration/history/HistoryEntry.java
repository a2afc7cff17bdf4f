package com.example.service.migration.history;

import java.time.Instant;

import com.example.service.migration.Phase;

/**
 * One row of the schema history table.
 *
 * @param installedRank   order of installation, 1 first
 * @param version         the version; null for a repeatable migration
 * @param description     its description
 * @param type            SQL, JDBC, BASELINE, …
 * @param script          the script's file name
 * @param checksum        the script's checksum when applied
 * @param installedBy     the database role that applied it
 * @param installedOn     when (UTC)
 * @param executionTimeMs how long it ran
 * @param success         false for a failed migration
 * @param phase           expand or contract, as this code knows the version
 */
public record HistoryEntry(int installedRank, String version, String description, String type, String script,
        Integer checksum, String installedBy, Instant installedOn, long executionTimeMs, boolean success,
        Phase phase) {
}
