package com.example.service.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server of the test's own, configured like a production one: password (SCRAM)
 * authentication for TCP clients and TLS with a certificate for {@code localhost} signed by a CA
 * the test makes. The shared test server trusts every local connection, so it can prove neither.
 * The certificate names {@code localhost} only: {@code 127.0.0.1} reaches the same server under a
 * name it does not carry, which {@code verify-full} must refuse.
 */
public final class SecurePostgres implements AutoCloseable {

    private final EmbeddedPostgres server;
    private final Path dir;

    private SecurePostgres(EmbeddedPostgres server, Path dir) {
        this.server = server;
        this.dir = dir;
    }

    public static SecurePostgres start() {
        try {
            Path dir = Files.createTempDirectory("secure-pg-");
            makeCertificates(dir);
            Path hba = Files.writeString(dir.resolve("pg_hba.conf"), String.join("\n",
                    "local all all trust",
                    // The superuser stays trusted so that the embedded server's own start-up check
                    // can connect; every other role must give its password.
                    "host all postgres 127.0.0.1/32 trust",
                    "host all postgres ::1/128 trust",
                    "host all all 127.0.0.1/32 scram-sha-256",
                    "host all all ::1/128 scram-sha-256", ""));
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setServerConfig("hba_file", hba.toString())
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("ssl", "on")
                    .setServerConfig("ssl_cert_file", dir.resolve("server.crt").toString())
                    .setServerConfig("ssl_key_file", dir.resolve("server.key").toString())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
            return new SecurePostgres(server, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CA, and a server certificate for localhost that it signs. */
    private static void makeCertificates(Path dir) throws IOException {
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=DNS:localhost\n");
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=test-ca",
                "-keyout", "ca.key", "-out", "ca.crt");
        openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
                "-keyout", "server.key", "-out", "server.csr");
        openssl(dir, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-days", "2", "-extfile", "san.ext", "-out", "server.crt");
        Files.setPosixFilePermissions(dir.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
    }

    private static void openssl(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("openssl " + String.join(" ", args) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server.getPort();
    }

    /** The CA certificate that signed the server's, for DB_SSLROOTCERT. */
    public Path rootCertificate() {
        return dir.resolve("ca.crt");
    }

    /** Creates a login role that must authenticate with {@code password}. */
    public void createRole(String name, String password, String... options) {
        execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "' " + String.join(" ", options));
    }

    /** Runs SQL as the trusted superuser. */
    public void execute(String sql) {
        execute("postgres", sql);
    }

    /** Runs SQL as the trusted superuser in {@code database}. */
    public void execute(String database, String sql) {
        try (Connection c = server.getDatabase("postgres", database).getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of every row {@code sql} returns in {@code database}, as strings, queried as the superuser. */
    public List<String> column(String database, String sql) {
        try (Connection c = server.getDatabase("postgres", database).getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Creates an empty database with a unique name and returns that name. */
    public String createDatabase() {
        String name = "es_secure_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + name);
        return name;
    }

    /** Connects over TCP as {@code user}, authenticating with {@code password} (TLS as pgjdbc prefers). */
    public Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port() + "/" + database, user, password);
    }

    /** DB_* pointing the packaged service at {@code database} on this server by its certified name, on a free HTTP port. */
    public Map<String, String> environment(String database) {
        Map<String, String> env = new HashMap<>();
        env.put("DB_HOST", "localhost");
        env.put("DB_PORT", String.valueOf(port()));
        env.put("DB_NAME", database);
        env.put("PORT", String.valueOf(ServiceProcess.freePort()));
        return env;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
