package com.example.service.migration.state;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.flywaydb.core.api.MigrationVersion;

import com.example.service.migration.Migration;
import com.example.service.migration.ReadinessMode;
import com.example.service.migration.lock.LockHolder;
import com.example.service.migration.release.ConnectedRelease;

/**
 * A snapshot of the schema as this code sees it: what is applied, what is pending, what failed.
 *
 * @param status             the state in one word
 * @param currentVersion     the highest applied version; null on an empty schema
 * @param latestKnownVersion the highest version among this code's migrations
 * @param pending            expand migrations of this code not yet applied, in the order they would run
 * @param pendingContract    contract migrations of this code not yet applied, in version order; they never
 *                           make the schema less current (they run after the rollout)
 * @param contractBlockers   connected releases whose code does not know the newest pending contract migration
 * @param failed             migrations recorded as failed
 * @param drift              applied migrations that no longer match their scripts, itemised
 * @param appliedCount       applied migrations, this code's and newer ones
 * @param futureCount        applied migrations newer than this code
 * @param lastApplied        the most recently applied migration; null on an empty schema
 * @param lockHolder         who holds the migration lock, if anyone
 * @param databaseVersion    the PostgreSQL server version
 * @param readAt             when this snapshot was read
 */
public record SchemaState(SchemaStatus status, String currentVersion, String latestKnownVersion,
        List<Migration> pending, List<Migration> pendingContract, List<ConnectedRelease> contractBlockers,
        List<Migration> failed, List<DriftItem> drift, int appliedCount,
        int futureCount, Migration lastApplied, Optional<LockHolder> lockHolder, String databaseVersion,
        Instant readAt) {

    /** Flyway's version order; repeatable migrations (no version) last, where Flyway runs them. */
    public static final Comparator<Migration> IN_VERSION_ORDER = Comparator.comparing(Migration::version,
            Comparator.nullsLast(Comparator.comparing(MigrationVersion::fromVersion)));

    /** Every pending migration, expand and contract, in version order. */
    public List<Migration> allPending() {
        return Stream.concat(pending.stream(), pendingContract.stream())
                .sorted(IN_VERSION_ORDER).toList();
    }

    /** True when this code's expand migrations are all applied and none failed; pending contract ones do not count. */
    public boolean currentForThisCode() {
        return pending.isEmpty() && failed.isEmpty();
    }

    /** True under {@link ReadinessMode#STRICT}: current, nothing newer, no drift. */
    public boolean exactlyCurrent() {
        return currentForThisCode() && futureCount == 0 && drift.isEmpty();
    }

    /** Whether the schema is acceptable for this code under the given mode. */
    public boolean acceptableUnder(ReadinessMode mode) {
        return mode == ReadinessMode.STRICT ? exactlyCurrent() : currentForThisCode();
    }

    /**
     * This state with the sessions as they are now: the lock holder (the status follows it: MIGRATING
     * while held) and the releases that block the pending contract migrations.
     */
    public SchemaState withSessions(Optional<LockHolder> holder, List<ConnectedRelease> blockers) {
        return new SchemaState(statusOf(holder, failed, drift, pending, futureCount), currentVersion, latestKnownVersion,
                pending, pendingContract, blockers, failed, drift, appliedCount, futureCount, lastApplied, holder,
                databaseVersion, readAt);
    }

    static SchemaStatus statusOf(Optional<LockHolder> holder, List<Migration> failed, List<DriftItem> drift,
            List<Migration> pending, int futureCount) {
        if (holder.isPresent()) {
            return SchemaStatus.MIGRATING;
        } else if (!failed.isEmpty()) {
            return SchemaStatus.FAILED;
        } else if (!drift.isEmpty()) {
            return SchemaStatus.DRIFT;
        } else if (!pending.isEmpty()) {
            return SchemaStatus.PENDING;
        } else if (futureCount > 0) {
            return SchemaStatus.AHEAD;
        }
        return SchemaStatus.UP_TO_DATE;
    }
}
