package com.example.service.migration;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.CleanResult;

/**
 * Drops everything in the schema, then migrates from scratch, under one hold of the migration
 * lock so that no other instance migrates in between. Clean stays disabled everywhere else.
 */
@ApplicationScoped
public class SchemaReset {

    private final FlywayFactory flywayFactory;
    private final MigrationLock lock;
    private final Migrator migrator;
    private final Event<SchemaChanged> changed;

    SchemaReset(FlywayFactory flywayFactory, MigrationLock lock, Migrator migrator, Event<SchemaChanged> changed) {
        this.flywayFactory = flywayFactory;
        this.lock = lock;
        this.migrator = migrator;
        this.changed = changed;
    }

    /**
     * @throws LockUnavailableException when another session holds the lock past {@code lockWait}
     * @throws MigrationFailedException when a migration fails after the clean
     */
    public ResetResult reset(Duration lockWait, MigrationListener listener) {
        try {
            try (MigrationLock.Held held = lock.acquire(lockWait)) {
                CleanResult clean = clean();
                UpgradeResult upgrade = migrator.upgradeHoldingLock(null, listener);
                return new ResetResult(List.copyOf(clean.schemasCleaned), List.copyOf(clean.schemasDropped), upgrade);
            }
        } finally {
            // Once the lock is released, so that the refreshed state does not show it still held.
            changed.fire(new SchemaChanged("reset"));
        }
    }

    private CleanResult clean() {
        try {
            return flywayFactory.configure().cleanDisabled(false).load().clean();
        } catch (FlywayException e) {
            throw SchemaInspector.translate(e);
        }
    }
}
