package com.example.service.migration.state;

/**
 * One validation finding.
 *
 * @param version   the migration's version; null for a repeatable one
 * @param script    the script's path, if the migration is still resolvable
 * @param errorCode Flyway's error code, e.g. CHECKSUM_MISMATCH, APPLIED_REPEATABLE_MIGRATION_NOT_RESOLVED
 * @param message   Flyway's explanation
 */
public record DriftItem(String version, String script, String errorCode, String message) {

    /**
     * A migration recorded as failed (FAILED_VERSIONED_MIGRATION and its kin): a failure to repair,
     * not drift, which is an applied script edited or gone since it was applied.
     */
    public boolean failure() {
        return errorCode != null && errorCode.startsWith("FAILED_");
    }

    /** The script's file name as an operator finds it in the source tree, or its version when it is gone. */
    public String label() {
        if (script != null) {
            return script.substring(script.lastIndexOf('/') + 1);
        }
        return version == null ? "a repeatable migration" : "V" + version;
    }
}
