package com.example.service.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

import com.example.service.migration.MigrationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns every failure of every command into its exit code and one message: a line on stderr, and
 * with {@code --json} also the error object {@code {error, exitCode}} on stdout, so that scripts
 * branching on the JSON never see an empty document.
 */
@Singleton
class CommandFailureHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    private static final Logger LOG = Logger.getLogger(CommandFailureHandler.class);

    private final ObjectMapper mapper;

    CommandFailureHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parseResult) {
        // The operator gets one line; LOG_LEVEL=DEBUG shows where it came from.
        LOG.debug("command failed", failure);
        int code = ExitCodes.of(failure);
        report(command, command.getParseResult().hasMatchedOption(OutputOptions.JSON), oneLine(failure), code);
        return code;
    }

    @Override
    public int handleParseException(ParameterException failure, String[] args) {
        CommandLine command = failure.getCommandLine();
        report(command, Arrays.asList(args).contains(OutputOptions.JSON), oneLine(failure), ExitCodes.USAGE);
        command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        command.getErr().flush();
        return ExitCodes.USAGE;
    }

    private void report(CommandLine command, boolean json, String message, int code) {
        PrintWriter err = command.getErr();
        err.println("error: " + message);
        err.flush();
        if (json) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error", message);
            error.put("exitCode", code);
            PrintWriter out = command.getOut();
            try {
                out.println(mapper.writeValueAsString(error));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            out.flush();
        }
    }

    private static String oneLine(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return MigrationException.oneLine(message);
    }
}
