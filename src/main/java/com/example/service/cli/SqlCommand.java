package com.example.service.cli;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import com.example.service.migration.apply.SqlPreview;

@Dependent
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Print the SQL that upgrade would run, in order, each script headed by a comment; runs and locks nothing.")
public class SqlCommand implements Callable<Integer> {

    @Option(names = "--target", paramLabel = "V", description = "Only the scripts up to this version, as upgrade --target would "
            + "run; refused (exit 2) where upgrade --target would be.")
    String target;

    @Mixin
    OutputOptions output;

    private final SqlPreview preview;

    SqlCommand(SqlPreview preview) {
        this.preview = preview;
    }

    /** @param sql the scripts, concatenated; empty when nothing is pending */
    record Sql(String sql) {
    }

    @Override
    public Integer call() {
        output.print(new Sql(preview.render(target)), s -> !s.sql().isEmpty() ? s.sql().stripTrailing()
                : target == null ? "-- nothing to apply: no pending migrations" : "-- nothing to apply up to version " + target);
        return ExitCodes.OK;
    }
}
