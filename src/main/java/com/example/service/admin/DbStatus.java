package com.example.service.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.example.service.migration.change.UpgradeProgress;
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
 * @param progress           this instance's upgrade while it holds the migration lock, whoever asked for it
 *                           (startup or {@code POST upgrade}): migrations done of total, the one running;
 *                           null otherwise (another process's migration shows as lockHolder only)
 * @param databaseReachable  whether the database answered at the last refresh
 * @param problem            why it did not; null when it did
 * @param checkedAt          when the state was last refreshed (every SCHEMA_STATE_REFRESH and after each change)
 */
public record DbStatus(
        @Schema(enumeration = { "UP_TO_DATE", "PENDING", "MIGRATING", "FAILED", "DRIFT", "AHEAD", "UNKNOWN" }) String state,
        String currentVersion, String latestKnownVersion, int pendingCount, int pendingContractCount,
        List<ConnectedRelease> contractBlockedBy, int appliedCount, int failedCount,
        int driftCount, int newerCount, Migration lastApplied, String databaseVersion, LockHolder lockHolder,
        Progress startupMigration, UpgradeStep progress, boolean databaseReachable, String problem, Instant checkedAt) {

    /**
     * This instance's startup migration while it runs.
     *
     * @param phase   where it is (the startup migration's own phases; their names are this answer's values)
     * @param done    migrations finished so far
     * @param total   migrations to apply; 0 until known
     * @param current the migration running now, if any
     * @param error   why it failed, when it failed
     */
    public record Progress(StartupMigration.Phase phase, int done, int total, String current, String error) {

        static Progress of(StartupMigration.Progress progress) {
            return new Progress(progress.phase(), progress.done(), progress.total(), progress.current(), progress.error());
        }
    }

    /**
     * This instance's change (startup, REST or a command) while it holds the migration lock.
     *
     * @param done    migrations applied so far
     * @param total   migrations it applies
     * @param current the migration running now; null between two
     * @param since   when it began
     */
    public record UpgradeStep(int done, int total, String current, Instant since) {

        static UpgradeStep of(UpgradeProgress.Step step) {
            return new UpgradeStep(step.done(), step.total(), step.current(), step.since());
        }
    }

    static DbStatus of(SchemaStateCache.Snapshot snapshot, StartupMigration.Progress startup,
            Optional<UpgradeProgress.Step> upgrade) {
        boolean startupRunning = startup.phase() == StartupMigration.Phase.WAITING_FOR_DATABASE
                || startup.phase() == StartupMigration.Phase.WAITING_FOR_LOCK
                || startup.phase() == StartupMigration.Phase.MIGRATING;
        Optional<SchemaState> known = snapshot.state();
        SchemaStatus state;
        if (upgrade.isPresent() || startup.phase() == StartupMigration.Phase.MIGRATING
                || startup.phase() == StartupMigration.Phase.WAITING_FOR_LOCK) {
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
                known.map(SchemaState::contractBlockers).map(ConnectedRelease::all).orElse(List.of()),
                known.map(SchemaState::appliedCount).orElse(0),
                known.map(s -> s.failed().size()).orElse(0),
                known.map(s -> s.drift().size()).orElse(0),
                known.map(SchemaState::futureCount).orElse(0),
                known.map(SchemaState::lastApplied).map(Migration::of).orElse(null),
                known.map(SchemaState::databaseVersion).orElse(null),
                known.flatMap(SchemaState::lockHolder).map(LockHolder::of).orElse(null),
                startupRunning ? Progress.of(startup) : null,
                upgrade.map(UpgradeStep::of).orElse(null),
                snapshot.reachable(), snapshot.problem(), snapshot.checkedAt());
    }

    /** Whether {@code other} tells the same: everything equal but when it was checked. */
    boolean sameAs(DbStatus other) {
        return other != null && withCheckedAt(null).equals(other.withCheckedAt(null));
    }

    private DbStatus withCheckedAt(Instant at) {
        return new DbStatus(state, currentVersion, latestKnownVersion, pendingCount, pendingContractCount, contractBlockedBy,
                appliedCount, failedCount, driftCount, newerCount, lastApplied, databaseVersion, lockHolder, startupMigration,
                progress, databaseReachable, problem, at);
    }
}
