package com.example.service.migration;

/**
 * The two kinds of migration of design.md section 8. Expand migrations only add or relax, so the
 * release still running keeps working; they run before or at the new release's start. Contract
 * migrations remove what only the old release needed; they run after the rollout, once no
 * connected instance runs code that does not know them.
 */
public enum Phase {
    EXPAND, CONTRACT;

    /** The lower-case form of the JSON and text outputs. */
    public String label() {
        return name().toLowerCase();
    }
}
