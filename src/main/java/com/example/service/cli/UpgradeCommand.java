package com.example.service.cli;

import java.time.Duration;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import com.example.service.migration.apply.UpgradeResult;
import com.example.service.migration.change.Actors;
import com.example.service.migration.change.SchemaChanges;

@Dependent
@Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = "Apply pending migrations under the migration lock, printing one line per migration and a summary: "
                + "the expand migrations (db/migration), or with --phase contract the contract migrations (db/contract), "
                + "once no connected instance runs code that does not know them.")
public class UpgradeCommand implements Callable<Integer> {

    @Option(names = "--target", paramLabel = "V", description = "Stop at this version (e.g. 3 or 1.2) instead of applying all (expand phase).")
    String target;

    @Option(names = "--all-or-nothing",
            description = "Expand phase: apply the pending migrations in one transaction, so that one failing rolls them "
                    + "all back (and a long run of small ones goes faster); refused, before anything runs, when one of "
                    + "them cannot run in a transaction (executeInTransaction=false). Default: each in its own transaction.")
    boolean allOrNothing;

    @Option(names = "--phase", paramLabel = "PHASE", defaultValue = "expand",
            description = "expand (default): the migrations the new release needs, safe while the old one runs; "
                    + "contract: the post-deploy migrations of CONTRACT_LOCATIONS.")
    String phase;

    @Option(names = "--wait", paramLabel = "D", defaultValue = "0s", converter = DurationConverter.class,
            description = "Contract phase: how long to wait for older releases to disconnect before giving up with "
                    + "exit code 5 (default: ${DEFAULT-VALUE}, check once).")
    Duration wait;

    @Option(names = "--force", description = "Contract phase: apply even while older releases are connected (audited as forced).")
    boolean force;

    @Spec
    CommandSpec spec;

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
        UpgradeResult result = switch (phase) {
            case "expand" -> {
                if (force || !wait.isZero()) {
                    throw new ParameterException(spec.commandLine(), "--wait and --force belong to --phase contract");
                }
                yield changes.upgrade(actors.commandLine(), target, allOrNothing, output.progress());
            }
            case "contract" -> {
                if (target != null || allOrNothing) {
                    throw new ParameterException(spec.commandLine(), "--target and --all-or-nothing belong to the expand phase");
                }
                yield changes.upgradeContract(actors.commandLine(), wait, force, output.progress());
            }
            default -> throw new ParameterException(spec.commandLine(), "--phase must be expand or contract, not '" + phase + "'");
        };
        output.print(result, UpgradeJson::of, UpgradeCommand::summary);
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
