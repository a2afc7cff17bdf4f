package com.example.service.migration.audit;

import java.util.List;

/**
 * A page of the audit table, newest first.
 *
 * @param entries the rows of this page
 * @param limit   the page size asked for
 * @param offset  rows skipped before this page
 * @param total   rows in the whole table
 */
public record AuditPage(List<AuditEntry> entries, int limit, long offset, long total) {
}
