package com.example.service.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The one database both the reactive client and Flyway (JDBC) use in the packaged service and in
 * command mode. The keys are named so that the environment variables of the README table
 * ({@code DB_HOST}, {@code DB_PORT}, …) map onto them directly; application.properties builds the
 * datasource URLs from them.
 */
@ConfigMapping(prefix = "db")
public interface DatabaseConfig {

    /** DB_HOST: host name or address of the PostgreSQL server. */
    @WithDefault("localhost")
    String host();

    /** DB_PORT: TCP port of the PostgreSQL server. */
    @WithDefault("5432")
    int port();

    /** DB_NAME: the database holding the schema. */
    @WithDefault("example_db")
    String name();

    /** DB_USER: the role the service connects as. */
    @WithDefault("postgres")
    String user();

    /** DB_PASSWORD: never logged or printed; absent for trust or certificate authentication. */
    Optional<String> password();

    /** DB_WAIT_TIMEOUT: how long startup and {@code db wait} wait for the database to answer. */
    @WithDefault("60s")
    Duration waitTimeout();

    /**
     * DB_QUERY_TIMEOUT: how long a query of the sample API may take, connecting included, before
     * the request answers 503; it keeps a database outage from hanging requests.
     */
    @WithDefault("2s")
    Duration queryTimeout();
}
