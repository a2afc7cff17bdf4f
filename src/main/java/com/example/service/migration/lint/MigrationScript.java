package com.example.service.migration.lint;

import java.util.List;

/**
 * A SQL migration of this code, read and split as Flyway would run it.
 *
 * @param version     dotted version; null for a repeatable migration
 * @param script      the script's name relative to its location
 * @param file        where it lives, for people and code-scanning tools (see {@link LintFinding#file()})
 * @param transaction how Flyway runs its statements
 * @param statements  its statements in order
 */
record MigrationScript(String version, String script, String file, TransactionMode transaction,
        List<ScriptStatement> statements) {

    /** {@code V2 (V2__add_x.sql)}, or the script's name for a repeatable migration. */
    String label() {
        return version == null ? script : "V" + version + " (" + script + ")";
    }
}
