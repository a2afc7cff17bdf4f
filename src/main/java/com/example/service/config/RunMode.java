package com.example.service.config;

import jakarta.inject.Singleton;

import io.quarkus.runtime.annotations.CommandLineArguments;

/**
 * Whether this process serves HTTP or runs one command. Decided from the command line alone, so
 * that the launcher, {@code java -jar} and tests agree.
 */
@Singleton
public class RunMode {

    /** The subcommand that runs the HTTP service; no arguments at all means the same. */
    public static final String SERVE = "serve";

    private final boolean serving;

    RunMode(@CommandLineArguments String[] args) {
        this.serving = !isCommand(args);
    }

    /** True for {@code db …}, {@code --help} and anything else that is not serving. */
    public static boolean isCommand(String... args) {
        return args.length > 0 && !SERVE.equals(args[0]);
    }

    public boolean serving() {
        return serving;
    }
}
