package com.example.service.cli;

import picocli.CommandLine;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import io.quarkus.runtime.QuarkusApplication;

/** Runs the picocli command tree; its exit code becomes the process's. */
public class CommandLineApp implements QuarkusApplication {

    private final CommandLine.IFactory factory;
    private final ExampleServiceCommand topCommand;
    private final CommandFailureHandler failureHandler;

    CommandLineApp(CommandLine.IFactory factory, @TopCommand ExampleServiceCommand topCommand,
            CommandFailureHandler failureHandler) {
        this.factory = factory;
        this.topCommand = topCommand;
        this.failureHandler = failureHandler;
    }

    @Override
    public int run(String... args) {
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
