package com.example.service.admin;

import java.util.List;

/**
 * The answer of {@code POST /admin/db/upgrade}: what was applied.
 *
 * @param fromVersion the version before; null on an empty schema
 * @param toVersion   the version after; null if still empty
 * @param applied     each migration applied, in order
 * @param totalTimeMs wall time of the whole upgrade
 */
public record UpgradeResult(String fromVersion, String toVersion, List<AppliedMigration> applied, long totalTimeMs) {

    static UpgradeResult of(com.example.service.migration.apply.UpgradeResult result) {
        return new UpgradeResult(result.fromVersion(), result.toVersion(),
                result.applied().stream().map(AppliedMigration::of).toList(), result.totalTimeMs());
    }

    /**
     * One migration the upgrade applied.
     *
     * @param version         its version; null for a repeatable migration
     * @param description     its description
     * @param script          its file name
     * @param executionTimeMs how long it ran
     */
    public record AppliedMigration(String version, String description, String script, long executionTimeMs) {

        static AppliedMigration of(com.example.service.migration.AppliedMigration m) {
            return new AppliedMigration(m.version(), m.description(), m.script(), m.executionTimeMs());
        }
    }
}
