package com.example.service.migration;

import java.util.List;

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
