package com.example.service.database;

import java.util.Optional;

import org.jboss.logging.Logger;

import com.example.service.config.DatabaseConfig;

import io.smallrye.config.SmallRyeConfig;

/**
 * Which PostgreSQL a process uses: the server DB_HOST names or, when DB_HOST is unset, the embedded
 * one, so that a checkout runs with nothing installed but a JDK. Never in production: there a
 * missing DB_HOST is a deployment mistake, and keeping the data on the pod's disk would hide it.
 */
public final class DatabaseChoice {

    private static final Logger LOG = Logger.getLogger(DatabaseChoice.class);

    private DatabaseChoice() {
    }

    /** APP_ENV=production without DB_HOST; the message is the one line an operator reads. */
    public static final class MissingHostException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        MissingHostException() {
            super("APP_ENV=production needs DB_HOST: set DB_HOST (with DB_PORT, DB_NAME, DB_USER, DB_PASSWORD) to your "
                    + "PostgreSQL server; the embedded PostgreSQL is for development only");
        }
    }

    /**
     * @param config   the configuration as read before Quarkus starts ({@link com.example.service.config.EarlyConfig})
     * @param connects whether this run talks to the database at all (help and {@code db migrate} do not)
     * @return the embedded server this run uses, open and holding the DB_NAME database; empty when DB_HOST
     *         names a server or the run needs none
     * @throws MissingHostException    in production without DB_HOST, whether or not the run connects
     * @throws EmbeddedServerException when the embedded server cannot be used
     */
    public static Optional<EmbeddedServer> choose(SmallRyeConfig config, boolean connects) {
        DatabaseConfig database = config.getConfigMapping(DatabaseConfig.class);
        if (database.host().isPresent()) {
            return Optional.empty();
        }
        if (config.getOptionalValue("app.env", String.class).filter("production"::equalsIgnoreCase).isPresent()) {
            throw new MissingHostException();
        }
        if (!connects) {
            return Optional.empty();
        }
        EmbeddedServer server;
        try {
            server = EmbeddedServer.open(database.embeddedDir(), EmbeddedServer.Durability.DURABLE);
        } catch (EmbeddedServerException e) {
            throw orSetDbHost(e);
        }
        try {
            server.ensureDatabase(database.name());
        } catch (EmbeddedServerException e) {
            server.close();
            throw orSetDbHost(e);
        }
        LOG.infof("Database: the %s (DB_HOST is unset); set DB_HOST, DB_PORT, DB_USER and DB_PASSWORD to use another PostgreSQL",
                server);
        return Optional.of(server);
    }

    private static EmbeddedServerException orSetDbHost(EmbeddedServerException e) {
        return new EmbeddedServerException(e.getMessage() + "; or set DB_HOST to use another PostgreSQL", e);
    }
}
