package com.example.service.testing;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a {@code @QuarkusTest} class a database of its own on {@link PostgresServer}, dropped when
 * the class is done. Extra configuration can be passed as init args (key = value).
 */
public class IsolatedDatabase implements QuarkusTestResourceLifecycleManager {

    private String database;
    private Map<String, String> extra = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        extra = Map.copyOf(initArgs);
    }

    @Override
    public Map<String, String> start() {
        PostgresServer server = PostgresServer.get();
        database = server.createDatabase();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", server.jdbcUrl(database));
        config.put("quarkus.datasource.reactive.url", server.reactiveUrl(database));
        config.put("quarkus.datasource.username", server.user());
        if (server.password() != null) {
            config.put("quarkus.datasource.password", server.password());
        }
        config.put("test.database.name", database);
        config.putAll(extra);
        return config;
    }

    @Override
    public void stop() {
        if (database != null) {
            PostgresServer.get().dropDatabase(database);
        }
    }
}
