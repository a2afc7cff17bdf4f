package com.example.service.migration.db;

/**
 * Every schema change and every read of the schema history or the migration lock goes through the
 * JDBC datasource of this name ({@code quarkus.datasource.migration.*}), which connects as
 * MIGRATION_DB_USER; the application's reactive pool keeps DB_USER, a role that needs no DDL
 * rights.
 */
public final class MigrationDataSource {

    public static final String NAME = "migration";

    private MigrationDataSource() {
    }
}
