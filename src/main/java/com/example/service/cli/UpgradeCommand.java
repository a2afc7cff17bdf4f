package com.example.service.cli;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import com.example.service.migration.Actors;
import com.example.service.migration.ChangeAction;
import com.example.service.migration.MigrationConfig;
import com.example.service.migration.Migrator;
import com.example.service.migration.SchemaChangeRecorder;
import com.example.service.migration.UpgradeResult;

@Dependent
@Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = "Apply pending migrations under the migration lock, printing one line per migration and a summary.")
public class UpgradeCommand implements Callable<Integer> {

    @Option(names = "--target", paramLabel = "V", description = "Stop at this version (e.g. 3 or 1.2) instead of applying all.")
    String target;

    @Mixin
    OutputOptions output;

    private final Migrator migrator;
    private final MigrationConfig config;
    private final SchemaChangeRecorder recorder;
    private final Actors actors;

    UpgradeCommand(Migrator migrator, MigrationConfig config, SchemaChangeRecorder recorder, Actors actors) {
        this.migrator = migrator;
        this.config = config;
        this.recorder = recorder;
        this.actors = actors;
    }

    @Override
    public Integer call() {
        UpgradeResult result = recorder.record(actors.commandLine(), ChangeAction.UPGRADE, output.progress(),
                listener -> migrator.upgrade(target, config.lockTimeout(), listener));
        output.print(result, UpgradeCommand::summary);
        return ExitCodes.OK;
    }

    static String summary(UpgradeResult result) {
        if (result.applied().isEmpty()) {
            return "Schema current at version " + orNone(result.toVersion()) + ": nothing to apply.";
        }
        return "Upgraded from " + orNone(result.fromVersion()) + " to " + result.toVersion() + ": "
                + result.applied().size() + " migration(s) in " + result.totalTimeMs() + " ms.";
    }

    static String orNone(String version) {
        return version == null ? "none" : version;
    }
}
