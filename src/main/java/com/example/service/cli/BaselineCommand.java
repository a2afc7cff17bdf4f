package com.example.service.cli;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import com.example.service.migration.Actors;
import com.example.service.migration.BaselineReport;
import com.example.service.migration.ChangeAction;
import com.example.service.migration.MigrationConfig;
import com.example.service.migration.SchemaBaseline;
import com.example.service.migration.SchemaChangeRecorder;

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

    private final SchemaBaseline baseline;
    private final MigrationConfig config;
    private final SchemaChangeRecorder recorder;
    private final Actors actors;

    BaselineCommand(SchemaBaseline baseline, MigrationConfig config, SchemaChangeRecorder recorder, Actors actors) {
        this.baseline = baseline;
        this.config = config;
        this.recorder = recorder;
        this.actors = actors;
    }

    @Override
    public Integer call() {
        output.print(recorder.record(actors.commandLine(), ChangeAction.BASELINE,
                () -> baseline.baseline(version, config.lockTimeout())), BaselineCommand::text);
        return ExitCodes.OK;
    }

    private static String text(BaselineReport report) {
        return "Baselined schema " + report.schema() + " at version " + report.version()
                + ": migrations up to it are taken as applied; db upgrade applies the later ones.";
    }
}
