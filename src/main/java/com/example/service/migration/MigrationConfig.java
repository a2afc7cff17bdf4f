package com.example.service.migration;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * How and when the schema is migrated. Keys under {@code migration.} map straight from their
 * environment variables; the others read theirs through a default expression so the variable
 * names stay exactly those of the README table.
 */
@ConfigMapping(prefix = "migration")
public interface MigrationConfig {

    /** MIGRATE_AT_START: migrate before serving traffic; false when an init container or job does it. */
    @WithName("at-start")
    @WithDefault("${MIGRATE_AT_START:true}")
    boolean atStart();

    /**
     * MIGRATION_LOCATIONS: Flyway locations, read at run time so that mounted {@code filesystem:}
     * folders work without a rebuild.
     */
    @WithDefault("classpath:db/migration")
    List<String> locations();

    /**
     * CONTRACT_LOCATIONS: where contract (post-deploy) migrations are found, numbered in the same
     * version sequence as MIGRATION_LOCATIONS; only {@code db upgrade --phase contract} applies them.
     */
    @WithName("contract-locations")
    @WithDefault("${CONTRACT_LOCATIONS:classpath:db/contract}")
    List<String> contractLocations();

    /** UNDO_LOCATIONS: where the undo scripts {@code U<version>__<description>.sql} are found. */
    @WithName("undo-locations")
    @WithDefault("${UNDO_LOCATIONS:classpath:db/undo}")
    List<String> undoLocations();

    /** MIGRATION_LOCK_TIMEOUT: how long an instance waits for another instance's migration. */
    @WithDefault("5m")
    Duration lockTimeout();

    /**
     * MIGRATION_STATEMENT_LOCK_TIMEOUT: PostgreSQL {@code lock_timeout} of the migration sessions
     * (Flyway's, undo scripts'), never of the application's pool. DDL waiting for a busy table queues
     * every later query on that table behind it; failing fast and retrying keeps the service answering.
     * 0 waits forever.
     */
    @WithName("statement-lock-timeout")
    @WithDefault("10s")
    Duration statementLockTimeout();

    /**
     * BASELINE_ON_MIGRATE: an upgrade that finds tables but no schema history records a baseline at
     * BASELINE_VERSION first, adopting a schema that predates the service; an empty schema migrates from
     * the first version as usual.
     */
    @WithName("baseline-on-migrate")
    @WithDefault("${BASELINE_ON_MIGRATE:false}")
    boolean baselineOnMigrate();

    /** BASELINE_VERSION: the version BASELINE_ON_MIGRATE takes an adopted schema to be at. */
    @WithName("baseline-version")
    @WithDefault("${BASELINE_VERSION:1}")
    String baselineVersion();

    /** READINESS_MODE: which schema states count as ready (see {@link ReadinessMode}). */
    @WithName("readiness-mode")
    @WithDefault("${READINESS_MODE:compatible}")
    ReadinessMode readinessMode();

    /** SCHEMA_STATE_REFRESH: how often a serving instance re-reads the schema state. */
    @WithName("state-refresh")
    @WithDefault("${SCHEMA_STATE_REFRESH:5s}")
    Duration stateRefresh();

    /** The role every schema change and every read of the schema history connects as. */
    Role db();

    interface Role {

        /**
         * MIGRATION_DB_USER: owns the schema (creates, alters, drops); DB_USER when unset, so that
         * one role with every right keeps working.
         */
        @WithDefault("${db.user}")
        String user();

        /** MIGRATION_DB_PASSWORD: that role's password, DB_PASSWORD when unset; never logged or printed. */
        @WithDefault("${db.password:}")
        Optional<String> password();
    }
}
