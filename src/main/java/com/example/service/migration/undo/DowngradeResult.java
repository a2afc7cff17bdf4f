package com.example.service.migration.undo;

import java.util.List;

import com.example.service.migration.AppliedMigration;

/**
 * What a downgrade did.
 *
 * @param fromVersion the version before
 * @param toVersion   the highest version still applied; null when nothing is left
 * @param undone      each migration undone, newest first, with its undo script and time
 * @param totalTimeMs wall time of the whole downgrade, lock wait excluded
 */
public record DowngradeResult(String fromVersion, String toVersion, List<AppliedMigration> undone, long totalTimeMs) {
}
