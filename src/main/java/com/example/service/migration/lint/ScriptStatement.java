package com.example.service.migration.lint;

/**
 * One statement of a script, as Flyway splits it.
 *
 * @param line                the line of its first token in the script (1-based)
 * @param sql                 its text without the delimiter, with the comments that precede it
 * @param canRunInTransaction false for what PostgreSQL refuses inside a transaction block, as Flyway detects it
 */
record ScriptStatement(int line, String sql, boolean canRunInTransaction) {
}
