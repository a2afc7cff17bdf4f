package com.example.service.migration.db;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.example.service.migration.MigrationConfig;

/**
 * The migration connection as configured, read from the datasource configuration rather than from
 * DB_* and MIGRATION_DB_*, so that it also tells the truth when QUARKUS_DATASOURCE_MIGRATION_*
 * variables override them.
 */
@ApplicationScoped
public class ConnectionSettings {

    static final String MASK = "****";
    private static final String DATASOURCE = "quarkus.datasource." + MigrationDataSource.NAME + ".";

    private final Optional<String> jdbcUrl;
    private final Optional<String> user;
    private final Optional<String> password;
    private final Optional<String> applicationName;
    private final MigrationConfig config;

    ConnectionSettings(@ConfigProperty(name = DATASOURCE + "jdbc.url") Optional<String> jdbcUrl,
            @ConfigProperty(name = DATASOURCE + "username") Optional<String> user,
            @ConfigProperty(name = DATASOURCE + "password") Optional<String> password,
            @ConfigProperty(name = DATASOURCE + "jdbc.additional-jdbc-properties.ApplicationName") Optional<String> applicationName,
            MigrationConfig config) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.applicationName = applicationName;
        this.config = config;
    }

    public ConnectionInfo describe() {
        return new ConnectionInfo(jdbcUrl.map(ConnectionSettings::maskPassword).orElse(null), user.orElse(null),
                password.filter(p -> !p.isEmpty()).map(p -> MASK).orElse(null), applicationName.orElse(null),
                config.locations(), config.contractLocations(), config.undoLocations(), config.readinessMode().name().toLowerCase(),
                config.lockTimeout().toString());
    }

    /** A password given as a URL parameter ({@code ?password=…}) must not be printed either. */
    static String maskPassword(String url) {
        return url.replaceAll("(?i)([?&;]password=)[^&;]*", "$1" + MASK);
    }
}
