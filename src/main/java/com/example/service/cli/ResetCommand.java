package com.example.service.cli;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import com.example.service.migration.apply.ResetResult;
import com.example.service.migration.change.Actors;
import com.example.service.migration.change.SchemaChanges;

@Dependent
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = "Drop every object in the schema, data included, then apply all migrations. Needs --confirm.")
public class ResetCommand implements Callable<Integer> {

    @Mixin
    Confirmation confirmation;

    @Mixin
    OutputOptions output;

    private final SchemaChanges changes;
    private final Actors actors;

    ResetCommand(SchemaChanges changes, Actors actors) {
        this.changes = changes;
        this.actors = actors;
    }

    @Override
    public Integer call() {
        confirmation.check("reset", "drops every object in the schema, data included");
        ResetResult result = changes.reset(actors.commandLine(), output.progress());
        output.print(result, ResetCommand::summary);
        return ExitCodes.OK;
    }

    private static String summary(ResetResult result) {
        return "Dropped everything in " + String.join(", ", result.schemasCleaned()) + ". "
                + UpgradeCommand.summary(result.upgrade());
    }
}
