package com.example.service.migration.lint;

import java.io.IOException;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL started for one run in a temporary directory, on a free port, and removed with its
 * data when closed: {@code db lint} needs no server of its own to be set up.
 */
final class EmbeddedScratchServer implements ScratchServer {

    private static final Logger LOG = Logger.getLogger(EmbeddedScratchServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedScratchServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedScratchServer start() {
        LOG.info("Starting an embedded PostgreSQL for the scratch database (set LINT_SERVER_URL to use a server instead)");
        try {
            return new EmbeddedScratchServer(EmbeddedPostgres.builder()
                    // Nothing written here has to survive a crash: the whole server is thrown away.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start());
        } catch (IOException | RuntimeException e) {
            throw new LintException("could not start the embedded PostgreSQL for the scratch database: " + e.getMessage()
                    + " (set LINT_SERVER_URL to a PostgreSQL server instead)", e);
        }
    }

    @Override
    public DataSource database(String database) {
        return postgres.getDatabase("postgres", database);
    }

    @Override
    public String maintenanceDatabase() {
        return "postgres";
    }

    @Override
    public String origin() {
        return "embedded";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warnf("could not stop the embedded PostgreSQL cleanly: %s", e.getMessage());
        }
    }
}
