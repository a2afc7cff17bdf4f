package com.example.service.migration.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.flywaydb.core.api.MigrationVersion;

import com.example.service.database.DatabaseUnavailableException;
import com.example.service.migration.Page;
import com.example.service.migration.db.FlywayFactory;
import com.example.service.migration.db.MigrationDataSource;
import com.example.service.migration.db.MigrationPhases;
import com.example.service.migration.db.SqlErrors;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;

/** Reads the schema history table page by page, in SQL, whatever its size. */
@ApplicationScoped
public class SchemaHistory {

    private static final String PAGE_SQL = """
            SELECT installed_rank, version, description, type, script, checksum, installed_by, installed_on,
                   execution_time, success
              FROM %s
             ORDER BY installed_rank DESC
             LIMIT ? OFFSET ?
            """.formatted(FlywayFactory.HISTORY_TABLE);

    private static final String VERSIONS_SQL = """
            SELECT DISTINCT h.version
              FROM %1$s h
             WHERE h.success AND h.version IS NOT NULL AND h.type <> 'DELETE'
               AND NOT EXISTS (SELECT 1 FROM %1$s d WHERE d.type = 'DELETE' AND d.version = h.version)
            """.formatted(FlywayFactory.HISTORY_TABLE);

    private static final String FINGERPRINT_SQL = """
            SELECT count(*), coalesce(max(installed_rank), 0), coalesce(sum(checksum::bigint), 0),
                   count(*) FILTER (WHERE NOT success)
              FROM %s
            """.formatted(FlywayFactory.HISTORY_TABLE);

    private final AgroalDataSource dataSource;
    private final MigrationPhases phases;

    SchemaHistory(@DataSource(MigrationDataSource.NAME) AgroalDataSource dataSource, MigrationPhases phases) {
        this.dataSource = dataSource;
        this.phases = phases;
    }

    /** Rows {@code offset} to {@code offset + limit}, newest first; an empty page when there is no history yet. */
    public Page<HistoryEntry> page(int limit, long offset) {
        try (Connection c = dataSource.getConnection()) {
            if (!historyTableExists(c)) {
                return new Page<>(List.of(), limit, offset, 0);
            }
            List<HistoryEntry> entries = new ArrayList<>(limit);
            try (PreparedStatement s = c.prepareStatement(PAGE_SQL)) {
                s.setInt(1, limit);
                s.setLong(2, offset);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        entries.add(entry(rs));
                    }
                }
            }
            return new Page<>(entries, limit, offset, count(c));
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    /**
     * The highest version applied successfully and not since marked deleted by a repair; null on an
     * empty schema. One query, for the audit's from and to.
     */
    public String currentVersion() {
        try (Connection c = dataSource.getConnection()) {
            if (!historyTableExists(c)) {
                return null;
            }
            try (PreparedStatement s = c.prepareStatement(VERSIONS_SQL); ResultSet rs = s.executeQuery()) {
                MigrationVersion current = null;
                while (rs.next()) {
                    MigrationVersion version = MigrationVersion.fromVersion(rs.getString(1));
                    current = current == null || version.compareTo(current) > 0 ? version : current;
                }
                return current == null ? null : current.getVersion();
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    /** What moves whenever anything is applied, fails, is repaired or undone: one cheap query. */
    public HistoryFingerprint fingerprint() {
        try (Connection c = dataSource.getConnection()) {
            if (!historyTableExists(c)) {
                return new HistoryFingerprint(0, 0, 0, 0);
            }
            try (PreparedStatement query = c.prepareStatement(FINGERPRINT_SQL); ResultSet rs = query.executeQuery()) {
                rs.next();
                return new HistoryFingerprint(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    /** Rows in the schema history; 0 when there is no history table. */
    public long rowCount() {
        try (Connection c = dataSource.getConnection()) {
            return historyTableExists(c) ? count(c) : 0;
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    private static boolean historyTableExists(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, FlywayFactory.HISTORY_TABLE);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static long count(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + FlywayFactory.HISTORY_TABLE);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private HistoryEntry entry(ResultSet rs) throws SQLException {
        int rawChecksum = rs.getInt("checksum");
        Integer checksum = rs.wasNull() ? null : rawChecksum;
        return new HistoryEntry(rs.getInt("installed_rank"), rs.getString("version"), rs.getString("description"),
                rs.getString("type"), rs.getString("script"), checksum,
                rs.getString("installed_by"), rs.getTimestamp("installed_on").toInstant(),
                rs.getLong("execution_time"), rs.getBoolean("success"), phases.of(rs.getString("version")));
    }
}
