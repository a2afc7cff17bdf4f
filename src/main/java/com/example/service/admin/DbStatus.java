package com.example.service.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.example.service.migration.Migration;
import com.example.service.migration.lock.LockHolder;
import com.example.service.migration.release.ConnectedRelease;
import com.example.service.migration.startup.StartupMigration;
import com.example.service.migration.state.SchemaState;
import com.example.service.migration.state.SchemaStateCache;
import com.example.service.migration.state.SchemaStatus;

/**
 * The answer of {@code GET /admin/db/status}. Every field is always present (null when it does
 * not apply), so dashboards can rely on the shape.
 *
 * @param state              UP_TO_DATE, PENDING, MIGRATING, FAILED, DRIFT, AHEAD, or UNKNOWN when the database
 *                           did not answer at the last refresh
 * @param currentVersion     the highest applied version; null on an empty schema
 * @param latestKnownVersion the highest version among this code's migrations
 * @param pendingCount       this code's expand migrations not yet applied
 * @param pendingContractCount this code's contract migrations not yet applied (post-deploy; they never make
 *                           an instance unready)
 * @param contractBlockedBy  connected releases whose code does not know the newest pending contract migration:
 *                           the contract phase waits for them to leave
 * @param appliedCount       migrations applied, this code's and newer ones
 * @param failedCount        migrations recorded as failed
 * @param driftCount         validation findings (checksum drift, missing or failed migrations)
 * @param newerCount         applied migrations newer than this code
 * @param lastApplied        the most recently applied migration and when; null on an empty schema
 * @param databaseVersion    the PostgreSQL server version
 * @param lockHolder         who holds the migration lock, if anyone
 * @param startupMigration   this instance's startup migration while it runs; null otherwise
 * @param databaseReachable  whether the database answered at the last refresh
 * @param problem            why it did not; null when it did
 * @param checkedAt          when the state was last refreshed (every SCHEMA_STATE_REFRESH and after each change)
 */
public record DbStatus(
        @Schema(enumeration = { "UP_TO_DATE", "PENDING", "MIGRATING", "FAILED", "DRIFT", "AHEAD", "UNKNOWN" }) String state,
        String currentVersion, String latestKnownVersion, int pendingCount, int pendingContractCount,
        List<ConnectedRelease> contractBlockedBy, int appliedCount, int failedCount,
        int driftCount, int newerCount, Migration lastApplied, String databaseVersion, LockHolder lockHolder,
        StartupMigration.Progress startupMigration, boolean databaseReachable, String problem, Instant checkedAt) {

    static DbStatus of(SchemaStateCache.Snapshot snapshot, StartupMigration.Progress startup) {
        boolean startupRunning = startup.phase() == StartupMigration.Phase.WAITING_FOR_DATABASE
                || startup.phase() == StartupMigration.Phase.WAITING_FOR_LOCK
                || startup.phase() == StartupMigration.Phase.MIGRATING;
        Optional<SchemaState> known = snapshot.state();
        SchemaStatus state;
        if (startup.phase() == StartupMigration.Phase.MIGRATING || startup.phase() == StartupMigration.Phase.WAITING_FOR_LOCK) {
            state = SchemaStatus.MIGRATING;
        } else if (!snapshot.reachable() || known.isEmpty()) {
            state = SchemaStatus.UNKNOWN;
        } else {
            state = known.get().status();
        }
        return new DbStatus(state.name(),
                known.map(SchemaState::currentVersion).orElse(null),
                known.map(SchemaState::latestKnownVersion).orElse(null),
                known.map(s -> s.pending().size()).orElse(0),
                known.map(s -> s.pendingContract().size()).orElse(0),
                known.map(SchemaState::contractBlockers).orElse(List.of()),
                known.map(SchemaState::appliedCount).orElse(0),
                known.map(s -> s.failed().size()).orElse(0),
                known.map(s -> s.drift().size()).orElse(0),
                known.map(SchemaState::futureCount).orElse(0),
                known.map(SchemaState::lastApplied).orElse(null),
                known.map(SchemaState::databaseVersion).orElse(null),
                known.flatMap(SchemaState::lockHolder).orElse(null),
                startupRunning ? startup : null,
                snapshot.reachable(), snapshot.problem(), snapshot.checkedAt());
    }
}
