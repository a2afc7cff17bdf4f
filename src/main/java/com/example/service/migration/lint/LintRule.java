package com.example.service.migration.lint;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every rule of {@code db lint}, with its stable id; each is an error unless LINT_WARN downgrades it. Ids never change meaning once released: the
 * accepted-findings file, {@code -- lint:ignore} comments and LINT_EXCLUDE/LINT_WARN name them.
 */
public enum LintRule {

    TABLE_REWRITE("table-rewrite", RuleGroup.LOCKING,
            "The statement rewrites an existing table under an ACCESS EXCLUSIVE lock."),
    BLOCKING_INDEX_BUILD("blocking-index-build", RuleGroup.LOCKING,
            "An index is built on an existing table under a lock that blocks writes."),
    BLOCKING_SCAN("blocking-scan", RuleGroup.LOCKING,
            "An existing table is read in full (to validate a constraint, or by a query) while the migration holds a lock on it that blocks writes."),
    WHOLE_TABLE_UPDATE("whole-table-update", RuleGroup.LOCKING,
            "An UPDATE or DELETE reads a whole existing table and keeps the rows it changes locked until the migration commits."),
    CONCURRENTLY_IN_TRANSACTION("concurrently-in-transaction", RuleGroup.LOCKING,
            "A CONCURRENTLY statement in a script that runs in a transaction: PostgreSQL or Flyway refuses it."),
    DROP_TABLE("drop-table", RuleGroup.BREAKING,
            "A table or view that existed before the migration is gone afterwards."),
    RENAME_TABLE("rename-table", RuleGroup.BREAKING,
            "A table or view that existed before the migration has another name afterwards."),
    DROP_COLUMN("drop-column", RuleGroup.BREAKING,
            "A column of an existing table or view is gone after the migration."),
    RENAME_COLUMN("rename-column", RuleGroup.BREAKING,
            "A column of an existing table has another name after the migration."),
    CHANGE_COLUMN_TYPE("change-column-type", RuleGroup.BREAKING,
            "A column of an existing table has another type, and PostgreSQL converted its values."),
    ADD_REQUIRED_COLUMN("add-required-column", RuleGroup.BREAKING,
            "A column added to an existing table is NOT NULL without a default."),
    MAKE_COLUMN_REQUIRED("make-column-required", RuleGroup.BREAKING,
            "An existing nullable column without a default becomes NOT NULL."),
    MIGRATION_FAILS("migration-fails", RuleGroup.SCRIPT,
            "The migration fails on the scratch database, so it would fail on the target too."),
    INVALID_LINT_IGNORE("invalid-lint-ignore", RuleGroup.SCRIPT,
            "A -- lint:ignore comment without a known rule id or without a reason.");

    private final String id;
    private final RuleGroup group;
    private final String summary;

    LintRule(String id, RuleGroup group, String summary) {
        this.id = id;
        this.group = group;
        this.summary = summary;
    }

    public String id() {
        return id;
    }

    public RuleGroup group() {
        return group;
    }

    /** One sentence saying what the rule finds. */
    public String summary() {
        return summary;
    }

    /**
     * False for the rule that keeps lint's own directives honest: excluding, downgrading or ignoring
     * it would let a reason-less {@code lint:ignore} through.
     */
    public boolean configurable() {
        return this != INVALID_LINT_IGNORE;
    }

    public static Optional<LintRule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
