package com.example.service.migration.lint;

/** What a rule protects against; expand/contract phases will judge {@link #BREAKING} rules by phase. */
public enum RuleGroup {

    /** Traffic on an existing table waits for the migration: blocking locks held during work that scales with the table. */
    LOCKING,

    /** The release still running breaks: something it reads or writes is gone, renamed, retyped or now required. */
    BREAKING,

    /** The script itself: it fails, or it misuses a lint directive. */
    SCRIPT
}
