package com.example.service.migration;

import java.util.List;

/**
 * One page of a table read newest first (the schema history, the audit).
 *
 * @param entries the rows of this page
 * @param limit   the page size asked for
 * @param offset  rows skipped before this page
 * @param total   rows in the whole table
 * @param <T>     a row
 */
public record Page<T>(List<T> entries, int limit, long offset, long total) {
}
