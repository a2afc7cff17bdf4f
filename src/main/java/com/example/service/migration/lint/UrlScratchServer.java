package com.example.service.migration.lint;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/** The PostgreSQL server of LINT_SERVER_URL, used as it is: only the scratch database is created and dropped. */
final class UrlScratchServer implements ScratchServer {

    private final LintConfig.Server config;
    private final String maintenanceDatabase;

    UrlScratchServer(LintConfig.Server config) {
        this.config = config;
        String named = dataSource().getDatabaseName();
        this.maintenanceDatabase = named == null || named.isBlank() ? "postgres" : named;
    }

    @Override
    public DataSource database(String database) {
        PGSimpleDataSource dataSource = dataSource();
        dataSource.setDatabaseName(database);
        return dataSource;
    }

    private PGSimpleDataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(config.url().orElseThrow());
        dataSource.setUser(config.user());
        config.password().ifPresent(dataSource::setPassword);
        dataSource.setApplicationName("example-service db lint");
        return dataSource;
    }

    @Override
    public String maintenanceDatabase() {
        return maintenanceDatabase;
    }

    @Override
    public String origin() {
        return "LINT_SERVER_URL";
    }

    @Override
    public void close() {
        // Not ours to stop.
    }
}
