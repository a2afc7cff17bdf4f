package com.example.service.migration.change;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.flywaydb.core.api.FlywayException;

import com.example.service.migration.Actor;
import com.example.service.migration.ChangeAction;
import com.example.service.migration.MigrationConfig;
import com.example.service.migration.MigrationListener;
import com.example.service.migration.SchemaChange;
import com.example.service.migration.apply.ContractUpgrade;
import com.example.service.migration.apply.ResetResult;
import com.example.service.migration.apply.SchemaReset;
import com.example.service.migration.apply.UpgradeResult;
import com.example.service.migration.apply.Upgrader;
import com.example.service.migration.audit.SchemaChangeRecorder;
import com.example.service.migration.db.FlywayErrors;
import com.example.service.migration.lock.LockTimeoutExplainer;
import com.example.service.migration.lock.MigrationLock;
import com.example.service.migration.maintenance.BaselineReport;
import com.example.service.migration.maintenance.RepairReport;
import com.example.service.migration.maintenance.SchemaBaseline;
import com.example.service.migration.maintenance.SchemaRepair;
import com.example.service.migration.state.SchemaChanged;
import com.example.service.migration.undo.DowngradeResult;
import com.example.service.migration.undo.Downgrader;

/**
 * Every change to the schema or its history, from every entry point (startup, CLI, REST), goes
 * through here and one template: audit around it; take the migration lock (startup and CLI wait
 * MIGRATION_LOCK_TIMEOUT, REST never waits); run; translate errors; once the lock is released,
 * announce the change, if it changed anything, so that cached state is re-read.
 */
@ApplicationScoped
public class SchemaChanges {

    private final Upgrader upgrader;
    private final ContractUpgrade contract;
    private final SchemaReset reset;
    private final Downgrader downgrader;
    private final SchemaRepair repair;
    private final SchemaBaseline baseline;
    private final MigrationLock lock;
    private final SchemaChangeRecorder recorder;
    private final InFlightMigration inFlight;
    private final UpgradeProgress progress;
    private final LockTimeoutExplainer lockTimeouts;
    private final Event<SchemaChanged> changed;
    private final MigrationConfig config;

    SchemaChanges(Upgrader upgrader, ContractUpgrade contract, SchemaReset reset, Downgrader downgrader, SchemaRepair repair,
            SchemaBaseline baseline, MigrationLock lock, SchemaChangeRecorder recorder, InFlightMigration inFlight,
            UpgradeProgress progress, LockTimeoutExplainer lockTimeouts,
            Event<SchemaChanged> changed, MigrationConfig config) {
        this.upgrader = upgrader;
        this.contract = contract;
        this.reset = reset;
        this.downgrader = downgrader;
        this.repair = repair;
        this.baseline = baseline;
        this.lock = lock;
        this.recorder = recorder;
        this.inFlight = inFlight;
        this.progress = progress;
        this.lockTimeouts = lockTimeouts;
        this.changed = changed;
        this.config = config;
    }

    /**
     * Applies this code's pending migrations, up to {@code target} when given, each in its own
     * transaction (see {@link Upgrader#upgrade}).
     */
    public UpgradeResult upgrade(Actor actor, String target, MigrationListener listener) {
        return upgrade(actor, target, false, listener);
    }

    /** The same, with {@code allOrNothing} all of them in one transaction (see {@link Upgrader#upgrade}). */
    public UpgradeResult upgrade(Actor actor, String target, boolean allOrNothing, MigrationListener listener) {
        return run(actor, ChangeAction.UPGRADE, listener, upgrader.upgrade(target, allOrNothing));
    }

    /**
     * Applies the pending contract migrations once no connected release is older than them, waiting
     * at most {@code wait} for such releases to disconnect; {@code force} applies at once (audited as forced).
     */
    public UpgradeResult upgradeContract(Actor actor, Duration wait, boolean force, MigrationListener listener) {
        return run(actor, force ? ChangeAction.CONTRACT_FORCED : ChangeAction.CONTRACT, listener,
                contract.contract(wait, force));
    }

    /** Drops everything in the schema, then migrates from scratch (see {@link SchemaReset}). */
    public ResetResult reset(Actor actor, MigrationListener listener) {
        return run(actor, ChangeAction.RESET, listener, reset.reset());
    }

    /** Undoes the last {@code steps} applied migrations, newest first (see {@link Downgrader}). */
    public DowngradeResult downgrade(Actor actor, int steps, MigrationListener listener) {
        return run(actor, ChangeAction.DOWNGRADE, listener, downgrader.downgrade(steps));
    }

    /** Repairs the schema history (see {@link SchemaRepair}). */
    public RepairReport repair(Actor actor) {
        return run(actor, ChangeAction.REPAIR, MigrationListener.NONE, repair.repair());
    }

    /** Adopts a schema that predates the service at {@code version} (see {@link SchemaBaseline}). */
    public BaselineReport baseline(Actor actor, String version) {
        return run(actor, ChangeAction.BASELINE, MigrationListener.NONE, baseline.baseline(version));
    }

    private <T> T run(Actor actor, ChangeAction action, MigrationListener listener, SchemaChange<T> change) {
        return recorder.record(actor, action, listener, observer -> {
            InFlightMigration.Run run = null;
            UpgradeProgress.Tracking tracking = null;
            try {
                Optional<T> early = change.withoutLock();
                if (early.isPresent()) {
                    return early.get();
                }
                try (MigrationLock.Held held = lock.acquire(lockWait(actor))) {
                    run = inFlight.begin();
                    tracking = progress.track(observer);
                    return change.run(tracking, run);
                }
            } catch (FlywayException e) {
                throw lockTimeouts.explain(FlywayErrors.translate(e));
            } catch (RuntimeException e) {
                throw lockTimeouts.explain(e);
            } finally {
                if (run != null) {
                    boolean changedAnything = run.changedAnything();
                    if (changedAnything) {
                        changed.fire(new SchemaChanged(action.label()));
                    }
                    // After that refresh: status goes from "N of N applied" straight to the new state.
                    tracking.end(changedAnything);
                    run.end();
                }
            }
        });
    }

    /** Design section 7: startup and the CLI wait for another instance's migration; the admin API never does. */
    private Duration lockWait(Actor actor) {
        return actor.entryPoint() == Actor.EntryPoint.REST ? Duration.ZERO : config.lockTimeout();
    }
}
