package com.example.service.migration.lint;

/**
 * A finding as observed, before configuration, acceptances and inline comments have their say.
 *
 * @param statement the statement it belongs to (its {@code -- lint:ignore} comments apply)
 * @param line      the line to report: the statement's, or a directive's within it
 */
record Observed(LintRule rule, ScriptStatement statement, int line, String message, String fix) {

    Observed(LintRule rule, ScriptStatement statement, String message, String fix) {
        this(rule, statement, statement.line(), message, fix);
    }
}
