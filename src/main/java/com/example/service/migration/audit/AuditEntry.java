package com.example.service.migration.audit;

import java.time.Instant;

/**
 * One audited schema change, as its row in the audit table.
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
}
