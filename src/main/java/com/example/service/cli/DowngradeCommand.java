package com.example.service.cli;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import com.example.service.migration.change.Actors;
import com.example.service.migration.change.SchemaChanges;
import com.example.service.migration.undo.DowngradeResult;

@Dependent
@Command(name = "downgrade", mixinStandardHelpOptions = true,
        description = "Undo the last N applied migrations, newest first, with their undo scripts U<version>__*.sql from UNDO_LOCATIONS; "
                + "each runs with the removal of its history row in one transaction. If one lacks an undo script nothing runs.")
public class DowngradeCommand implements Callable<Integer> {

    @Option(names = "--steps", required = true, paramLabel = "N", description = "How many applied migrations to undo (at least 1).")
    int steps;

    @Mixin
    ProductionGuard production;

    @Mixin
    OutputOptions output;

    private final SchemaChanges changes;
    private final Actors actors;

    DowngradeCommand(SchemaChanges changes, Actors actors) {
        this.changes = changes;
        this.actors = actors;
    }

    @Override
    public Integer call() {
        production.check("downgrade");
        DowngradeResult result = changes.downgrade(actors.commandLine(), steps, output.progress());
        output.print(result, DowngradeCommand::summary);
        return ExitCodes.OK;
    }

    private static String summary(DowngradeResult result) {
        return "Downgraded from " + result.fromVersion() + " to " + UpgradeCommand.orNone(result.toVersion()) + ": "
                + result.undone().size() + " migration(s) undone in " + result.totalTimeMs() + " ms.";
    }
}
