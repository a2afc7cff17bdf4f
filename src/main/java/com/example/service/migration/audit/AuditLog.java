package com.example.service.migration.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.service.database.DatabaseUnavailableException;
import com.example.service.migration.Page;
import com.example.service.migration.db.MigrationDataSource;
import com.example.service.migration.db.SqlErrors;
import com.example.service.migration.lock.MigrationLock;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;

/**
 * The audit table of schema changes. It lives in a schema of its own that the service creates on
 * first use and Flyway never manages: a reset cleans only the migrations' schema, and a downgrade
 * only undoes migrations, so the audit of earlier changes survives both.
 */
@ApplicationScoped
public class AuditLog {

    static final String SCHEMA = "example_service";
    static final String TABLE = SCHEMA + ".schema_audit";

    /** Second key of the transactional lock that serialises creating the table (the migration lock uses 1). */
    private static final int CREATE_KEY = 2;

    private static final String CREATE_TABLE = """
            CREATE TABLE IF NOT EXISTS %s (
                id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                at           timestamptz NOT NULL,
                entry_point  text NOT NULL,
                action       text NOT NULL,
                actor        text NOT NULL,
                host         text NOT NULL,
                from_version text,
                to_version   text,
                result       text NOT NULL,
                migrations   integer NOT NULL,
                duration_ms  bigint NOT NULL,
                error        text
            )
            """.formatted(TABLE);

    private static final String INSERT = """
            INSERT INTO %s (at, entry_point, action, actor, host, from_version, to_version, result, migrations,
                            duration_ms, error)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            RETURNING id
            """.formatted(TABLE);

    private static final String PAGE = """
            SELECT id, at, entry_point, action, actor, host, from_version, to_version, result, migrations,
                   duration_ms, error
              FROM %s
             ORDER BY id DESC
             LIMIT ? OFFSET ?
            """.formatted(TABLE);

    private final AgroalDataSource dataSource;
    private volatile boolean created;

    AuditLog(@DataSource(MigrationDataSource.NAME) AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores {@code entry} (its id is ignored) and returns it with the id it got. */
    AuditEntry append(AuditEntry entry) {
        try (Connection c = dataSource.getConnection()) {
            if (!created) {
                create(c);
                created = true;
            }
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setTimestamp(1, Timestamp.from(entry.at()));
                s.setString(2, entry.entryPoint());
                s.setString(3, entry.action());
                s.setString(4, entry.actor());
                s.setString(5, entry.host());
                s.setString(6, entry.fromVersion());
                s.setString(7, entry.toVersion());
                s.setString(8, entry.result());
                s.setInt(9, entry.migrations());
                s.setLong(10, entry.durationMs());
                if (entry.error() == null) {
                    s.setNull(11, Types.VARCHAR);
                } else {
                    s.setString(11, entry.error());
                }
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return new AuditEntry(rs.getLong(1), entry.at(), entry.entryPoint(), entry.action(), entry.actor(),
                            entry.host(), entry.fromVersion(), entry.toVersion(), entry.result(), entry.migrations(),
                            entry.durationMs(), entry.error());
                }
            }
        } catch (SQLException e) {
            // Someone may have dropped it: the next change tries to create it again.
            created = false;
            throw SqlErrors.translate(e);
        }
    }

    /** Rows {@code offset} to {@code offset + limit}, newest first; an empty page before the first change. */
    public Page<AuditEntry> page(int limit, long offset) {
        try (Connection c = dataSource.getConnection()) {
            if (!exists(c)) {
                return new Page<>(List.of(), limit, offset, 0);
            }
            List<AuditEntry> entries = new ArrayList<>(limit);
            try (PreparedStatement s = c.prepareStatement(PAGE)) {
                s.setInt(1, limit);
                s.setLong(2, offset);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        entries.add(entry(rs));
                    }
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + TABLE)) {
                rs.next();
                return new Page<>(entries, limit, offset, rs.getLong(1));
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    /**
     * Creates the schema and table unless they exist. Several processes may get here at once: a
     * transactional advisory lock lets one create while the others wait, then find it done. The
     * schema is created only when missing, so a role without CREATE on the database works once an
     * administrator created it.
     */
    private static void create(Connection c) throws SQLException {
        if (exists(c)) {
            return;
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)");
                PreparedStatement schema = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?");
                Statement ddl = c.createStatement()) {
            lock.setInt(1, MigrationLock.KEY_SPACE);
            lock.setInt(2, CREATE_KEY);
            lock.execute();
            schema.setString(1, SCHEMA);
            try (ResultSet rs = schema.executeQuery()) {
                if (!rs.next()) {
                    ddl.execute("CREATE SCHEMA " + SCHEMA);
                }
            }
            ddl.execute(CREATE_TABLE);
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static boolean exists(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, TABLE);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("entry_point"),
                rs.getString("action"), rs.getString("actor"), rs.getString("host"), rs.getString("from_version"),
                rs.getString("to_version"), rs.getString("result"), rs.getInt("migrations"), rs.getLong("duration_ms"),
                rs.getString("error"));
    }
}
