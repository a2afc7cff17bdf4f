package com.example.service.cli;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import com.example.service.migration.db.ConnectionSettings;
import com.example.service.migration.state.SchemaInspector;

@Dependent
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Test the database connection once: exit 0 and print the server version, or exit 1 saying why not.")
public class InitCommand implements Callable<Integer> {

    @Mixin
    OutputOptions output;

    private final SchemaInspector inspector;
    private final ConnectionSettings settings;

    InitCommand(SchemaInspector inspector, ConnectionSettings settings) {
        this.inspector = inspector;
        this.settings = settings;
    }

    /**
     * @param url           the JDBC URL connected to, password masked
     * @param user          the role
     * @param serverVersion the PostgreSQL server's version
     */
    record Connection(String url, String user, String serverVersion) {
    }

    @Override
    public Integer call() {
        var info = settings.describe();
        output.print(new Connection(info.jdbcUrl(), info.user(), inspector.databaseVersion()),
                c -> "Connected to " + c.url() + " as " + c.user() + ": PostgreSQL " + c.serverVersion() + ".");
        return ExitCodes.OK;
    }
}
