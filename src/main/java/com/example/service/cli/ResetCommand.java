package com.example.service.cli;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import com.example.service.migration.Actors;
import com.example.service.migration.ChangeAction;
import com.example.service.migration.MigrationConfig;
import com.example.service.migration.ResetResult;
import com.example.service.migration.SchemaChangeRecorder;
import com.example.service.migration.SchemaReset;

@Dependent
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = "Drop every object in the schema, data included, then apply all migrations. Needs --confirm.")
public class ResetCommand implements Callable<Integer> {

    @Mixin
    Confirmation confirmation;

    @Mixin
    OutputOptions output;

    private final SchemaReset reset;
    private final MigrationConfig config;
    private final SchemaChangeRecorder recorder;
    private final Actors actors;

    ResetCommand(SchemaReset reset, MigrationConfig config, SchemaChangeRecorder recorder, Actors actors) {
        this.reset = reset;
        this.config = config;
        this.recorder = recorder;
        this.actors = actors;
    }

    @Override
    public Integer call() {
        confirmation.check("reset", "drops every object in the schema, data included");
        ResetResult result = recorder.record(actors.commandLine(), ChangeAction.RESET, output.progress(),
                listener -> reset.reset(config.lockTimeout(), listener));
        output.print(result, ResetCommand::summary);
        return ExitCodes.OK;
    }

    private static String summary(ResetResult result) {
        return "Dropped everything in " + String.join(", ", result.schemasCleaned()) + ". "
                + UpgradeCommand.summary(result.upgrade());
    }
}
