package com.example.service.migration.maintenance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.BaselineResult;

import com.example.service.database.DatabaseUnavailableException;
import com.example.service.migration.InvalidArgumentException;
import com.example.service.migration.MigrationListener;
import com.example.service.migration.SchemaChange;
import com.example.service.migration.db.FlywayFactory;
import com.example.service.migration.db.FlywayTypes;
import com.example.service.migration.db.MigrationDataSource;
import com.example.service.migration.db.SqlErrors;
import com.example.service.migration.history.SchemaHistory;

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
    private final SchemaHistory history;
    private final AgroalDataSource dataSource;

    SchemaBaseline(FlywayFactory flywayFactory, SchemaHistory history,
            @DataSource(MigrationDataSource.NAME) AgroalDataSource dataSource) {
        this.flywayFactory = flywayFactory;
        this.history = history;
        this.dataSource = dataSource;
    }

    /**
     * The baseline at {@code version}. Refused with {@link InvalidArgumentException} (nothing written)
     * when {@code version} is not a version, the schema already has history, or it has no table to adopt.
     */
    public SchemaChange<BaselineReport> baseline(String version) {
        return new SchemaChange<>() {

            @Override
            public Optional<BaselineReport> withoutLock() {
                FlywayTypes.version(version, InvalidArgumentException::new);
                return Optional.empty();
            }

            @Override
            public BaselineReport run(MigrationListener listener, Tracker tracker) {
                String schema = refuseUnlessAdoptable();
                FluentConfiguration configuration = flywayFactory.configure().baselineVersion(version);
                BaselineResult result = configuration.load().baseline();
                tracker.changed();
                return new BaselineReport(result.baselineVersion, configuration.getBaselineDescription(), schema);
            }
        };
    }

    /** The schema's name, when it has tables and no history. */
    private String refuseUnlessAdoptable() {
        long historyRows = history.rowCount();
        if (historyRows > 0) {
            throw new InvalidArgumentException("baseline refused: the schema already has a migration history ("
                    + historyRows + " row(s) in " + FlywayFactory.HISTORY_TABLE + "); baseline only adopts a schema"
                    + " that predates the service");
        }
        try (Connection c = dataSource.getConnection()) {
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
            throw SqlErrors.translate(e);
        }
    }
}
