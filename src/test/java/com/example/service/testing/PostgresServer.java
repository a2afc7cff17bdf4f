package com.example.service.testing;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server tests run against: the one named by {@code QUARKUS_DATASOURCE_JDBC_URL}
 * (what .ci/run exports where no Docker engine runs), otherwise one Testcontainers starts once per
 * JVM. Tests never share a database: each creates its own here and drops it afterwards.
 */
public final class PostgresServer {

    private static PostgresServer instance;

    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private PostgresServer(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    public static synchronized PostgresServer get() {
        if (instance == null) {
            String url = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
            instance = url != null ? fromJdbcUrl(url) : startContainer();
        }
        return instance;
    }

    private static PostgresServer fromJdbcUrl(String jdbcUrl) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return new PostgresServer(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
                envOr("QUARKUS_DATASOURCE_USERNAME", "postgres"), System.getenv("QUARKUS_DATASOURCE_PASSWORD"));
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM ends
    private static PostgresServer startContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
        container.start();
        return new PostgresServer(container.getHost(), container.getMappedPort(5432), container.getUsername(),
                container.getPassword());
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    /** Null for trust authentication. */
    public String password() {
        return password;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    /** Creates an empty database with a unique name and returns that name. */
    public String createDatabase() {
        String name = "es_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        admin("CREATE DATABASE " + name);
        return name;
    }

    public void dropDatabase(String name) {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void admin(String sql) {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }
}
