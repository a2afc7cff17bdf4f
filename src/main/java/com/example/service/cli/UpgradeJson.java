package com.example.service.cli;

import java.util.List;

import com.example.service.migration.apply.UpgradeResult;

/**
 * What {@code db upgrade} (and the upgrade within {@code db reset}) applied, in {@code --json}.
 *
 * @param fromVersion the version before; null on an empty schema
 * @param toVersion   the version after; null if still empty
 * @param applied     each migration applied, in order
 * @param totalTimeMs wall time of the whole upgrade, lock wait excluded
 */
record UpgradeJson(String fromVersion, String toVersion, List<AppliedMigrationJson> applied, long totalTimeMs) {

    static UpgradeJson of(UpgradeResult result) {
        return new UpgradeJson(result.fromVersion(), result.toVersion(), AppliedMigrationJson.all(result.applied()),
                result.totalTimeMs());
    }
}
