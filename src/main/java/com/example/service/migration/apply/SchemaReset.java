package com.example.service.migration.apply;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.flywaydb.core.api.output.CleanResult;

import com.example.service.migration.MigrationListener;
import com.example.service.migration.SchemaChange;
import com.example.service.migration.db.FlywayFactory;

/**
 * Drops everything in the schema, then migrates from scratch, under one hold of the migration
 * lock so that no other instance migrates in between. Clean stays disabled everywhere else.
 */
@ApplicationScoped
public class SchemaReset {

    private final FlywayFactory flywayFactory;
    private final Upgrader upgrader;

    SchemaReset(FlywayFactory flywayFactory, Upgrader upgrader) {
        this.flywayFactory = flywayFactory;
        this.upgrader = upgrader;
    }

    /** The reset; a migration failing after the clean fails it with that migration's error. */
    public SchemaChange<ResetResult> reset() {
        return (MigrationListener listener, SchemaChange.Tracker tracker) -> {
            tracker.changed();
            CleanResult clean = flywayFactory.configure().cleanDisabled(false).load().clean();
            UpgradeResult upgrade = upgrader.upgradeHoldingLock(null, listener, tracker);
            return new ResetResult(List.copyOf(clean.schemasCleaned), List.copyOf(clean.schemasDropped), upgrade);
        };
    }
}
