package com.example.service.cli;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import com.example.service.migration.InvalidArgumentException;
import com.example.service.migration.history.HistoryEntry;
import com.example.service.migration.history.HistoryPage;
import com.example.service.migration.history.SchemaHistory;

@Dependent
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Print the schema history table, newest first.")
public class HistoryCommand implements Callable<Integer> {

    private static final int MAX_LIMIT = 10_000;

    @Option(names = "--limit", defaultValue = "50", description = "Rows to print, 1 to " + MAX_LIMIT + " (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--offset", defaultValue = "0", description = "Newest rows to skip first (default: ${DEFAULT-VALUE}).")
    long offset;

    @Mixin
    OutputOptions output;

    private final SchemaHistory history;

    HistoryCommand(SchemaHistory history) {
        this.history = history;
    }

    @Override
    public Integer call() {
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw new InvalidArgumentException("--limit must be 1 to " + MAX_LIMIT + " and --offset at least 0");
        }
        output.print(history.page(limit, offset), HistoryCommand::text);
        return ExitCodes.OK;
    }

    private static String text(HistoryPage page) {
        if (page.entries().isEmpty()) {
            return page.total() == 0 ? "No schema history yet." : "No rows past offset " + page.offset() + " of " + page.total() + ".";
        }
        StringBuilder text = new StringBuilder(String.format("%-5s %-10s %-8s %-9s %-7s %-20s %8s  %s",
                "rank", "version", "phase", "type", "success", "installed on (UTC)", "ms", "description"));
        for (HistoryEntry e : page.entries()) {
            text.append('\n').append(String.format("%-5d %-10s %-8s %-9s %-7s %-20s %8d  %s", e.installedRank(),
                    e.version() == null ? "" : e.version(), e.phase(), e.type(), e.success(),
                    e.installedOn().toString().substring(0, 19).replace('T', ' '), e.executionTimeMs(), e.description()));
        }
        return text.append("\n(").append(page.entries().size()).append(" of ").append(page.total()).append(" rows)").toString();
    }
}
