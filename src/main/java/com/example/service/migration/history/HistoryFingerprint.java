package com.example.service.migration.history;

/**
 * What changes in the schema history table whenever anything is applied, fails, is repaired or
 * undone: cheap to read, so the full read runs only when it moves.
 */
public record HistoryFingerprint(long rows, long maxRank, long checksumSum, long failed) {
}
