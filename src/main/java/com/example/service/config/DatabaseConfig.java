package com.example.service.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import com.example.service.migration.MigrationConfig;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The one database both the reactive client and Flyway (JDBC) use in the packaged service and in
 * command mode. The keys are named so that the environment variables of the README table
 * ({@code DB_HOST}, {@code DB_PORT}, …) map onto them directly; application.properties builds the
 * datasource URLs from them. The user and password are the application's; migrations connect as
 * MIGRATION_DB_USER (see {@code migration.MigrationConfig}).
 */
@ConfigMapping(prefix = "db")
public interface DatabaseConfig {

    /**
     * DB_HOST: host name or address of the PostgreSQL server. Unset outside production, the entry
     * point starts the embedded server (database.DatabaseChoice) and sets this to its address; in
     * production it must be set.
     */
    Optional<String> host();

    /** DB_PORT: TCP port of the PostgreSQL server. */
    @WithDefault("5432")
    int port();

    /** DB_NAME: the database holding the schema. */
    @WithDefault("example_db")
    String name();

    /** DB_USER: the role the application's queries run as; it needs data privileges only. */
    @WithDefault("postgres")
    String user();

    /** DB_PASSWORD: never logged or printed; absent for trust or certificate authentication. */
    Optional<String> password();

    /**
     * DB_EMBEDDED_DIR: where the embedded PostgreSQL keeps its data, used when DB_HOST is unset
     * outside production; it survives restarts.
     */
    @WithName("embedded-dir")
    @WithDefault("${user.home}/.local/share/example-service")
    Path embeddedDir();

    /** DB_WAIT_TIMEOUT: how long startup and {@code db wait} wait for the database to answer. */
    @WithDefault("60s")
    Duration waitTimeout();

    /**
     * DB_QUERY_TIMEOUT: how long a query of the sample API may take, connecting included, before
     * the request answers 503; it keeps a database outage from hanging requests.
     */
    @WithDefault("2s")
    Duration queryTimeout();

    /**
     * DB_SSLMODE: TLS to PostgreSQL for every connection, reactive and JDBC, in libpq's terms. The
     * default, {@code prefer}, is libpq's and pgjdbc's: encrypted where the server offers TLS,
     * nothing verified.
     */
    @WithDefault("prefer")
    SslMode sslmode();

    /**
     * DB_SSLROOTCERT: a PEM file with the CA certificate(s) that sign the server's certificate,
     * read by {@code verify-ca} and {@code verify-full} only. The default is libpq's and pgjdbc's.
     */
    @WithDefault("${user.home}/.postgresql/root.crt")
    Path sslrootcert();

    /** The libpq modes both drivers share (libpq's {@code allow} has no use here). */
    enum SslMode {
        /** Plain TCP. */
        DISABLE,
        /** TLS when the server offers it, unverified; plain TCP otherwise. */
        PREFER,
        /** TLS or no connection; the certificate is not verified. */
        REQUIRE,
        /** TLS, and the certificate must be signed by DB_SSLROOTCERT. */
        VERIFY_CA,
        /** As verify-ca, and the certificate must name DB_HOST. */
        VERIFY_FULL;

        /** The name libpq, pgjdbc and Vert.x use: {@code verify-full}. */
        public String libpqName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public boolean verifiesCertificate() {
            return this == VERIFY_CA || this == VERIFY_FULL;
        }
    }
}
