package com.example.service.migration;

/**
 * What changes in the schema history table whenever anything is applied, fails, is repaired or
 * undone: cheap to read, so the full read runs only when it moves.
 */
record HistoryFingerprint(long rows, long maxRank, long checksumSum, long failed) {
}
