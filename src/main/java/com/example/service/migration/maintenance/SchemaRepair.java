package com.example.service.migration.maintenance;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.flywaydb.core.api.output.RepairOutput;
import org.flywaydb.core.api.output.RepairResult;

import com.example.service.migration.Migration;
import com.example.service.migration.MigrationListener;
import com.example.service.migration.SchemaChange;
import com.example.service.migration.db.FlywayFactory;
import com.example.service.migration.db.FlywayTypes;
import com.example.service.migration.db.MigrationPhases;

/**
 * Flyway's repair: removes failed rows, realigns checksums and descriptions with the scripts, and
 * marks vanished migrations deleted. It changes only the history table, never the schema, which is
 * why it needs an explicit confirmation elsewhere.
 */
@ApplicationScoped
public class SchemaRepair {

    private final FlywayFactory flywayFactory;
    private final MigrationPhases phases;

    SchemaRepair(FlywayFactory flywayFactory, MigrationPhases phases) {
        this.flywayFactory = flywayFactory;
        this.phases = phases;
    }

    public SchemaChange<RepairReport> repair() {
        return (MigrationListener listener, SchemaChange.Tracker tracker) -> {
            RepairResult result = flywayFactory.flyway().repair();
            RepairReport report = new RepairReport(list(result.migrationsRemoved), list(result.migrationsAligned),
                    list(result.migrationsDeleted));
            if (!report.nothingChanged()) {
                tracker.changed();
            }
            return report;
        };
    }

    private List<Migration> list(List<RepairOutput> outputs) {
        return outputs == null ? List.of()
                : outputs.stream().map(o -> FlywayTypes.migration(o, phases.of(FlywayTypes.blankToNull(o.version)))).toList();
    }
}
