package com.example.service.migration.lint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a {@link CatalogSnapshot} on the migration's own connection, inside its transaction, so that
 * the counters and locks are the ones that transaction has. Reads catalogs only: no user table is
 * locked or scanned by it.
 */
final class CatalogReader {

    private static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'";
    private static final String RELATION_KINDS = "c.relkind IN ('r', 'p', 'v', 'm', 'f')";

    private static final String RELATIONS = "SELECT c.oid, n.nspname, c.relname, c.relkind, c.relfilenode, coalesce(s.seq_scan, 0)"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_stat_xact_user_tables s ON s.relid = c.oid"
            + " WHERE " + RELATION_KINDS + " AND " + USER_SCHEMAS;
    private static final String COLUMNS = "SELECT a.attrelid, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod),"
            + " a.attnotnull, a.atthasdef, a.attidentity <> '' OR a.attgenerated <> ''"
            + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE a.attnum > 0 AND NOT a.attisdropped AND " + RELATION_KINDS + " AND " + USER_SCHEMAS;
    private static final String INDEXES = "SELECT i.indexrelid, i.indrelid, ic.relname, ic.relfilenode"
            + " FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace"
            + " WHERE " + USER_SCHEMAS;
    private static final String LOCKS = "SELECT relation, mode FROM pg_locks"
            + " WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted"
            + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";
    private static final String REGCLASS = "SELECT to_regclass(?)::oid";

    private CatalogReader() {
    }

    static CatalogSnapshot read(Connection c) throws SQLException {
        Map<Long, CatalogSnapshot.Relation> relations = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(RELATIONS); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                relations.put(rs.getLong(1), new CatalogSnapshot.Relation(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4).charAt(0), rs.getLong(5), rs.getLong(6)));
            }
        }
        Map<Long, Map<Integer, CatalogSnapshot.Column>> columns = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(COLUMNS); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getInt(2), new CatalogSnapshot.Column(
                        rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7)));
            }
        }
        Map<Long, CatalogSnapshot.Index> indexes = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(INDEXES); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                indexes.put(rs.getLong(1), new CatalogSnapshot.Index(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4)));
            }
        }
        Map<Long, LockMode> locks = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(LOCKS); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                locks.merge(rs.getLong(1), LockMode.of(rs.getString(2)), LockMode::max);
            }
        }
        return new CatalogSnapshot(relations, columns, indexes, locks);
    }

    /** The oid of the relation {@code name} (as written in SQL) resolves to now; null when none. */
    static Long resolve(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(REGCLASS)) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                long oid = rs.getLong(1);
                return rs.wasNull() ? null : oid;
            }
        }
    }
}
