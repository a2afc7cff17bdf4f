package com.example.service.migration.scaffold;

/**
 * The files {@code db migrate -m} created.
 *
 * @param version       the new version
 * @param migrationFile the migration script, {@code V<version>__<slug>.sql}
 * @param undoFile      its undo script, comments only until written, {@code U<version>__<slug>.sql}
 */
public record NewMigration(String version, String migrationFile, String undoFile) {
}
