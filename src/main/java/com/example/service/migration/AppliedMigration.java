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
}
