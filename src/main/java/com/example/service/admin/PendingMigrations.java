package com.example.service.admin;

import java.util.List;

/**
 * The answer of {@code GET /admin/db/pending}.
 *
 * @param count      how many
 * @param migrations this code's migrations not yet applied, in version order, each with its phase: expand ones
 *                   run at the next upgrade, contract ones after the rollout
 */
public record PendingMigrations(int count, List<Migration> migrations) {

    static PendingMigrations of(List<com.example.service.migration.Migration> pending) {
        return new PendingMigrations(pending.size(), Migration.all(pending));
    }
}
