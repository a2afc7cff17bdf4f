package com.example.service.migration.apply;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

import com.example.service.migration.InvalidArgumentException;
import com.example.service.migration.InvalidTargetException;
import com.example.service.migration.MigrationConfig;
import com.example.service.migration.MigrationFailedException;
import com.example.service.migration.MigrationListener;
import com.example.service.migration.Phase;
import com.example.service.migration.ReadinessMode;
import com.example.service.migration.SchemaChange;
import com.example.service.migration.db.FlywayFactory;
import com.example.service.migration.db.FlywayTypes;
import com.example.service.migration.db.ScriptCatalog;
import com.example.service.migration.state.Drift;
import com.example.service.migration.state.DriftItem;
import com.example.service.migration.state.SchemaDriftException;
import com.example.service.migration.state.SchemaInspector;
import com.example.service.migration.state.SchemaState;
import com.example.service.migration.state.ValidationFailedException;

/**
 * Applies this code's pending migrations through Flyway, with per-migration progress: the expand
 * phase (startup, {@code db upgrade}) here, the contract phase through {@link ContractUpgrade}.
 */
@ApplicationScoped
public class Upgrader {

    private static final Logger LOG = Logger.getLogger(Upgrader.class);

    private final FlywayFactory flywayFactory;
    private final SchemaInspector inspector;
    private final DirectApply directApply;
    private final ReadinessMode mode;

    Upgrader(FlywayFactory flywayFactory, SchemaInspector inspector, DirectApply directApply, MigrationConfig config) {
        this.flywayFactory = flywayFactory;
        this.inspector = inspector;
        this.directApply = directApply;
        this.mode = config.readinessMode();
    }

    /**
     * The upgrade to {@code target} (null: every pending migration). It throws
     * {@link InvalidTargetException} when target is not a version of this code at or above current,
     * {@link SchemaDriftException} when applied scripts were edited and READINESS_MODE or pending
     * migrations make that block the upgrade ({@link Drift}; tolerated drift is logged),
     * {@link ValidationFailedException} when a migration is recorded as failed, and
     * {@link MigrationFailedException} when a migration's SQL fails (its transaction rolled back).
     * With {@code allOrNothing}, every pending migration runs in one transaction ({@link DirectApply}, or
     * Flyway's group when Flyway must run it): one that fails rolls them all back. That is refused
     * ({@link InvalidArgumentException}) before anything runs when one of them cannot run in a transaction.
     */
    public SchemaChange<UpgradeResult> upgrade(String target, boolean allOrNothing) {
        return new SchemaChange<>() {

            private MigrationVersion version;

            @Override
            public Optional<UpgradeResult> withoutLock() {
                version = parseTarget(target);
                if (version != null) {
                    return Optional.empty();
                }
                // One Flyway info decides whether there is work; the locked run validates anyway, so
                // only a no-op pays for the complete read (validation, sessions) that its answer needs.
                Optional<SchemaState> current = inspector.readIfCurrentForThisCode();
                if (current.isEmpty()) {
                    return Optional.empty();
                }
                SchemaState state = current.get();
                // Nothing to do: no lock, so that replicas starting while another release migrates (or
                // after it did) do not queue behind it.
                checkDrift(Drift.of(state.drift()), 0);
                return Optional.of(new UpgradeResult(state.currentVersion(), state.currentVersion(), List.of(), 0));
            }

            @Override
            public UpgradeResult run(MigrationListener listener, Tracker tracker) {
                return migrate(flywayFactory.forExpand(), Phase.EXPAND, version, allOrNothing, listener, tracker);
            }
        };
    }

    /** The upgrade itself, each migration in its own transaction, for a reset that holds the migration lock after its clean. */
    UpgradeResult upgradeHoldingLock(MigrationVersion target, MigrationListener listener, SchemaChange.Tracker tracker) {
        return migrate(flywayFactory.forExpand(), Phase.EXPAND, target, false, listener, tracker);
    }

