package com.example.service.cli;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import com.example.service.migration.change.Actors;
import com.example.service.migration.change.SchemaChanges;
import com.example.service.migration.maintenance.BaselineReport;

/**
 * Without picocli's standard help mixin: its {@code -V, --version} would take the {@code --version}
 * this command needs for the baseline version.
 */
@Dependent
@Command(name = "baseline",
        description = "Adopt a schema that predates the service: record that it is at version V, so that upgrade applies only "
                + "the migrations after V. Writes only the schema history; refused (exit code 2) on a schema that already has "
                + "history or has no tables.")
public class BaselineCommand implements Callable<Integer> {

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--version", required = true, paramLabel = "V",
            description = "The version the existing schema matches (e.g. 1): migrations up to V are taken as applied.")
    String version;

    @Mixin
    OutputOptions output;

    private final SchemaChanges changes;
    private final Actors actors;

    BaselineCommand(SchemaChanges changes, Actors actors) {
        this.changes = changes;
        this.actors = actors;
    }

    @Override
    public Integer call() {
        output.print(changes.baseline(actors.commandLine(), version), BaselineCommand::text);
        return ExitCodes.OK;
    }

    private static String text(BaselineReport report) {
        return "Baselined schema " + report.schema() + " at version " + report.version()
                + ": migrations up to it are taken as applied; db upgrade applies the later ones.";
    }
}
