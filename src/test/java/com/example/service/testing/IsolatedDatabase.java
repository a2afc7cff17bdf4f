package com.example.service.testing;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a {@code @QuarkusTest} class a database of its own on {@link PostgresServer}, dropped when
 * the class is done. Extra configuration can be passed as init args (key = value). An init arg named
 * {@value #SCRIPT}{@code <file name>} is a migration script instead: all of them go into a
 * {@link MigrationFolder} that {@code migration.locations} adds after the shipped migrations. One named
 * {@value #CONTRACT_SCRIPT}{@code <file name>} is a contract migration: those go into a folder of their
 * own, which {@code migration.contract-locations} names.
 */
public class IsolatedDatabase implements QuarkusTestResourceLifecycleManager {

    /** Prefix of an init arg that is a migration script, e.g. {@code script:V4__slow.sql}. */
    public static final String SCRIPT = "script:";

    /** Prefix of an init arg that is a contract migration script, e.g. {@code contract:V5__drop_old.sql}. */
    public static final String CONTRACT_SCRIPT = "contract:";

    private String database;
    private Map<String, String> extra = Map.of();
    private MigrationFolder scripts;
    private MigrationFolder contractScripts;

    @Override
    public void init(Map<String, String> initArgs) {
        Map<String, String> config = new HashMap<>();
        initArgs.forEach((name, value) -> {
            if (name.startsWith(SCRIPT)) {
                scripts = scripts == null ? MigrationFolder.create() : scripts;
                scripts.with(name.substring(SCRIPT.length()), value);
            } else if (name.startsWith(CONTRACT_SCRIPT)) {
                contractScripts = contractScripts == null ? MigrationFolder.create() : contractScripts;
                contractScripts.with(name.substring(CONTRACT_SCRIPT.length()), value);
            } else {
                config.put(name, value);
            }
        });
        if (scripts != null) {
            config.put("migration.locations", scripts.afterShipped());
        }
        if (contractScripts != null) {
            config.put("migration.contract-locations", contractScripts.location());
        }
        extra = Map.copyOf(config);
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
        // db lint's scratch databases go to the same server: quicker than an embedded one per test.
        config.put("lint.server.url", server.jdbcUrl("postgres"));
        config.put("lint.server.user", server.user());
        if (server.password() != null) {
            config.put("lint.server.password", server.password());
        }
        config.putAll(extra);
        return config;
    }

    @Override
    public void stop() {
        if (database != null) {
            PostgresServer.get().dropDatabase(database);
        }
        if (scripts != null) {
            scripts.close();
        }
        if (contractScripts != null) {
            contractScripts.close();
        }
    }
}
