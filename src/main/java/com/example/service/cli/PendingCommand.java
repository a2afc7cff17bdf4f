package com.example.service.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import jakarta.enterprise.context.Dependent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import com.example.service.migration.state.SchemaInspector;

@Dependent
@Command(name = "pending", mixinStandardHelpOptions = true,
        description = "List the pending migrations in version order, each with its phase: expand (db upgrade applies them) "
                + "or contract (db upgrade --phase contract does, after the rollout).")
public class PendingCommand implements Callable<Integer> {

    @Mixin
    OutputOptions output;

    private final SchemaInspector inspector;

    PendingCommand(SchemaInspector inspector) {
        this.inspector = inspector;
    }

    /** @param pending this code's migrations not applied yet, expand and contract, in version order */
    record Pending(List<MigrationJson> pending) {
    }

    @Override
    public Integer call() {
        output.print(inspector.pending(), pending -> new Pending(MigrationJson.all(pending)), pending -> pending.isEmpty()
                ? "Nothing pending."
                : pending.stream().map(m -> m.label() + "  (" + m.script() + ", " + m.phase().label() + ")")
                        .collect(Collectors.joining("\n")));
        return ExitCodes.OK;
    }
}
