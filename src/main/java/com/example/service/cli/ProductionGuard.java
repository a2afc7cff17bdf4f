package com.example.service.cli;

import jakarta.enterprise.context.Dependent;

import picocli.CommandLine.Option;

import com.example.service.config.AppConfig;

/** {@code --allow-production}: destructive commands refuse under APP_ENV=production without it. */
@Dependent
public class ProductionGuard {

    @Option(names = "--allow-production", description = "Run even though APP_ENV=production (refused otherwise, exit code 2).")
    boolean allowProduction;

    private final AppConfig app;

    ProductionGuard(AppConfig app) {
        this.app = app;
    }

    /** @throws CommandRefusedException under APP_ENV=production without --allow-production */
    void check(String command) {
        if (app.env() == AppConfig.Environment.PRODUCTION && !allowProduction) {
            throw new CommandRefusedException(command + " refused: APP_ENV=production; add --allow-production to run it anyway");
        }
    }
}
