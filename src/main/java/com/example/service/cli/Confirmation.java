package com.example.service.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --confirm}, with {@code --allow-production}: what commands that cannot be taken back need
 * before they run.
 */
public class Confirmation {

    @Option(names = "--confirm", description = "Confirm that this is meant; without it the command refuses (exit code 2).")
    boolean confirmed;

    @Mixin
    ProductionGuard production;

    /** @throws CommandRefusedException without --confirm (naming what the command would do), or in production */
    void check(String command, String consequence) {
        if (!confirmed) {
            throw new CommandRefusedException(command + " refused without --confirm: it " + consequence);
        }
        production.check(command);
    }
}
