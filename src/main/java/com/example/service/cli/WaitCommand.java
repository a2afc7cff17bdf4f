package com.example.service.cli;

import java.time.Duration;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import com.example.service.migration.db.DatabaseProbe;
import com.example.service.migration.state.SchemaState;
import com.example.service.migration.state.SchemaWait;

@Dependent
@Command(name = "wait", mixinStandardHelpOptions = true,
        description = "Wait until the database answers, or until the schema is current for this code; exit 5 when the timeout runs out first.")
public class WaitCommand implements Callable<Integer> {

    /** What to wait for. */
    enum Until {
        reachable, current
    }

    @Option(names = "--until", defaultValue = "reachable",
            description = "reachable: the database answers; current: the schema is current as readiness judges it (see --strict). Default: ${DEFAULT-VALUE}.")
    Until until;

    @Option(names = "--timeout", paramLabel = "D", defaultValue = "10m", converter = DurationConverter.class,
            description = "Give up after this long, e.g. 30s, 10m, 1h (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Mixin
    ReadinessOptions readiness;

    @Mixin
    OutputOptions output;

    private final DatabaseProbe probe;
    private final SchemaWait schemaWait;

    WaitCommand(DatabaseProbe probe, SchemaWait schemaWait) {
        this.probe = probe;
        this.schemaWait = schemaWait;
    }

    /**
     * @param until          what was waited for
     * @param waitedMs       how long it took
     * @param currentVersion with {@code --until current}: the version found current
     * @param status         with {@code --until current}: the schema's state in one word
     */
    record Waited(Until until, long waitedMs, String currentVersion, String status) {
    }

    @Override
    public Integer call() {
        long start = System.nanoTime();
        Waited waited;
        if (until == Until.reachable) {
            probe.awaitReachable(timeout, "--timeout " + timeout.toSeconds() + "s");
            waited = new Waited(until, elapsedMs(start), null, null);
        } else {
            SchemaState state = schemaWait.awaitCurrent(timeout, readiness.mode());
            waited = new Waited(until, elapsedMs(start), state.currentVersion(), state.status().name());
        }
        output.print(waited, w -> w.until() == Until.reachable
                ? "Database reachable after " + w.waitedMs() + " ms."
                : "Schema current at version " + UpgradeCommand.orNone(w.currentVersion()) + " (" + w.status() + ") after "
                        + w.waitedMs() + " ms.");
        return ExitCodes.OK;
    }

    private static long elapsedMs(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
