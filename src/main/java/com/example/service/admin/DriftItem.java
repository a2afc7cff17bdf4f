package com.example.service.admin;

import java.util.List;

/**
 * One validation finding, in {@code GET validate} and in the 422 of an upgrade refused for drift.
 *
 * @param version   the migration's version; null for a repeatable one
 * @param script    the script's path, if the migration is still resolvable
 * @param errorCode what was found, e.g. CHECKSUM_MISMATCH, APPLIED_REPEATABLE_MIGRATION_NOT_RESOLVED
 * @param message   the explanation
 */
public record DriftItem(String version, String script, String errorCode, String message) {

    static List<DriftItem> all(List<com.example.service.migration.state.DriftItem> items) {
        return items.stream().map(d -> new DriftItem(d.version(), d.script(), d.errorCode(), d.message())).toList();
    }
}
