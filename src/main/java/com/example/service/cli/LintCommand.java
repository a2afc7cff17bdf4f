package com.example.service.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import com.example.service.migration.lint.LintFinding;
import com.example.service.migration.lint.LintReport;
import com.example.service.migration.lint.MigrationLinter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

@Dependent
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Replay the pending migrations (with --all: every migration) on a scratch database and report what "
                + "PostgreSQL does with each statement: locks that block reads or writes while work grows with a table, "
                + "rewrites, full-table scans, and changes that break the release still running. The configured database "
                + "is only read. Exit 0 with no error finding, 6 with at least one.")
public class LintCommand implements Callable<Integer> {

    enum Format {
        TEXT, JSON, SARIF
    }

    @Option(names = "--all", description = "Lint every migration of this code, as on a new database; connects to no target database.")
    boolean all;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json (like --json), or sarif (SARIF 2.1.0, for code-scanning tools).")
    Format format;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    private final MigrationLinter linter;
    private final ObjectMapper mapper;

    LintCommand(MigrationLinter linter, ObjectMapper mapper) {
        this.linter = linter;
        this.mapper = mapper;
    }

    @Override
    public Integer call() {
        if (format != null && format != Format.JSON && output.json) {
            throw new ParameterException(spec.commandLine(), "--json and --format " + format.name().toLowerCase(Locale.ROOT)
                    + " contradict each other");
        }
        LintReport report = all ? linter.lintAll() : linter.lintPending();
        if (format == Format.SARIF) {
            printSarif(report);
        } else {
            // --format json is --json by another name.
            output.json |= format == Format.JSON;
            output.print(report, LintCommand::text);
        }
        return report.errors() > 0 ? ExitCodes.LINT_ERRORS : ExitCodes.OK;
    }

    private void printSarif(LintReport report) {
        PrintWriter out = spec.commandLine().getOut();
        try {
            out.println(mapper.writeValueAsString(LintSarif.of(report, new VersionProvider().getVersion()[0])));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the SARIF report", e);
        }
        out.flush();
    }

    static String text(LintReport report) {
        if (report.linted().isEmpty()) {
            return "Nothing pending: nothing to lint.";
        }
        StringBuilder text = new StringBuilder();
        for (LintFinding f : report.findings()) {
            text.append(f.file()).append(':').append(f.line()).append(": ").append(f.severity().id()).append(" [")
                    .append(f.rule()).append("] ").append(f.message()).append("\n    fix: ").append(f.fix()).append("\n\n");
        }
        report.accepted().forEach(a -> text.append("accepted: ").append(a.finding().file()).append(':')
                .append(a.finding().line()).append(" [").append(a.finding().rule()).append("] ").append(a.reason())
                .append(" (").append(a.source()).append(")\n"));
        if (!report.notLinted().isEmpty()) {
            text.append("Not linted, as a migration before them failed: ").append(String.join(", ", report.notLinted()))
                    .append('\n');
        }
        text.append("Linted ").append(report.linted().size()).append(" migration(s) on ").append(report.scratchServer())
                .append(": ").append(report.errors()).append(" error(s), ").append(report.warnings()).append(" warning(s)")
                .append(report.accepted().isEmpty() ? "" : ", " + report.accepted().size() + " accepted").append('.');
        return text.toString();
    }
}
