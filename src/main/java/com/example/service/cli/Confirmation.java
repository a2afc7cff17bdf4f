package com.example.service.cli;

import picocli.CommandLine.Option;

/** {@code --confirm}: commands that cannot be taken back refuse without it. */
public class Confirmation {

    @Option(names = "--confirm", description = "Confirm that this is meant; without it the command refuses (exit code 2).")
    boolean confirmed;

    /** @throws CommandRefusedException without --confirm, naming what the command would do */
    void check(String command, String consequence) {
        if (!confirmed) {
            throw new CommandRefusedException(command + " refused without --confirm: it " + consequence);
        }
    }
}
