package com.example.service.admin;

import java.util.HashMap;
import java.util.Map;

import com.example.service.testing.LoginOnlyRole;
import com.example.service.testing.PostgresServer;

/**
 * An {@link AdminDatabase} whose application role (the reactive pool's) may log in and nothing
 * more, while migrations run as the test server's user, as in a least-privilege setup gone wrong.
 */
public class LoginOnlyApplicationRole extends AdminDatabase {

    private LoginOnlyRole role;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        PostgresServer server = PostgresServer.get();
        role = LoginOnlyRole.create();
        config.put("quarkus.datasource.username", role.name());
        config.put("quarkus.datasource.password", role.password());
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
