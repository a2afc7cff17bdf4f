package com.example.service.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import com.example.service.testing.CommandResult;

/** A command run in the test's JVM, through the command tree, handlers and writers {@code java -jar …} uses. */
final class InProcess {

    private InProcess() {
    }

    static CommandResult run(CommandLineApp app, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = app.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
        return new CommandResult(code, out.toString(), err.toString());
    }
}
