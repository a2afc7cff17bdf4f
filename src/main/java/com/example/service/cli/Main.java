package com.example.service.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.example.service.admin.DevelopmentAccount;
import com.example.service.config.EarlyConfig;
import com.example.service.config.ConfigurationCheck;
import com.example.service.config.RunMode;
import com.example.service.config.SecretFiles;
import com.example.service.database.DatabaseChoice;
import com.example.service.database.EmbeddedServerException;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.smallrye.config.SmallRyeConfig;

/**
 * The jar's entry point. Command mode must neither bind the HTTP port nor print logs on stdout,
 * whoever launches it ({@code java -jar}, the launcher script, an init container), so the switch
 * happens here, before Quarkus starts, rather than in a flag every caller has to remember.
 */
@QuarkusMain
public final class Main {

    private Main() {
    }

    public static void main(String... args) {
        // Configuration mistakes are said here, one line each naming the variable; inside Quarkus they
        // would read as a validation banner about properties, or drown in a stack trace.
        List<String> mistakes = new ArrayList<>(ConfigurationCheck.problems(System.getenv()));
        try {
            SecretFiles.resolve(System.getenv());
        } catch (IllegalArgumentException e) {
            mistakes.add(e.getMessage());
        }
        if (!mistakes.isEmpty()) {
            boolean json = RunMode.isCommand(args) && Arrays.asList(args).contains(OutputOptions.JSON);
            ErrorReport.print(new PrintWriter(System.err, true, StandardCharsets.UTF_8), new PrintWriter(System.out, true,
                    StandardCharsets.UTF_8), json, "configuration: " + String.join("; ", mistakes), ExitCodes.USAGE);
            System.exit(ExitCodes.USAGE);
        }
        if (RunMode.isCommand(args)) {
            CommandModeSettings.apply();
            System.setProperty("quarkus.log.console.stderr", "true");
            if (System.getenv("LOG_LEVEL") == null) {
                // A command's own output is what the operator reads: only warnings from the frameworks,
                // but our own notes (waiting for the lock or the database) stay visible.
                System.setProperty("quarkus.log.level", "WARN");
                System.setProperty("quarkus.log.category.\"com.example\".level", "INFO");
                // A failed migration is reported once, as the command's error line; Flyway's own
                // ERROR line would say the same thing a second time.
                System.setProperty("quarkus.log.category.\"org.flywaydb.core.internal.command.DbMigrate\".level", "OFF");
            }
        }
        if (System.getenv("HOSTNAME") == null && System.getProperty("HOSTNAME") == null) {
            System.setProperty("HOSTNAME", localHostName());
        }
        if (!RunMode.asksForHelp(args)) {
            chooseDatabase(args);
        }
        Quarkus.run(CommandLineApp.class, args);
    }

    /**
     * DB_HOST, or the embedded PostgreSQL, before Quarkus reads the datasource settings built from
     * DB_*. The embedded server stops at exit only once Quarkus has stopped using it.
     */
    private static void chooseDatabase(String... args) {
        SmallRyeConfig config = EarlyConfig.read();
        try {
            DatabaseChoice.choose(config, RunMode.connects(args)).ifPresent(server -> {
                System.setProperty("db.host", server.host());
                System.setProperty("db.port", String.valueOf(server.port()));
                server.stopAtExit(Main::awaitQuarkusStopped);
                if (!RunMode.isCommand(args)) {
                    DevelopmentAccount.properties(config, server.directory()).forEach(System::setProperty);
                }
            });
        } catch (DatabaseChoice.MissingHostException e) {
            System.err.println("example-service: " + e.getMessage());
            System.exit(2);
        } catch (EmbeddedServerException e) {
            System.err.println("example-service: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Quarkus stops on its own shutdown hook (SIGTERM), or has stopped already (a command's exit). */
    private static void awaitQuarkusStopped() {
        Application application = Application.currentApplication();
        if (application != null) {
            application.awaitShutdown();
        }
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
