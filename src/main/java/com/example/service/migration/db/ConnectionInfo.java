package com.example.service.migration.db;

import java.util.List;

/**
 * What command mode and the service connect to and migrate with; the password only as a mask.
 *
 * @param jdbcUrl            the JDBC URL, any password parameter masked
 * @param user               the role
 * @param password           {@code ****} when a password is set, null when none is
 * @param applicationName    the {@code application_name} this process's connections carry
 * @param migrationLocations MIGRATION_LOCATIONS
 * @param contractLocations  CONTRACT_LOCATIONS
 * @param undoLocations      UNDO_LOCATIONS
 * @param readinessMode      READINESS_MODE, lower case
 * @param lockTimeout        MIGRATION_LOCK_TIMEOUT, ISO-8601
 */
public record ConnectionInfo(String jdbcUrl, String user, String password, String applicationName,
        List<String> migrationLocations, List<String> contractLocations,
        List<String> undoLocations, String readinessMode, String lockTimeout) {
}
