package com.example.service.migration.apply;

import java.util.List;

import com.example.service.migration.AppliedMigration;

/**
 * What an upgrade did.
 *
 * @param fromVersion the version before; null on an empty schema
 * @param toVersion   the version after; null if still empty
 * @param applied     each migration applied, in order
 * @param totalTimeMs wall time of the whole upgrade, lock wait excluded
 */
public record UpgradeResult(String fromVersion, String toVersion, List<AppliedMigration> applied, long totalTimeMs) {
}
