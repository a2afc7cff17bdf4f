package com.example.service.migration;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.RepairOutput;

/**
 * Flyway's repair under the migration lock: removes failed rows, realigns checksums and
 * descriptions with the scripts, and marks vanished migrations deleted. It changes only the
 * history table, never the schema, which is why it needs an explicit confirmation elsewhere.
 */
@ApplicationScoped
public class SchemaRepair {

    private final FlywayFactory flywayFactory;
    private final MigrationLock lock;
    private final Event<SchemaChanged> changed;

    SchemaRepair(FlywayFactory flywayFactory, MigrationLock lock, Event<SchemaChanged> changed) {
        this.flywayFactory = flywayFactory;
        this.lock = lock;
        this.changed = changed;
    }

    /** @throws LockUnavailableException when another session holds the lock past {@code lockWait} */
    public RepairReport repair(Duration lockWait) {
        try (MigrationLock.Held held = lock.acquire(lockWait)) {
            org.flywaydb.core.api.output.RepairResult result = flywayFactory.flyway().repair();
            return new RepairReport(list(result.migrationsRemoved), list(result.migrationsAligned),
                    list(result.migrationsDeleted));
        } catch (FlywayException e) {
            throw SchemaInspector.translate(e);
        } finally {
            // Once the lock is released, so that the refreshed state does not show it still held.
            changed.fire(new SchemaChanged("repair"));
        }
    }

    private static List<Migration> list(List<RepairOutput> outputs) {
        return outputs == null ? List.of()
                : outputs.stream().map(o -> new Migration(SchemaInspector.blankToNull(o.version), o.description, o.filepath, null,
                        null, null, null)).toList();
    }
}
