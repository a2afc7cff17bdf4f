package com.example.service.cli;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import com.example.service.migration.InvalidArgumentException;
import com.example.service.migration.Page;
import com.example.service.migration.history.HistoryEntry;
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
        output.print(history.page(limit, offset), History::of, HistoryCommand::text);
        return ExitCodes.OK;
    }

    /**
     * @param entries the rows of this page, newest first
     * @param limit   the page size asked for
     * @param offset  rows skipped before this page
     * @param total   rows in the whole history
     */
    record History(List<Entry> entries, int limit, long offset, long total) {

        static History of(Page<HistoryEntry> page) {
            return new History(page.entries().stream().map(Entry::of).toList(), page.limit(), page.offset(), page.total());
        }
    }

    /**
     * @param installedRank   order of installation, 1 first
     * @param version         the version; null for a repeatable migration
     * @param description     its description
     * @param type            SQL, JDBC, BASELINE, … as the table records it
     * @param script          the script's file name
     * @param checksum        the script's checksum when applied
     * @param installedBy     the database role that applied it
     * @param installedOn     when (UTC)
     * @param executionTimeMs how long it ran
     * @param success         false for a failed migration
     * @param phase           expand or contract, as this code knows the version
     */
    record Entry(int installedRank, String version, String description, String type, String script, Integer checksum,
            String installedBy, Instant installedOn, long executionTimeMs, boolean success, String phase) {

        static Entry of(HistoryEntry e) {
            return new Entry(e.installedRank(), e.version(), e.description(), e.type(), e.script(), e.checksum(),
                    e.installedBy(), e.installedOn(), e.executionTimeMs(), e.success(), e.phase().label());
        }
    }

    private static String text(Page<HistoryEntry> page) {
        if (page.entries().isEmpty()) {
            return page.total() == 0 ? "No schema history yet." : "No rows past offset " + page.offset() + " of " + page.total() + ".";
        }
        StringBuilder text = new StringBuilder(String.format("%-5s %-10s %-8s %-9s %-7s %-20s %8s  %s",
                "rank", "version", "phase", "type", "success", "installed on (UTC)", "ms", "description"));
        for (HistoryEntry e : page.entries()) {
            text.append('\n').append(String.format("%-5d %-10s %-8s %-9s %-7s %-20s %8d  %s", e.installedRank(),
                    e.version() == null ? "" : e.version(), e.phase().label(), e.type(), e.success(),
                    e.installedOn().toString().substring(0, 19).replace('T', ' '), e.executionTimeMs(), e.description()));
        }
        return text.append("\n(").append(page.entries().size()).append(" of ").append(page.total()).append(" rows)").toString();
    }
}
