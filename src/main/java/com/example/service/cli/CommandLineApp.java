package com.example.service.cli;

import picocli.CommandLine;

import com.example.service.config.RunMode;
import com.example.service.migration.db.DatabaseProbe;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import io.quarkus.runtime.QuarkusApplication;

/** Runs the picocli command tree; its exit code becomes the process's. */
public class CommandLineApp implements QuarkusApplication {

    private final CommandLine.IFactory factory;
    private final ExampleServiceCommand topCommand;
    private final CommandFailureHandler failureHandler;
    private final DatabaseProbe probe;

    CommandLineApp(CommandLine.IFactory factory, @TopCommand ExampleServiceCommand topCommand,
            CommandFailureHandler failureHandler, DatabaseProbe probe) {
        this.factory = factory;
        this.topCommand = topCommand;
        this.failureHandler = failureHandler;
        this.probe = probe;
    }

    @Override
    public int run(String... args) {
        if (RunMode.isCommand(args) && RunMode.connects(args)) {
            probe.warmUp();
        }
        return commandLine().execute(args);
    }

    /** The command tree as {@link #run} executes it. */
    CommandLine commandLine() {
        return new CommandLine(topCommand, factory)
                .setExecutionExceptionHandler(failureHandler)
                .setParameterExceptionHandler(failureHandler)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }
}
