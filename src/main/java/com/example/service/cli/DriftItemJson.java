package com.example.service.cli;

import java.util.List;

import com.example.service.migration.state.DriftItem;

/**
 * One validation finding in {@code --json}.
 *
 * @param version   the migration's version; null for a repeatable one
 * @param script    the script's path, if the migration is still resolvable
 * @param errorCode what was found, e.g. CHECKSUM_MISMATCH
 * @param message   the explanation
 */
record DriftItemJson(String version, String script, String errorCode, String message) {

    static List<DriftItemJson> all(List<DriftItem> items) {
        return items.stream().map(d -> new DriftItemJson(d.version(), d.script(), d.errorCode(), d.message())).toList();
    }
}
