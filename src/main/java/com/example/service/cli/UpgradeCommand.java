package com.example.service.cli;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import com.example.service.migration.apply.UpgradeResult;
import com.example.service.migration.change.Actors;
import com.example.service.migration.change.SchemaChanges;

@Dependent
@Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = "Apply pending migrations under the migration lock, printing one line per migration and a summary.")
public class UpgradeCommand implements Callable<Integer> {

    @Option(names = "--target", paramLabel = "V", description = "Stop at this version (e.g. 3 or 1.2) instead of applying all.")
    String target;

    @Mixin
    OutputOptions output;

    private final SchemaChanges changes;
    private final Actors actors;

    UpgradeCommand(SchemaChanges changes, Actors actors) {
        this.changes = changes;
        this.actors = actors;
    }

    @Override
    public Integer call() {
        UpgradeResult result = changes.upgrade(actors.commandLine(), target, output.progress());
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
