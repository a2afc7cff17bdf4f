package com.example.service.cli;

import java.util.List;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import com.example.service.migration.Actors;
import com.example.service.migration.ChangeAction;
import com.example.service.migration.Migration;
import com.example.service.migration.MigrationConfig;
import com.example.service.migration.RepairReport;
import com.example.service.migration.SchemaChangeRecorder;
import com.example.service.migration.SchemaRepair;

@Dependent
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = "Repair the schema history: remove failed migrations' rows, realign checksums and descriptions with "
                + "the scripts, mark vanished migrations deleted. The schema itself is not changed. Needs --confirm.")
public class RepairCommand implements Callable<Integer> {

    @Mixin
    Confirmation confirmation;

    @Mixin
    OutputOptions output;

    private final SchemaRepair repair;
    private final MigrationConfig config;
    private final SchemaChangeRecorder recorder;
    private final Actors actors;

    RepairCommand(SchemaRepair repair, MigrationConfig config, SchemaChangeRecorder recorder, Actors actors) {
        this.repair = repair;
        this.config = config;
        this.recorder = recorder;
        this.actors = actors;
    }

    @Override
    public Integer call() {
        confirmation.check("repair", "rewrites the schema history (failed rows removed, checksums realigned)");
        output.print(recorder.record(actors.commandLine(), ChangeAction.REPAIR, () -> repair.repair(config.lockTimeout())),
                RepairCommand::text);
        return ExitCodes.OK;
    }

    private static String text(RepairReport report) {
        if (report.nothingChanged()) {
            return "Nothing to repair.";
        }
        StringBuilder text = new StringBuilder("Repaired the schema history:");
        append(text, "removed failed", report.removed());
        append(text, "realigned", report.aligned());
        append(text, "marked deleted", report.deleted());
        return text.toString();
    }

    private static void append(StringBuilder text, String what, List<Migration> migrations) {
        migrations.forEach(m -> text.append("\n  ").append(what).append(": ").append(m.label()));
    }
}
