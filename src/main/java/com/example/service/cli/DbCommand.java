package com.example.service.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code example-service db <command>}: one migration command, then exit. */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "Run one database migration command, then exit. Never binds the HTTP port or migrates at start.",
        subcommands = { UpgradeCommand.class, CheckCommand.class, CurrentCommand.class, PendingCommand.class,
                HistoryCommand.class, InfoCommand.class, InitCommand.class, WaitCommand.class, ValidateCommand.class,
                SqlCommand.class, MigrateCommand.class, DowngradeCommand.class, ResetCommand.class, RepairCommand.class,
                BaselineCommand.class, LintCommand.class },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = { "0:done / schema current", "1:error (database unreachable, SQL error, ...)",
                "2:usage error, a refusal (no --confirm, production), or a configuration mistake", "3:check: migrations pending",
                "4:validation failed (checksum drift, failed or missing migration)",
                "5:timed out (database, migration lock, or wait)", "6:lint: at least one error finding" })
public class DbCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: one of " + String.join(", ", spec.subcommands().keySet()));
    }
}
