package com.example.service.cli;

import java.io.PrintWriter;
import java.util.function.Function;

import jakarta.enterprise.context.Dependent;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import com.example.service.migration.AppliedMigration;
import com.example.service.migration.MigrationListener;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code --json}, and where a command's output goes: stdout carries only the command's result
 * (text, or one JSON document); progress goes to stdout with text and to stderr with JSON.
 */
@Dependent
public class OutputOptions {

    static final String JSON = "--json";

    @Option(names = JSON, description = "Print the result as one JSON document on stdout (an error as {error, exitCode}); logs stay on stderr.")
    boolean json;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private final ObjectMapper mapper;

    OutputOptions(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Prints {@code data}, a record of this package, as JSON, or as the text {@code text} renders from it. */
    <T> void print(T data, Function<T, String> text) {
        print(data, Function.identity(), text);
    }

    /**
     * Prints {@code result} as the JSON of the record {@code json} makes of it (the document this
     * package owns), or as the text {@code text} renders from it.
     */
    <T> void print(T result, Function<T, ?> json, Function<T, String> text) {
        PrintWriter out = spec.commandLine().getOut();
        try {
            out.println(this.json ? mapper.writeValueAsString(json.apply(result)) : text.apply(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + result.getClass().getSimpleName() + " as JSON", e);
        }
        out.flush();
    }

    /** Prints a progress line per migration as it finishes. */
    MigrationListener progress() {
        PrintWriter target = json ? spec.commandLine().getErr() : spec.commandLine().getOut();
        return new MigrationListener() {
            @Override
            public void finished(int index, int total, AppliedMigration migration) {
                target.println(migration.progressLine(index, total));
                target.flush();
            }
        };
    }
}
