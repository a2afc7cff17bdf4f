package com.example.service.cli;

import java.util.Arrays;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/** Turns every failure of every command into its exit code and one message ({@link ErrorReport}). */
@Singleton
class CommandFailureHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    private static final Logger LOG = Logger.getLogger(CommandFailureHandler.class);

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parseResult) {
        // The operator gets one line; LOG_LEVEL=DEBUG shows where it came from.
        LOG.debug("command failed", failure);
        int code = ExitCodes.of(failure);
        report(command, command.getParseResult().hasMatchedOption(OutputOptions.JSON), failure, code);
        return code;
    }

    @Override
    public int handleParseException(ParameterException failure, String[] args) {
        CommandLine command = failure.getCommandLine();
        report(command, Arrays.asList(args).contains(OutputOptions.JSON), failure, ExitCodes.USAGE);
        command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        command.getErr().flush();
        return ExitCodes.USAGE;
    }

    private static void report(CommandLine command, boolean json, Throwable failure, int code) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        ErrorReport.print(command.getErr(), command.getOut(), json, message, code);
    }
}
