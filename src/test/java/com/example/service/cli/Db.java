package com.example.service.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.example.service.testing.CommandResult;
import com.example.service.testing.MigrationFolder;
import com.example.service.testing.ServiceProcess;
import com.example.service.testing.TestDatabase;

/** {@code example-service db …} (the launcher) against one test database, with extra environment when asked. */
final class Db {

    private final Map<String, String> env;

    private Db(Map<String, String> env) {
        this.env = env;
    }

    static Db on(TestDatabase database) {
        return new Db(ServiceProcess.environment(database.name()));
    }

    /** The same database with one more environment variable. */
    Db with(String name, String value) {
        Map<String, String> more = new HashMap<>(env);
        more.put(name, value);
        return new Db(more);
    }

    /** The same database with {@code folder}'s migrations after the shipped ones. */
    Db withMigrations(MigrationFolder folder) {
        return with("MIGRATION_LOCATIONS", folder.afterShipped());
    }

    Map<String, String> env() {
        return new HashMap<>(env);
    }

    CommandResult run(String... args) {
        List<String> command = new ArrayList<>(List.of("db"));
        command.addAll(List.of(args));
        return ServiceProcess.run(env, command.toArray(String[]::new));
    }
}
