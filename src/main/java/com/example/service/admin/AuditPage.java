package com.example.service.admin;

import java.time.Instant;
import java.util.List;

import com.example.service.migration.Page;

/**
 * The answer of {@code GET /admin/db/audit}: a page of the audit of schema changes, newest first.
 *
 * @param entries the rows of this page
 * @param limit   the page size asked for
 * @param offset  rows skipped before this page
 * @param total   rows in the whole audit
 */
public record AuditPage(List<AuditEntry> entries, int limit, long offset, long total) {

    static AuditPage of(Page<com.example.service.migration.audit.AuditEntry> page) {
        return new AuditPage(page.entries().stream().map(AuditEntry::of).toList(), page.limit(), page.offset(),
                page.total());
    }

    /**
     * One audited schema change.
     *
     * @param id          the row's number, increasing with every change
     * @param at          when the change started
     * @param entryPoint  startup, cli or rest
     * @param action      upgrade, downgrade, reset, repair or baseline
     * @param actor       the REST user, the OS user of a command, or the pod of a startup migration
     * @param host        the host (pod) the change ran on
     * @param fromVersion the version before; null on an empty schema
     * @param toVersion   the version after; null when the schema is empty after
     * @param result      success, failure or refused
     * @param migrations  migrations applied (undone for a downgrade), the failed one included
     * @param durationMs  wall time, lock wait included
     * @param error       why it failed or was refused; null on success
     */
    public record AuditEntry(long id, Instant at, String entryPoint, String action, String actor, String host,
            String fromVersion, String toVersion, String result, int migrations, long durationMs, String error) {

        static AuditEntry of(com.example.service.migration.audit.AuditEntry e) {
            return new AuditEntry(e.id(), e.at(), e.entryPoint(), e.action(), e.actor(), e.host(), e.fromVersion(),
                    e.toVersion(), e.result(), e.migrations(), e.durationMs(), e.error());
        }
    }
}
