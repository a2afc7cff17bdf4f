package com.example.service.database;

import com.example.service.config.DatabaseConfig;
import com.example.service.config.DatabaseConfig.SslMode;

import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgConnectOptions;

/**
 * DB_SSLMODE and DB_SSLROOTCERT in Vert.x terms, with libpq's (and pgjdbc's) meaning. libpq's
 * {@code prefer} and {@code require} encrypt without checking the certificate, which Vert.x does
 * only when told to trust every certificate; and Vert.x checks the host name only when given an
 * algorithm for it.
 */
final class ReactiveTls {

    private ReactiveTls() {
    }

    static PgConnectOptions apply(DatabaseConfig config, PgConnectOptions options) {
        SslMode mode = config.sslmode();
        options.setSslMode(io.vertx.pgclient.SslMode.of(mode.libpqName()));
        if (mode == SslMode.DISABLE) {
            return options;
        }
        if (!mode.verifiesCertificate()) {
            return options.setTrustAll(true);
        }
        return options.setTrustAll(false)
                .setPemTrustOptions(new PemTrustOptions().addCertPath(config.sslrootcert().toString()))
                .setHostnameVerificationAlgorithm(mode == SslMode.VERIFY_FULL ? "HTTPS" : "");
    }
}
