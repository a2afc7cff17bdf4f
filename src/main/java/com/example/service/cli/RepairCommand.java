package com.example.service.cli;

import java.util.List;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import com.example.service.migration.Migration;
import com.example.service.migration.change.Actors;
import com.example.service.migration.change.SchemaChanges;
import com.example.service.migration.maintenance.RepairReport;

@Dependent
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = "Repair the schema history: remove failed migrations' rows, realign checksums and descriptions with "
                + "the scripts, mark vanished migrations deleted. The schema itself is not changed. Needs --confirm.")
public class RepairCommand implements Callable<Integer> {

    @Mixin
    Confirmation confirmation;

    @Mixin
    OutputOptions output;

    private final SchemaChanges changes;
    private final Actors actors;

    RepairCommand(SchemaChanges changes, Actors actors) {
        this.changes = changes;
        this.actors = actors;
    }

    @Override
    public Integer call() {
        confirmation.check("repair", "rewrites the schema history (failed rows removed, checksums realigned)");
        output.print(changes.repair(actors.commandLine()),
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
