package com.example.service.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * An {@link IsolatedDatabase} whose application role (the reactive pool's) is not the migrations'
 * one, as in a least-privilege setup gone wrong: init arg {@value #ROLE} is {@value #LOGIN_ONLY} (a
 * role that may log in and nothing more) or {@value #MISSING} (a role that does not exist), while
 * migrations connect as the test server's user.
 */
public class ApplicationRoleDatabase extends IsolatedDatabase {

    public static final String ROLE = "test.application-role";
    public static final String LOGIN_ONLY = "login-only";
    public static final String MISSING = "missing";

    private String kind;
    private LoginOnlyRole role;

    @Override
    public void init(Map<String, String> initArgs) {
        Map<String, String> args = new HashMap<>(initArgs);
        kind = args.remove(ROLE);
        super.init(args);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        PostgresServer server = PostgresServer.get();
        if (LOGIN_ONLY.equals(kind)) {
            role = LoginOnlyRole.create();
            config.put("quarkus.datasource.username", role.name());
            config.put("quarkus.datasource.password", role.password());
        } else if (MISSING.equals(kind)) {
            config.put("quarkus.datasource.username", "es_no_such_application_role");
        } else {
            throw new IllegalArgumentException(ROLE + " must be " + LOGIN_ONLY + " or " + MISSING + ", not " + kind);
        }
        config.put("quarkus.datasource.migration.username", server.user());
        config.put("quarkus.datasource.migration.password", server.password() == null ? "" : server.password());
        return config;
    }

    @Override
    public void stop() {
        super.stop();
        if (role != null) {
            role.close();
        }
    }
}
