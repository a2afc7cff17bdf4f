package com.example.service.cli;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import com.example.service.migration.state.SchemaInspector;
import com.example.service.migration.state.SchemaState;

@Dependent
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Exit 0 when the schema is current for this code (as readiness judges it under READINESS_MODE), "
                + "3 when migrations are pending, 4 when one failed, when applied scripts drifted and migrations are pending "
                + "(an upgrade would refuse), or, with --strict, on any drift or a migration newer than this code.")
public class CheckCommand implements Callable<Integer> {

    @Mixin
    ReadinessOptions readiness;

    @Mixin
    OutputOptions output;

    private final SchemaInspector inspector;

    CheckCommand(SchemaInspector inspector) {
        this.inspector = inspector;
    }

    @Override
    public Integer call() {
        SchemaState state = inspector.read();
        SchemaVerdict verdict = SchemaVerdict.of(state, readiness.mode());
        output.print(verdict, v -> v.text(state));
        return verdict.exitCode();
    }
}
