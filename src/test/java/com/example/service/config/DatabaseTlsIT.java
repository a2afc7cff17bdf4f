package com.example.service.config;

import static com.example.service.testing.TwoRoles.APP;
import static com.example.service.testing.TwoRoles.APP_PASSWORD;
import static com.example.service.testing.TwoRoles.MIGRATOR;
import static com.example.service.testing.TwoRoles.MIGRATOR_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.example.service.testing.SecurePostgres;
import com.example.service.testing.ServiceProcess;
import com.example.service.testing.TwoRoles;

/**
 * DB_SSLMODE and DB_SSLROOTCERT on both drivers, against a server whose certificate names
 * {@code localhost} only: {@code 127.0.0.1} reaches it under a name the certificate does not carry.
 */
class DatabaseTlsIT {

    private static final Duration START = Duration.ofSeconds(60);

    @RegisterExtension
    static final TwoRoles POSTGRES = new TwoRoles();

    private static Map<String, String> environment(String database, String sslMode) {
        Map<String, String> env = POSTGRES.environment(database);
        env.put("DB_SSLMODE", sslMode);
        env.put("DB_SSLROOTCERT", POSTGRES.server().rootCertificate().toString());
        return env;
    }

    @Test
    void verifyFullToTheCertifiedNameEncryptsTheMigrationAndTheApplicationConnections() {
        String database = POSTGRES.createDatabase();
        try (ServiceProcess service = ServiceProcess.start(environment(database, "verify-full"))) {
            service.awaitStatus("/q/health/ready", 200, START);
            HttpResponse<String> created = service.postJson("/api/items", "{\"name\":\"lamp\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

            // JDBC connects as the migration role, the reactive pool as the application role.
            assertThat(POSTGRES.server().column(database, """
                    SELECT DISTINCT a.usename || ' ssl=' || s.ssl FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid)
                     WHERE a.datname = current_database() AND a.application_name LIKE 'example-service/%'"""))
                    .containsExactlyInAnyOrder(APP + " ssl=true", MIGRATOR + " ssl=true");
        }
    }

    @Test
    void verifyFullAgainstANameTheCertificateDoesNotCarryFailsAfterTheWaitWithoutPrintingPasswords() {
        String database = POSTGRES.createDatabase();
        Map<String, String> env = environment(database, "verify-full");
        env.put("DB_HOST", "127.0.0.1");
        env.put("DB_WAIT_TIMEOUT", "3s");
        try (ServiceProcess service = ServiceProcess.start(env)) {
            assertThat(service.awaitExit(Duration.ofSeconds(45))).isEqualTo(5);
            String output = service.output();
            assertThat(output).contains("The hostname 127.0.0.1 could not be verified", "DB_WAIT_TIMEOUT");
            assertThat(output).doesNotContain(APP_PASSWORD, MIGRATOR_PASSWORD);
        }
    }

    @Test
    void verifyFullChecksTheNameOnTheApplicationPoolToo() {
        String database = POSTGRES.createDatabase();
        Map<String, String> env = environment(database, "verify-full");
        // Migrations reach the server as localhost; only the application's pool uses the wrong name.
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:" + POSTGRES.server().port() + "/" + database);
        try (ServiceProcess service = ServiceProcess.start(env)) {
            service.awaitStatus("/q/health/started", 200, START);
            // The migrations went through; the application's pool, checked at every refresh, keeps the
            // instance unready (issue 12, item 5), and the reason and the log name the refused handshake.
            long deadline = System.nanoTime() + START.toNanos();
            while (!service.healthData("/q/health/ready").path("reason").asText().contains("SSL handshake failed")) {
                assertThat(System.nanoTime()).as("readiness names the handshake:\n" + service.output()).isLessThan(deadline);
                ServiceProcess.sleep(100);
            }
            assertThat(service.status("/q/health/ready")).isEqualTo(503);
            assertThat(service.status("/api/items")).isEqualTo(503);
            assertThat(service.output()).contains("SSL handshake failed");
            assertThat(POSTGRES.server().column(database, "SELECT count(*) FROM pg_stat_activity WHERE usename = '" + APP + "'"))
                    .containsExactly("0");
        }
    }

    @Test
    void verifyCaAcceptsTheCertificateUnderAnyNameOnBothDrivers() {
        String database = POSTGRES.createDatabase();
        Map<String, String> env = environment(database, "verify-ca");
        env.put("DB_HOST", "127.0.0.1");
        try (ServiceProcess service = ServiceProcess.start(env)) {
            service.awaitStatus("/q/health/ready", 200, START);
            assertThat(service.status("/api/items")).isEqualTo(200);
        }
    }

    @Test
    void verifyFullRejectsACertificateSignedByAnotherCa() {
        String database = POSTGRES.createDatabase();
        try (SecurePostgres other = SecurePostgres.start()) {
            Map<String, String> env = environment(database, "verify-full");
            env.put("DB_SSLROOTCERT", other.rootCertificate().toString());
            env.put("DB_WAIT_TIMEOUT", "2s");
            try (ServiceProcess service = ServiceProcess.start(env)) {
                assertThat(service.awaitExit(Duration.ofSeconds(45))).isEqualTo(5);
                assertThat(service.output()).contains("PKIX path");
            }
        }
    }
}
