package com.example.service.migration;

/** The kinds of schema change that are audited and counted. */
public enum ChangeAction {
    UPGRADE, DOWNGRADE, RESET, REPAIR, BASELINE,
    /** {@code db upgrade --phase contract}. */
    CONTRACT,
    /** {@code db upgrade --phase contract --force}: applied without waiting for older releases to leave. */
    CONTRACT_FORCED;

    /** The lower-case form used in log lines, metric tags and the audit table: {@code contract-forced}. */
    public String label() {
        return name().toLowerCase().replace('_', '-');
    }

    /**
     * An upgrade of either phase: one that found nothing to apply changed nothing, and is not audited
     * (every replica's start would add a row otherwise).
     */
    public boolean applies() {
        return this == UPGRADE || this == CONTRACT || this == CONTRACT_FORCED;
    }
}
