package com.example.service.cli;

import java.util.List;
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
        output.print(result, Downgraded::of, DowngradeCommand::summary);
        return ExitCodes.OK;
    }

    /**
     * @param fromVersion the version before
     * @param toVersion   the highest version still applied; null when nothing is left
     * @param undone      each migration undone, newest first, with its undo script and time
     * @param totalTimeMs wall time of the whole downgrade, lock wait excluded
     */
    record Downgraded(String fromVersion, String toVersion, List<AppliedMigrationJson> undone, long totalTimeMs) {

        static Downgraded of(DowngradeResult result) {
            return new Downgraded(result.fromVersion(), result.toVersion(), AppliedMigrationJson.all(result.undone()),
                    result.totalTimeMs());
        }
    }

    private static String summary(DowngradeResult result) {
        return "Downgraded from " + result.fromVersion() + " to " + UpgradeCommand.orNone(result.toVersion()) + ": "
                + result.undone().size() + " migration(s) undone in " + result.totalTimeMs() + " ms.";
    }
}
