package com.example.service.migration.state;

/**
 * One validation finding.
 *
 * @param version   the migration's version; null for a repeatable one
 * @param script    the script's path, if the migration is still resolvable
 * @param errorCode Flyway's error code, e.g. CHECKSUM_MISMATCH, APPLIED_REPEATABLE_MIGRATION_NOT_RESOLVED
 * @param message   Flyway's explanation
 */
public record DriftItem(String version, String script, String errorCode, String message) {
}
