package com.example.service.item;

import com.example.service.config.DatabaseConfig;
import com.example.service.config.DatabaseConfig.SslMode;

import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgConnectOptions;

/**
 * DB_SSLMODE and DB_SSLROOTCERT in Vert.x terms, with libpq's meaning: Vert.x checks nothing under
 * {@code prefer} and {@code require} only when told to trust everything, and checks the host name
 * only when given an algorithm.
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
