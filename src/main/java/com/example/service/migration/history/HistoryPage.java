package com.example.service.migration.history;

import java.util.List;

/**
 * A page of the schema history, newest first.
 *
 * @param entries the rows of this page
 * @param limit   the page size asked for
 * @param offset  rows skipped before this page
 * @param total   rows in the whole history
 */
public record HistoryPage(List<HistoryEntry> entries, int limit, long offset, long total) {
}
