package com.example.service.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.BaselineResult;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;

/**
 * Adopts a schema that predates the service: records in a new schema history that it is at a given
 * version, so that upgrades apply only the later migrations. It changes no table of the schema;
 * it refuses where it would hide something, on a schema that already has history or has nothing
 * to adopt.
 */
@ApplicationScoped
public class SchemaBaseline {

    private static final String TABLES_SQL = """
            SELECT current_schema(), count(*) FILTER (WHERE c.relname <> ?)
              FROM pg_class c
             WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
            """;

    private final FlywayFactory flywayFactory;
    private final MigrationLock lock;
    private final AgroalDataSource dataSource;
    private final Event<SchemaChanged> changed;

    SchemaBaseline(FlywayFactory flywayFactory, MigrationLock lock,
            @DataSource(MigrationDataSource.NAME) AgroalDataSource dataSource, Event<SchemaChanged> changed) {
        this.flywayFactory = flywayFactory;
        this.lock = lock;
        this.dataSource = dataSource;
        this.changed = changed;
    }

    /**
     * @throws InvalidArgumentException when {@code version} is not a version, the schema already has
     *                                  history, or it has no table to adopt (nothing written)
     * @throws LockUnavailableException when another session holds the lock past {@code lockWait}
     */
    public BaselineReport baseline(String version, Duration lockWait) {
        if (version == null || !Migrator.VERSION.matcher(version).matches()) {
            throw new InvalidArgumentException("'" + version + "' is not a version (digits separated by dots, e.g. 3 or 1.2)");
        }
        boolean written = false;
        try (MigrationLock.Held held = lock.acquire(lockWait)) {
            String schema = refuseUnlessAdoptable();
            FluentConfiguration configuration = flywayFactory.configure().baselineVersion(version);
            BaselineResult result = configuration.load().baseline();
            written = true;
            return new BaselineReport(result.baselineVersion, configuration.getBaselineDescription(), schema);
        } catch (FlywayException e) {
            throw SchemaInspector.translate(e);
        } finally {
            if (written) {
                changed.fire(new SchemaChanged("baseline"));
            }
        }
    }

    /** The schema's name, when it has tables and no history. */
    private String refuseUnlessAdoptable() {
        try (Connection c = dataSource.getConnection()) {
            long historyRows = SchemaHistory.historyTableExists(c) ? SchemaHistory.count(c) : 0;
            if (historyRows > 0) {
                throw new InvalidArgumentException("baseline refused: the schema already has a migration history ("
                        + historyRows + " row(s) in " + FlywayFactory.HISTORY_TABLE + "); baseline only adopts a schema"
                        + " that predates the service");
            }
            try (PreparedStatement s = c.prepareStatement(TABLES_SQL)) {
                s.setString(1, FlywayFactory.HISTORY_TABLE);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    String schema = rs.getString(1);
                    if (rs.getLong(2) == 0) {
                        throw new InvalidArgumentException("baseline refused: schema " + schema
                                + " has no tables, so nothing predates the service; run db upgrade instead");
                    }
                    return schema;
                }
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("database not reachable: " + e.getMessage(), e, false);
        }
    }
}
