package com.example.service.migration.lint;

/**
 * One thing PostgreSQL will do with a pending migration that the service's users would feel.
 *
 * @param rule     the rule's stable id, e.g. {@code blocking-index-build}
 * @param severity error (fails {@code db lint}) or warning
 * @param version  the migration's version; null for a repeatable migration
 * @param script   the script's name, relative to its location, as Flyway reports it
 * @param file     where the script lives: {@code src/main/resources/…} for a classpath location, the
 *                 folder's path for a {@code filesystem:} one
 * @param line     the line of the statement in the script (1-based)
 * @param message  what PostgreSQL will do: which lock, on what, blocking what, and how the time scales
 * @param fix      the safe way to get the same result
 */
public record LintFinding(String rule, Severity severity, String version, String script, String file, int line,
        String message, String fix) {
}
