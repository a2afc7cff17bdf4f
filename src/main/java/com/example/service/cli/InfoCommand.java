package com.example.service.cli;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import com.example.service.migration.db.ConnectionInfo;
import com.example.service.migration.db.ConnectionSettings;

@Dependent
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print the connection and migration settings in effect (the password masked); connects to nothing.")
public class InfoCommand implements Callable<Integer> {

    @Mixin
    OutputOptions output;

    private final ConnectionSettings settings;

    InfoCommand(ConnectionSettings settings) {
        this.settings = settings;
    }

    @Override
    public Integer call() {
        output.print(settings.describe(), InfoCommand::text);
        return ExitCodes.OK;
    }

    private static String text(ConnectionInfo info) {
        return String.join("\n",
                "url:                 " + info.jdbcUrl(),
                "user:                " + info.user(),
                "password:            " + (info.password() == null ? "(none)" : info.password()),
                "application name:    " + info.applicationName(),
                "migration locations: " + String.join(",", info.migrationLocations()),
                "contract locations:  " + String.join(",", info.contractLocations()),
                "undo locations:      " + String.join(",", info.undoLocations()),
                "readiness mode:      " + info.readinessMode(),
                "lock timeout:        " + info.lockTimeout());
    }
}
