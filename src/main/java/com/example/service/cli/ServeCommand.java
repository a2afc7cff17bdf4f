package com.example.service.cli;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;

import picocli.CommandLine.Command;

import com.example.service.migration.startup.StartupMigration;

import io.quarkus.runtime.Quarkus;

/** Serves HTTP until stopped; the startup migration runs beside it (see {@link StartupMigration}). */
@Dependent
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the HTTP service, migrating the schema first unless MIGRATE_AT_START=false.")
public class ServeCommand implements Callable<Integer> {

    private final StartupMigration startupMigration;

    ServeCommand(StartupMigration startupMigration) {
        this.startupMigration = startupMigration;
    }

    @Override
    public Integer call() {
        Quarkus.waitForExit();
        return startupMigration.exitCode();
    }
}
