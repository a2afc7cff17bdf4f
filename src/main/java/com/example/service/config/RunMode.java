package com.example.service.config;

import java.util.Arrays;
import java.util.Set;

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
    private static final Set<String> HELP_AND_VERSION = Set.of("-h", "--help", "-V", "--version");

    private final boolean serving;

    RunMode(@CommandLineArguments String[] args) {
        this.serving = !isCommand(args);
    }

    /** True for {@code db …}, {@code --help} and anything else that is not serving. */
    public static boolean isCommand(String... args) {
        return args.length > 0 && !SERVE.equals(args[0]);
    }

    /** Help or version, which every command takes (picocli's standard options): nothing else runs. */
    public static boolean asksForHelp(String... args) {
        return Arrays.stream(args).anyMatch(HELP_AND_VERSION::contains);
    }

    /**
     * Whether the run talks to the database: help, version and {@code db migrate} (which writes files)
     * do not, nor {@code db} without a command (a usage error).
     */
    public static boolean connects(String... args) {
        boolean db = args.length > 0 && "db".equals(args[0]);
        return !asksForHelp(args) && !(db && (args.length == 1 || "migrate".equals(args[1])));
    }

    public boolean serving() {
        return serving;
    }
}
