package com.example.service.migration;

/** The kinds of schema change that are audited and counted. */
public enum ChangeAction {
    UPGRADE, DOWNGRADE, RESET, REPAIR, BASELINE;

    /** The lower-case form used in log lines, metric tags and the audit table. */
    public String label() {
        return name().toLowerCase();
    }
}
