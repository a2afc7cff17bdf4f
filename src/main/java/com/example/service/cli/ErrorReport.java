package com.example.service.cli;

import com.example.service.migration.MigrationException;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A failure as operators and scripts read it, whether a command failed or the configuration stopped
 * the process before any command ran: one line {@code error: …} on stderr, and with {@code --json}
 * also the object {@code {error, exitCode}} on stdout, so that a script branching on the JSON never
 * sees an empty document.
 */
final class ErrorReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorReport() {
    }

    static void print(PrintWriter err, PrintWriter out, boolean json, String message, int code) {
        String line = MigrationException.oneLine(message);
        err.println("error: " + line);
        err.flush();
        if (json) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error", line);
            error.put("exitCode", code);
            try {
                out.println(JSON.writeValueAsString(error));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            out.flush();
        }
    }
}
