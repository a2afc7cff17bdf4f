package com.example.service.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

import io.quarkus.picocli.runtime.annotations.TopCommand;

/** {@code example-service [serve | db …]}; without a subcommand it serves. */
@TopCommand
@Command(name = "example-service", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Runs the example-service HTTP service (the default), or one database migration command.",
        subcommands = { ServeCommand.class, DbCommand.class })
public class ExampleServiceCommand implements Callable<Integer> {

    private final ServeCommand serve;

    ExampleServiceCommand(ServeCommand serve) {
        this.serve = serve;
    }

    @Override
    public Integer call() {
        return serve.call();
    }
}
