package com.example.service.database;

import java.util.List;

import jakarta.inject.Singleton;

import com.example.service.config.DatabaseConfig;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnectOptions;

/**
 * The reactive pool as Quarkus configures it, with TLS as DB_SSLMODE says ({@link ReactiveTls}) and
 * the TCP connect bounded by DB_QUERY_TIMEOUT (Vert.x waits a minute, holding a pool slot, for a
 * host that drops packets). The pool's own wait for a connection is switched off: in Vert.x 4.5 its
 * timer outlives a failed acquisition and then reports an uncaught error (vertx-sql-client issue
 * 1706). Every query is bounded by its caller instead (the item repository, by DB_QUERY_TIMEOUT).
 */
@Singleton
public class ReactivePoolCreator implements PgPoolCreator {

    private final DatabaseConfig config;

    ReactivePoolCreator(DatabaseConfig config) {
        this.config = config;
    }

    @Override
    public Pool create(Input input) {
        int connectTimeoutMs = Math.toIntExact(config.queryTimeout().toMillis());
        PoolOptions pool = input.poolOptions().setConnectionTimeout(0);
        List<SqlConnectOptions> servers = input.pgConnectOptionsList().stream()
                .map(options -> ReactiveTls.apply(config, options))
                .map(options -> (SqlConnectOptions) options.setConnectTimeout(connectTimeoutMs))
                .toList();
        return PgBuilder.pool().with(pool).connectingTo(servers).using(input.vertx()).build();
    }
}
