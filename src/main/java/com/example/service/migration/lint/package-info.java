/**
 * {@code db lint}: replays migrations on a scratch database and reports what PostgreSQL does with
 * each pending one (locks, rewrites, full-table scans, catalog changes that break the release still
 * running). The target database is only read. Flyway's parser, an internal API, stays in
 * {@link com.example.service.migration.lint.ScriptReader}.
 */
package com.example.service.migration.lint;
