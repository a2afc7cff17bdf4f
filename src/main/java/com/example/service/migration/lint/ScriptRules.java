package com.example.service.migration.lint;

import java.util.ArrayList;
import java.util.List;

/** What a script's text and its {@code .sql.conf} show before it runs: statements refused in a transaction, bad directives. */
final class ScriptRules {

    private static final String OWN_SCRIPT = "Move the statement into a script of its own, with a .sql.conf beside it holding"
            + " executeInTransaction=false (like V3__index_item_name.sql.conf).";

    private ScriptRules() {
    }

    static List<Observed> beforeRunning(MigrationScript script) {
        List<Observed> found = new ArrayList<>();
        for (ScriptStatement statement : script.statements()) {
            StatementForm form = StatementForm.of(statement.sql());
            String refusal = refusal(script.transaction(), statement, form);
            if (refusal != null) {
                found.add(new Observed(form.concurrently() ? LintRule.CONCURRENTLY_IN_TRANSACTION : LintRule.MIGRATION_FAILS,
                        statement, refusal, OWN_SCRIPT));
            }
            for (IgnoreDirective directive : IgnoreDirective.in(statement)) {
                if (directive.problem() != null) {
                    found.add(new Observed(LintRule.INVALID_LINT_IGNORE, statement, directive.line(), "-- lint:ignore " + directive.problem() + ": it accepts nothing.",
                            "Write -- lint:ignore <rule> <reason>, naming the rule whose finding on the next statement is"
                                    + " accepted and why, e.g. -- lint:ignore blocking-index-build the table holds ten rows."));
                }
            }
        }
        return found;
    }

    /** Why Flyway or PostgreSQL refuses {@code statement} where the script runs it; null when neither does. */
    private static String refusal(TransactionMode mode, ScriptStatement statement, StatementForm form) {
        if (mode == TransactionMode.REFUSED_MIXED && !statement.canRunInTransaction()) {
            return "Flyway refuses to run this script: this statement cannot run inside a transaction and the others need"
                    + " one (Flyway: \"Detected both transactional and non-transactional statements within the same"
                    + " migration\"), so db upgrade fails before running any of it.";
        }
        if (!form.concurrently() || mode == TransactionMode.EACH_STATEMENT || mode == TransactionMode.REFUSED_MIXED) {
            return null;
        }
        String why = mode == TransactionMode.DECLARED_ONE_TRANSACTION
                ? "its .sql.conf sets executeInTransaction=true"
                : "Flyway does not know this statement cannot run in one";
        return "Flyway runs this script in one transaction (" + why + "), and PostgreSQL refuses CONCURRENTLY inside a"
                + " transaction block: the migration fails.";
    }
}
