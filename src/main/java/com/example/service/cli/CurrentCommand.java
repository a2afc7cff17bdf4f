package com.example.service.cli;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import com.example.service.migration.state.SchemaInspector;
import com.example.service.migration.state.SchemaState;

@Dependent
@Command(name = "current", mixinStandardHelpOptions = true,
        description = "Print the schema's current version, this code's latest, and whether that counts as current; exits 0 either way (see check).")
public class CurrentCommand implements Callable<Integer> {

    @Mixin
    ReadinessOptions readiness;

    @Mixin
    OutputOptions output;

    private final SchemaInspector inspector;

    CurrentCommand(SchemaInspector inspector) {
        this.inspector = inspector;
    }

    @Override
    public Integer call() {
        SchemaState state = inspector.read();
        output.print(SchemaVerdict.of(state, readiness.mode()), v -> v.text(state));
        return ExitCodes.OK;
    }
}
