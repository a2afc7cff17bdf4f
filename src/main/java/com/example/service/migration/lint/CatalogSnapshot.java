package com.example.service.migration.lint;

import java.util.Map;
import java.util.Optional;

/**
 * What the scratch database's catalog and the migration's own session say at one moment: the user
 * relations with their storage and scan counters, their columns and indexes, and the table locks the
 * session holds.
 *
 * @param relations by oid
 * @param columns   by table oid, then by attribute number
 * @param indexes   by index oid
 * @param locks     the strongest lock the session holds, by relation oid
 */
record CatalogSnapshot(Map<Long, Relation> relations, Map<Long, Map<Integer, Column>> columns, Map<Long, Index> indexes,
        Map<Long, LockMode> locks) {

    /**
     * @param kind     {@code pg_class.relkind}: r table, p partitioned table, v view, m materialized view, f foreign table
     * @param filenode {@code pg_class.relfilenode}; changes when PostgreSQL rewrites the relation
     * @param seqScans sequential scans counted by the session since its statistics were last flushed
     */
    record Relation(long oid, String schema, String name, char kind, long filenode, long seqScans) {

        /** The name as people write it: without the schema when it is {@code public}. */
        String displayName() {
            return "public".equals(schema) ? name : schema + "." + name;
        }

        boolean isTable() {
            return kind == 'r' || kind == 'p';
        }

        boolean isView() {
            return kind == 'v' || kind == 'm';
        }

        String kindName() {
            return switch (kind) {
                case 'v' -> "view";
                case 'm' -> "materialized view";
                case 'f' -> "foreign table";
                default -> "table";
            };
        }
    }

    /** @param automatic an identity or generated column: filled by PostgreSQL, never by the application */
    record Column(int attnum, String name, String type, boolean notNull, boolean hasDefault, boolean automatic) {

        boolean required() {
            return notNull && !hasDefault && !automatic;
        }
    }

    /** @param filenode its storage: an index PostgreSQL recreates without rebuilding keeps it */
    record Index(long oid, long table, String name, long filenode) {
    }

    Optional<Relation> relation(long oid) {
        return Optional.ofNullable(relations.get(oid));
    }

    Optional<Relation> relationNamed(String schema, String name) {
        return relations.values().stream().filter(r -> r.schema().equals(schema) && r.name().equals(name)).findFirst();
    }

    Map<Integer, Column> columnsOf(long table) {
        return columns.getOrDefault(table, Map.of());
    }
}
