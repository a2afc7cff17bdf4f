package com.example.service.migration;

import java.time.Instant;

/**
 * One migration as this code and the schema history table see it together.
 *
 * @param version         dotted version; null for a repeatable migration
 * @param description     the description, from the file name
 * @param script          the script's file name
 * @param type            how it is written; null where the source does not say (repair's report)
 * @param state           where it stands; null where the source does not say (repair's report)
 * @param installedOn     when it was applied; null when not applied
 * @param executionTimeMs how long it took; null when not applied
 * @param phase           expand or contract
 */
public record Migration(String version, String description, String script, Type type, State state,
        Instant installedOn, Integer executionTimeMs, Phase phase) {

    /** The label used in logs and CLI output: {@code V3__index_item_name}. */
    public String label() {
        return version == null ? script : "V" + version + "__" + description.replace(' ', '_');
    }

    /**
     * How a migration is written. The names are part of the admin API and {@code --json}; they
     * match the names Flyway 12 gives its types, and db.FlywayTypes maps each one explicitly.
     */
    public enum Type {
        SQL, JDBC, SCRIPT, CUSTOM, BASELINE, DELETE, SCHEMA, UNDO_SCRIPT,
        /** A type only a Flyway plugin knows. */
        OTHER
    }

    /**
     * Where a migration stands. Each label is part of the admin API and {@code --json}; the labels
     * match Flyway 12's display names, and db.FlywayTypes maps each of its states explicitly, so
     * that a Flyway upgrade cannot change what clients read.
     */
    public enum State {
        PENDING("Pending"),
        ABOVE_TARGET("Above Target"),
        BELOW_BASELINE("Below Baseline"),
        BASELINE_IGNORED("Ignored (Baseline)"),
        BASELINE("Baseline"),
        IGNORED("Ignored"),
        MISSING("Missing"),
        MISSING_FAILED("Failed (Missing)"),
        SUCCESS("Success"),
        UNDONE("Undone"),
        AVAILABLE("Available"),
        FAILED("Failed"),
        OUT_OF_ORDER("Out of Order"),
        FUTURE("Future"),
        FUTURE_FAILED("Failed (Future)"),
        OUTDATED("Outdated"),
        SUPERSEDED("Superseded"),
        DELETED("Deleted");

        private final String label;

        State(String label) {
            this.label = label;
        }

        /** The state as the admin API and {@code --json} print it, e.g. {@code Success}. */
        public String label() {
            return label;
        }
    }
}
