package com.example.service.cli;

import java.util.List;
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
        output.print(Info.of(settings.describe()), InfoCommand::text);
        return ExitCodes.OK;
    }

    /**
     * @param jdbcUrl            the JDBC URL, any password parameter masked
     * @param user               the role
     * @param password           {@code ****} when a password is set, null when none is
     * @param applicationName    the {@code application_name} this process's connections carry
     * @param migrationLocations MIGRATION_LOCATIONS
     * @param contractLocations  CONTRACT_LOCATIONS
     * @param undoLocations      UNDO_LOCATIONS
     * @param readinessMode      READINESS_MODE, lower case
     * @param lockTimeout        MIGRATION_LOCK_TIMEOUT, ISO-8601
     */
    record Info(String jdbcUrl, String user, String password, String applicationName, List<String> migrationLocations,
            List<String> contractLocations, List<String> undoLocations, String readinessMode, String lockTimeout) {

        static Info of(ConnectionInfo info) {
            return new Info(info.jdbcUrl(), info.user(), info.password(), info.applicationName(), info.migrationLocations(),
                    info.contractLocations(), info.undoLocations(), info.readinessMode(), info.lockTimeout());
        }
    }

    private static String text(Info info) {
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
