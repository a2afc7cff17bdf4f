package com.example.service.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import jakarta.enterprise.context.Dependent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import com.example.service.migration.state.DriftItem;
import com.example.service.migration.state.SchemaInspector;

@Dependent
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check applied migrations against this code's scripts: exit 0 when they match, "
                + "4 on checksum drift or a failed or missing migration (pending and newer ones are not findings).")
public class ValidateCommand implements Callable<Integer> {

    @Mixin
    OutputOptions output;

    private final SchemaInspector inspector;

    ValidateCommand(SchemaInspector inspector) {
        this.inspector = inspector;
    }

    /**
     * @param valid true when nothing was found
     * @param drift the findings, one per migration
     */
    record Validation(boolean valid, List<DriftItemJson> drift) {
    }

    @Override
    public Integer call() {
        List<DriftItem> drift = inspector.validate();
        output.print(drift, found -> new Validation(found.isEmpty(), DriftItemJson.all(found)), found -> found.isEmpty()
                ? "Valid: the applied migrations match this code's scripts."
                : "Validation failed:\n" + found.stream()
                        .map(d -> "  " + (d.version() == null ? "" : "V" + d.version() + " ") + "[" + d.errorCode() + "] " + d.message())
                        .collect(Collectors.joining("\n")));
        return drift.isEmpty() ? ExitCodes.OK : ExitCodes.VALIDATION_FAILED;
    }
}
