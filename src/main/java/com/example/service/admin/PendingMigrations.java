package com.example.service.admin;

import java.util.List;

import com.example.service.migration.Migration;

/**
 * The answer of {@code GET /admin/db/pending}.
 *
 * @param count      how many
 * @param migrations this code's migrations not yet applied, in version order, each with its phase: expand ones
 *                   run at the next upgrade, contract ones after the rollout
 */
public record PendingMigrations(int count, List<Migration> migrations) {
}
