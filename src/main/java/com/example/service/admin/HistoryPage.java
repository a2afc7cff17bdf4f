package com.example.service.admin;

import java.time.Instant;
import java.util.List;

import com.example.service.migration.Page;

/**
 * The answer of {@code GET /admin/db/history}: a page of the schema history, newest first.
 *
 * @param entries the rows of this page
 * @param limit   the page size asked for
 * @param offset  rows skipped before this page
 * @param total   rows in the whole history
 */
public record HistoryPage(List<HistoryEntry> entries, int limit, long offset, long total) {

    static HistoryPage of(Page<com.example.service.migration.history.HistoryEntry> page) {
        return new HistoryPage(page.entries().stream().map(HistoryEntry::of).toList(), page.limit(), page.offset(),
                page.total());
    }

    /**
     * One row of the schema history table.
     *
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
    public record HistoryEntry(int installedRank, String version, String description, String type, String script,
            Integer checksum, String installedBy, Instant installedOn, long executionTimeMs, boolean success, String phase) {

        static HistoryEntry of(com.example.service.migration.history.HistoryEntry e) {
            return new HistoryEntry(e.installedRank(), e.version(), e.description(), e.type(), e.script(), e.checksum(),
                    e.installedBy(), e.installedOn(), e.executionTimeMs(), e.success(), e.phase().label());
        }
    }
}