    /**
     * Applies the pending migrations up to {@code target} (null: all), each in its own transaction,
     * or with {@code grouped} all in one.
     */
    UpgradeResult migrate(FluentConfiguration configuration, Phase phase, MigrationVersion target, boolean grouped,
            MigrationListener listener, SchemaChange.Tracker tracker) {
        // The only validation of this run: FlywayFactory turns Flyway's validateOnMigrate off, since
        // failures and drift are refused here, by our rules.
        List<DriftItem> findings = inspector.validate();
        if (findings.stream().anyMatch(DriftItem::failure)) {
            throw new ValidationFailedException(findings);
        }
        // Flyway's plan and run read every pending script several times, parsing it: read whole.
        FlywayFactory.scanOnce(configuration);
        MigrationInfoService plan = configuration.load().info();
        if (target != null) {
            checkTarget(target, plan);
            configuration.target(target);
        }
        List<MigrationInfo> pending = pendingUpTo(plan, target);
        int total = pending.size();
        checkDrift(Drift.of(findings), total);
        if (grouped) {
            refuseNonTransactional(pending);
            // Should Flyway apply the group after all: it plans once for a group, not once per migration.
            configuration.group(true);
        }
        MigrationProgress progress = new MigrationProgress(listener, tracker, total, phase, grouped);
        long start = System.nanoTime();
        try {
            String from;
            String last;
            if (!pending.isEmpty() && appliedDirectly(configuration, plan, pending, grouped, progress)) {
                from = versionOf(plan.current());
                last = pending.stream().map(Upgrader::versionOf).filter(Objects::nonNull).reduce((a, b) -> b).orElse(null);
            } else {
                MigrateResult result = configuration.callbacks(progress).load().migrate();
                from = result.initialSchemaVersion;
                last = result.targetSchemaVersion;
            }
            // No last version when nothing was applied (another instance migrated while we waited), and a
            // last one below the schema's version for a contract migration applied out of order.
            return new UpgradeResult(from, highest(from, last), progress.committed(),
                    Duration.ofNanos(System.nanoTime() - start).toMillis());
        } catch (FlywayException e) {
            throw progress.failure(e);
        }
    }

    /**
     * The pending migrations applied by {@link DirectApply}, which plans once where Flyway's own
     * loop plans before each migration, after Flyway has prepared the history as its migrate would;
     * false when Flyway must apply them: callbacks, which only Flyway's loop calls; a migration
     * outside any transaction, which Flyway runs with its own connection rules; or a history that
     * its preparation changed (a baseline), which only Flyway's own plan follows.
     */
    private boolean appliedDirectly(FluentConfiguration configuration, MigrationInfoService plan,
            List<MigrationInfo> pending, boolean oneTransaction, MigrationProgress progress) {
        if (FlywayFactory.hasCallbacks(configuration) || !pending.stream().allMatch(FlywayTypes::runsInTransaction)) {
            return false;
        }
        if (plan.applied().length == 0) {
            FlywayFactory.prepareHistory(configuration);
        }
        return directApply.apply(configuration, plan, pending, oneTransaction, progress);
    }

    private static String versionOf(MigrationInfo info) {
        return info == null || info.getVersion() == null ? null : info.getVersion().getVersion();
    }

    /**
     * A group promises that nothing is applied unless everything is: a migration that runs outside
     * any transaction cannot keep that promise, and Flyway would only find out while applying.
     */
    private static void refuseNonTransactional(List<MigrationInfo> pending) {
        List<String> outside = pending.stream().filter(i -> !FlywayTypes.runsInTransaction(i)).map(MigrationInfo::getScript).toList();
        if (!outside.isEmpty()) {
            throw new InvalidArgumentException("all-or-nothing upgrade refused: pending " + String.join(", ", outside)
                    + " cannot run in a transaction (executeInTransaction=false, or CONCURRENTLY and the like);"
                    + " upgrade without all-or-nothing, or all-or-nothing up to a target before it; nothing was applied");
        }
    }

    /** Refuses an upgrade that drift blocks under READINESS_MODE; warns of drift it tolerates. */
    private void checkDrift(Drift drift, int pending) {
        if (drift.blocksUpgrade(mode, pending)) {
            throw drift.refusal(mode, pending);
        }
        if (!drift.none()) {
            LOG.warnf("Schema drift tolerated (READINESS_MODE=compatible): %s", drift.explain(mode, pending));
        }
    }

    private static String highest(String a, String b) {
        return a == null ? b : b == null || !ScriptCatalog.isAbove(b, a) ? a : b;
    }

    /** The upgrade target as a version; null for none. */
    public static MigrationVersion parseTarget(String target) {
        return target == null ? null : FlywayTypes.version(target, message -> new InvalidTargetException("target " + message));
    }

    /** This code's pending migrations up to {@code target} (null: all), in the order they would run. */
    static List<MigrationInfo> pendingUpTo(MigrationInfoService plan, MigrationVersion target) {
        return Arrays.stream(plan.all()).filter(SchemaInspector::pendingForThisCode)
                .filter(i -> target == null || i.getVersion() == null || i.getVersion().compareTo(target) <= 0).toList();
    }

    /**
     * The same check for an upgrade and its preview ({@link SqlPreview}): target is a version of
     * this code, not below the current one.
     */
    static void checkTarget(MigrationVersion target, MigrationInfoService plan) {
        boolean known = Arrays.stream(plan.all()).anyMatch(i -> i.getState().isResolved() && target.equals(i.getVersion()));
        if (!known) {
            throw new InvalidTargetException("no migration of this code has version " + target.getVersion());
        }
        MigrationInfo current = plan.current();
        if (current != null && current.getVersion() != null && target.compareTo(current.getVersion()) < 0) {
            throw new InvalidTargetException("target " + target.getVersion() + " is below the current version "
                    + current.getVersion().getVersion() + "; upgrade never goes back (downgrade does)");
        }
    }
}
