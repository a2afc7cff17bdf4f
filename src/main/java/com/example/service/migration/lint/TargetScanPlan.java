package com.example.service.migration.lint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Whether the plan of an UPDATE or DELETE reads its whole target table. The scan counters alone miss
 * it on the scratch database's empty tables: a hash join whose other side is empty ends before it
 * builds its hash of the target, so the target's scan never starts, while on the real tables it
 * reads every row (Marquez's {@code V25}: {@code UPDATE datasets … FROM namespaces}).
 */
final class TargetScanPlan {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME = "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.oid = ?";

    private TargetScanPlan() {
    }

    /**
     * Plans {@code sql} (without running it) in the connection's open transaction. A statement that
     * cannot be planned is left for its own run to report: the answer is then false, and the
     * transaction is as it was.
     */
    static boolean scansWholeTable(Connection connection, String sql, long table) throws SQLException {
        String[] name = name(connection, table);
        Savepoint savepoint = connection.setSavepoint();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("EXPLAIN (FORMAT JSON, VERBOSE) " + sql)) {
            rs.next();
            return JSON.readTree(rs.getString(1)).findParents("Node Type").stream()
                    .anyMatch(node -> isSeqScanOf(node, name[0], name[1]));
        } catch (SQLException | JsonProcessingException e) {
            connection.rollback(savepoint);
            return false;
        } finally {
            connection.releaseSavepoint(savepoint);
        }
    }

    private static boolean isSeqScanOf(JsonNode node, String schema, String relation) {
        return node.path("Node Type").asText().equals("Seq Scan") && node.path("Schema").asText().equals(schema)
                && node.path("Relation Name").asText().equals(relation);
    }

    private static String[] name(Connection connection, long table) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(NAME)) {
            s.setLong(1, table);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new String[] {rs.getString(1), rs.getString(2)};
            }
        }
    }
}
